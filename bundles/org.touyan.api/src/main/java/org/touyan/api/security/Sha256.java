package org.touyan.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The platform's SHA-256: of a text (how tokens are stored), and of the fields of an entry in a
 * hash chain (the audit log, a person's archive) in a numbered encoding that each entry records,
 * so an entry written in an older encoding is still verified by the encoding it was written in.
 */
public final class Sha256 {

	/**
	 * The first encoding: the fields joined by newlines, a null field as {@code null}. Ambiguous:
	 * text moved across a newline from one field to the next hashes the same. Kept to verify the
	 * entries written with it; nothing new is written with it.
	 */
	public static final int FORMAT_1 = 1;
	/**
	 * Each field as its length in UTF-8 bytes, a colon and the bytes; a null field as {@code -}.
	 * Distinct field lists always encode differently.
	 */
	public static final int FORMAT_2 = 2;
	/** The encoding new entries are written in. */
	public static final int CURRENT = FORMAT_2;

	private static final byte[] NULL = { '-' };

	private Sha256() {
	}

	/** The hex SHA-256 of {@code text}'s UTF-8 bytes. */
	public static String hex(String text) {
		return hex(text.getBytes(StandardCharsets.UTF_8));
	}

	/** The hex SHA-256 of {@code bytes}. */
	public static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(digest().digest(bytes));
	}

	/**
	 * The hex SHA-256 of a chain entry's {@code fields} in encoding {@code format}.
	 *
	 * @throws IllegalArgumentException for an encoding that does not exist
	 */
	public static String chain(int format, String... fields) {
		return switch (format) {
		case FORMAT_1 -> hex(String.join("\n", fields));
		case FORMAT_2 -> {
			MessageDigest d = digest();
			for (String field : fields) {
				if (field == null) {
					d.update(NULL);
				} else {
					byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
					d.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
					d.update(bytes);
				}
			}
			yield HexFormat.of().formatHex(d.digest());
		}
		default -> throw new IllegalArgumentException("no hash chain encoding " + format);
		};
	}

	/** A new SHA-256 digest, for a hash fed piece by piece (a rating run's inputs, a jar). */
	public static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java platform has SHA-256", e);
		}
	}
}
