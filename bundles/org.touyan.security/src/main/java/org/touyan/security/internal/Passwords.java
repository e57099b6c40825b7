package org.touyan.security.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.touyan.api.rest.ProblemException;

/**
 * Password hashing with the JDK's PBKDF2-HMAC-SHA256, a 16-byte random salt and a 256-bit key. The
 * stored form names its iteration count, so raising the count later still verifies old hashes (and
 * they are re-hashed at the next login).
 */
final class Passwords {

	/** OWASP's recommendation for PBKDF2-HMAC-SHA256 (Password Storage Cheat Sheet, 2023). */
	static final int DEFAULT_ITERATIONS = 600_000;

	static final int MIN_LENGTH = 12;
	static final int MAX_LENGTH = 128;

	private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
	private static final String PREFIX = "pbkdf2-sha256";
	private static final SecureRandom RANDOM = new SecureRandom();
	// letters and digits that cannot be mistaken for one another when read from a console
	private static final char[] READABLE = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789".toCharArray();

	private final int iterations;

	Passwords(int iterations) {
		if (iterations < 1) {
			throw new IllegalArgumentException("iterations must be positive");
		}
		this.iterations = iterations;
	}

	String hash(String password) {
		byte[] salt = new byte[16];
		RANDOM.nextBytes(salt);
		return PREFIX + "$" + iterations + "$" + b64(salt) + "$" + b64(derive(password, salt, iterations));
	}

	/** Whether {@code password} matches {@code stored}; compares in constant time. */
	boolean verify(String password, String stored) {
		String[] parts = stored.split("\\$");
		if (parts.length != 4 || !parts[0].equals(PREFIX)) {
			return false;
		}
		byte[] salt = Base64.getDecoder().decode(parts[2]);
		byte[] expected = Base64.getDecoder().decode(parts[3]);
		return MessageDigest.isEqual(expected, derive(password, salt, Integer.parseInt(parts[1])));
	}

	/**
	 * Spends the same time as a verification, for a login name nobody has, so the answer's timing
	 * does not tell which logins exist.
	 */
	void verifyNobody(String password) {
		derive(password, new byte[16], iterations);
	}

	boolean isCurrent(String stored) {
		return stored.startsWith(PREFIX + "$" + iterations + "$");
	}

	/** A new password's rules: long enough to resist guessing, short enough to hash cheaply. */
	static String checkNew(String field, String password) {
		if (password == null || password.length() < MIN_LENGTH) {
			throw ProblemException.invalid(field, "密码至少 " + MIN_LENGTH + " 个字符", field + " must have at least " + MIN_LENGTH + " characters");
		}
		if (password.length() > MAX_LENGTH) {
			throw ProblemException.invalid(field, "密码最多 " + MAX_LENGTH + " 个字符", field + " must have at most " + MAX_LENGTH + " characters");
		}
		if (password.chars().distinct().count() < 5) {
			throw ProblemException.invalid(field, "密码须包含至少 5 个不同的字符", field + " must use at least 5 different characters");
		}
		return password;
	}

	/** A one-time password: 20 readable characters, about 116 bits. */
	static String generate() {
		char[] out = new char[20];
		for (int i = 0; i < out.length; i++) {
			out[i] = READABLE[RANDOM.nextInt(READABLE.length)];
		}
		return new String(out);
	}

	private static byte[] derive(String password, byte[] salt, int iterations) {
		PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
		try {
			return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException("the JDK has no " + ALGORITHM, e);
		} finally {
			spec.clearPassword();
		}
	}

	private static String b64(byte[] bytes) {
		return Base64.getEncoder().withoutPadding().encodeToString(bytes);
	}
}
