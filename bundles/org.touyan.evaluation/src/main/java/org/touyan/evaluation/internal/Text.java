package org.touyan.evaluation.internal;

import org.touyan.api.rest.ProblemException;

/** The checks of free-text fields that every request of the use side (精挑用) shares, each naming its field. */
final class Text {

	private Text() {
	}

	/** The stripped value; a 400 naming {@code field} when it is missing, blank or longer than {@code max}. */
	static String required(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			throw ProblemException.invalid(field, field + " is required");
		}
		return optional(field, value, max);
	}

	/** The stripped value or null when blank; a 400 naming {@code field} when longer than {@code max}. */
	static String optional(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String v = value.strip();
		if (v.length() > max) {
			throw ProblemException.invalid(field, field + " is at most " + max + " characters");
		}
		return v;
	}
}
