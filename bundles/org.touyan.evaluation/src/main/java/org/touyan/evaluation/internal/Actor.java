package org.touyan.evaluation.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

import org.touyan.api.rest.ProblemException;

/**
 * Who makes a change, from the {@code X-Touyan-Actor} header the registry reads too, so the
 * archive names the same person whichever bundle records the change.
 */
final class Actor {

	static final String HEADER = "X-Touyan-Actor";
	private static final String UTF8_VALUE = "UTF-8''";

	private Actor() {
	}

	/**
	 * The header's value, or {@code system} without one. HTTP header values are ISO-8859-1, so a
	 * Chinese name comes percent-encoded as an RFC 8187 value ({@code UTF-8''%E5%BC%A0…}).
	 */
	static String of(String header) {
		if (header == null || header.isBlank()) {
			return "system";
		}
		String v = header.strip();
		if (v.regionMatches(true, 0, UTF8_VALUE, 0, UTF8_VALUE.length())) {
			String encoded = v.substring(UTF8_VALUE.length());
			if (!encoded.matches("([A-Za-z0-9!#$&+.^_`|~-]|%[0-9A-Fa-f]{2})*")) {
				throw ProblemException.invalid(HEADER, HEADER + " is not a valid UTF-8'' value");
			}
			java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
			for (int i = 0; i < encoded.length(); i++) {
				char ch = encoded.charAt(i);
				if (ch == '%') {
					out.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
					i += 2;
				} else {
					out.write(ch);
				}
			}
			try {
				v = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(out.toByteArray())).toString().strip();
			} catch (CharacterCodingException e) {
				throw ProblemException.invalid(HEADER, HEADER + " does not decode as UTF-8");
			}
		}
		if (v.isEmpty()) {
			return "system";
		}
		if (v.length() > 100) {
			throw ProblemException.invalid(HEADER, HEADER + " is at most 100 characters");
		}
		return v;
	}
}
