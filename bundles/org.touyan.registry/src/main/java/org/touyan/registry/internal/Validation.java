package org.touyan.registry.internal;

import java.util.regex.Pattern;

import org.touyan.api.rest.ProblemException;
import org.touyan.api.registry.UnitInput;

/** Field rules shared by every organisation unit; each failure names its field. */
final class Validation {

	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,19}");

	private Validation() {
	}

	static UnitInput unit(UnitInput input) {
		if (input == null) {
			throw ProblemException.invalid(null, "A JSON body is required");
		}
		if (input.code() == null || !CODE.matcher(input.code()).matches()) {
			throw ProblemException.invalid("code",
					"code must be 1 to 20 letters, digits, '-' or '_', starting with a letter or digit");
		}
		String name = text("name", input.name(), 100, true);
		String nameEn = text("nameEn", input.nameEn(), 200, false);
		return new UnitInput(input.parentId(), input.code(), name, nameEn);
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
		if (v.codePoints().anyMatch(Character::isISOControl)) {
			throw ProblemException.invalid(field, field + " must not contain control characters");
		}
		return v;
	}
}
