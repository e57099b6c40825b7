package org.touyan.training.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.touyan.api.rest.Fields;
import org.touyan.api.rest.ProblemException;

/** Field rules shared by the training resources; each failure names its field. */
final class Input {

	private Input() {
	}

	static void body(Object body) {
		Fields.body(body);
	}

	static String required(String field, String value) {
		return text(field, value, 200, true);
	}

	static String text(String field, String value, int max, boolean required) {
		return Fields.paragraph(field, value, max, required);
	}

	/** Hours: more than 0 and at most {@code max}, in tenths. */
	static BigDecimal hours(String field, BigDecimal value, BigDecimal max) {
		if (value == null) {
			throw Fields.missing(field);
		}
		if (value.signum() < 0 || value.compareTo(max) > 0) {
			throw ProblemException.invalid(field, "应在 0 至 " + max.toPlainString() + " 小时之间",
					field + " must be between 0 and " + max.toPlainString());
		}
		if (value.stripTrailingZeros().scale() > 1) {
			throw ProblemException.invalid(field, "以 0.1 小时计", field + " is counted in tenths of an hour");
		}
		return value;
	}

	static int year(String field, Integer value) {
		return Fields.year(field, value);
	}

	/** An optional year query parameter. */
	static Integer year(String field, String value) {
		return Fields.year(field, value);
	}

	/** An optional ISO date query parameter. */
	static LocalDate date(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		} catch (DateTimeParseException e) {
			throw ProblemException.invalid(field, "应为日期，如 2026-11-27，而不是 " + value, field + " must be a date like 2026-11-27, was '" + value + "'");
		}
	}
}
