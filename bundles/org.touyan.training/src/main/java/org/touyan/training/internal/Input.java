package org.touyan.training.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.touyan.api.rest.ProblemException;

/** Field rules shared by the training resources; each failure names its field. */
final class Input {

	private Input() {
	}

	static void body(Object body) {
		if (body == null) {
			throw ProblemException.invalid(null, "A JSON body is required");
		}
	}

	static String required(String field, String value) {
		return text(field, value, 200, true);
	}

	static String text(String field, String value, int max, boolean required) {
		String v = value == null ? null : value.strip();
		if (v == null || v.isEmpty()) {
			if (required) {
				throw ProblemException.invalid(field, field + " is required");
			}
			return null;
		}
		if (v.codePointCount(0, v.length()) > max) {
			throw ProblemException.invalid(field, field + " must be at most " + max + " characters");
		}
		if (v.codePoints().anyMatch(ch -> Character.isISOControl(ch) && ch != '\n')) {
			throw ProblemException.invalid(field, field + " must not contain control characters");
		}
		return v;
	}

	/** Hours: more than 0 and at most {@code max}, in tenths. */
	static BigDecimal hours(String field, BigDecimal value, BigDecimal max) {
		if (value == null) {
			throw ProblemException.invalid(field, field + " is required");
		}
		if (value.signum() < 0 || value.compareTo(max) > 0) {
			throw ProblemException.invalid(field, field + " must be between 0 and " + max.toPlainString());
		}
		if (value.stripTrailingZeros().scale() > 1) {
			throw ProblemException.invalid(field, field + " is counted in tenths of an hour");
		}
		return value;
	}

	static int year(String field, Integer value) {
		if (value == null || value < 2000 || value > 2100) {
			throw ProblemException.invalid(field, field + " must be a year such as 2026");
		}
		return value;
	}

	/** An optional year query parameter. */
	static Integer year(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return year(field, Integer.valueOf(value.strip()));
		} catch (NumberFormatException e) {
			throw ProblemException.invalid(field, field + " must be a year such as 2026");
		}
	}

	/** An optional ISO date query parameter. */
	static LocalDate date(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		} catch (DateTimeParseException e) {
			throw ProblemException.invalid(field, field + " must be a date like 2026-11-27, was '" + value + "'");
		}
	}
}
