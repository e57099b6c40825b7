package org.touyan.api.rest;

/**
 * The validated {@code limit}/{@code offset} of a collection request: a resource passes the raw
 * query parameters (as text, so that {@code limit=abc} is a 400 naming the parameter rather than
 * the 404 JAX-RS gives for a parameter it cannot convert) and gets a usable window.
 */
public record Paging(int offset, int limit) {

	public static Paging of(String offset, String limit) {
		return of(number("offset", offset, 0), number("limit", limit, RestConstants.DEFAULT_LIMIT));
	}

	private static int number(String name, String value, int absent) {
		if (value == null || value.isBlank()) {
			return absent;
		}
		try {
			return Integer.valueOf(value.strip());
		} catch (NumberFormatException e) {
			throw ProblemException.invalid(name, name + " 应为整数，所填为“" + value + "”",
					name + " must be a whole number, was '" + value + "'");
		}
	}

	public static Paging of(int o, int l) {
		if (o < 0) {
			throw ProblemException.invalid("offset", "offset 不能小于 0，所填为 " + o, "offset must be 0 or more, was " + o);
		}
		if (l < 1 || l > RestConstants.MAX_LIMIT) {
			throw ProblemException.invalid("limit", "limit 应在 1 至 " + RestConstants.MAX_LIMIT + " 之间，所填为 " + l,
					"limit must be between 1 and " + RestConstants.MAX_LIMIT + ", was " + l);
		}
		return new Paging(o, l);
	}
}
