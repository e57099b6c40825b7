package org.touyan.api.security;

import java.util.Set;

/**
 * How personal numbers are masked in API answers (PIPL): a resident ID number keeps its first six
 * and last four characters ({@code 110101********1234}), a phone number its first three and last
 * four. Answers are masked by field name, so every JSON field and CSV column listed in
 * {@link #FIELDS} is masked wherever it appears; the value itself is only revealed by an explicit,
 * audited request.
 */
public final class Masking {

	/** JSON fields and CSV columns that hold an ID number. */
	public static final Set<String> ID_NUMBER_FIELDS = Set.of("idNumber");

	/** JSON fields and CSV columns that hold a phone number. */
	public static final Set<String> PHONE_FIELDS = Set.of("phone");

	/** Every masked field. */
	public static final Set<String> FIELDS = Set.of("idNumber", "phone");

	private Masking() {
	}

	/** The masked form of {@code value} when {@code field} is a masked field, else the value. */
	public static String mask(String field, String value) {
		if (value == null) {
			return null;
		}
		if (ID_NUMBER_FIELDS.contains(field)) {
			return keep(value, 6, 4);
		}
		if (PHONE_FIELDS.contains(field)) {
			return keep(value, 3, 4);
		}
		return value;
	}

	/** Whether {@code candidate} is what {@code value} looks like masked (a client sending back what it read). */
	public static boolean isMaskOf(String field, String candidate, String value) {
		return candidate != null && value != null && candidate.contains("*") && candidate.equals(mask(field, value));
	}

	private static String keep(String value, int head, int tail) {
		int n = value.length();
		if (n <= head + tail) {
			// too short to show both ends: show only the last character or nothing
			return "*".repeat(Math.max(0, n - 1)) + (n > 0 ? value.substring(n - 1) : "");
		}
		return value.substring(0, head) + "*".repeat(n - head - tail) + value.substring(n - tail);
	}
}
