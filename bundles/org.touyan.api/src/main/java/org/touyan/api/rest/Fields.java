package org.touyan.api.rest;

/**
 * The checks of request fields that every resource shares. Each refusal is a 400 that names its
 * field, with a detail a user reads next to that field (Chinese, and English for a client that asks
 * for it). Text is stripped; its length counts characters as users see them (code points), so 𠮷 is
 * one character.
 */
public final class Fields {

	private Fields() {
	}

	/** A request that needs a JSON body and has none. */
	public static <T> T body(T body) {
		if (body == null) {
			throw ProblemException.invalid(null, "请求须带 JSON 正文", "A JSON body is required");
		}
		return body;
	}

	/** The stripped one-line text; a refusal when missing or blank. */
	public static String required(String field, String value, int max) {
		return line(field, value, max, true);
	}

	/** The stripped one-line text, or null when missing or blank. */
	public static String optional(String field, String value, int max) {
		return line(field, value, max, false);
	}

	/** One line of text (a name, a code, a reason): no control characters. */
	public static String line(String field, String value, int max, boolean required) {
		return text(field, value, max, required, false);
	}

	/** Text that may run over several lines (a note, a report): line breaks allowed, other control characters not. */
	public static String paragraph(String field, String value, int max, boolean required) {
		return text(field, value, max, required, true);
	}

	/** A year such as 2026 (2000 to 2100). */
	public static int year(String field, Integer value) {
		if (value == null || value < 2000 || value > 2100) {
			throw ProblemException.invalid(field, "应为年份，如 2026", field + " must be a year such as 2026");
		}
		return value;
	}

	/** An optional year given as a query parameter: null when absent. */
	public static Integer year(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return year(field, Integer.valueOf(value.strip()));
		} catch (NumberFormatException e) {
			return year(field, (Integer) null);
		}
	}

	/** A refusal of a missing required field, for checks of values that are not text. */
	public static ProblemException missing(String field) {
		return ProblemException.invalid(field, "此项必填", field + " is required");
	}

	private static String text(String field, String value, int max, boolean required, boolean lines) {
		String v = value == null ? null : value.strip();
		if (v == null || v.isEmpty()) {
			if (required) {
				throw missing(field);
			}
			return null;
		}
		if (v.codePointCount(0, v.length()) > max) {
			throw ProblemException.invalid(field, "最多 " + max + " 个字", field + " must be at most " + max + " characters");
		}
		if (v.codePoints().anyMatch(ch -> Character.isISOControl(ch) && !(lines && (ch == '\n' || ch == '\r' || ch == '\t')))) {
			throw ProblemException.invalid(field, "不能含有控制字符", field + " must not contain control characters");
		}
		return v;
	}
}
