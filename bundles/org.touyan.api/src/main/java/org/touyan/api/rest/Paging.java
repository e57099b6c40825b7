package org.touyan.api.rest;

/**
 * The validated {@code limit}/{@code offset} of a collection request: a resource passes the raw
 * query parameters and gets either a usable window or a 400 problem naming the parameter.
 */
public record Paging(int offset, int limit) {

	public static Paging of(Integer offset, Integer limit) {
		int o = offset == null ? 0 : offset;
		int l = limit == null ? RestConstants.DEFAULT_LIMIT : limit;
		if (o < 0) {
			throw ProblemException.invalid("offset", "offset must be 0 or more, was " + o);
		}
		if (l < 1 || l > RestConstants.MAX_LIMIT) {
			throw ProblemException.invalid("limit",
					"limit must be between 1 and " + RestConstants.MAX_LIMIT + ", was " + l);
		}
		return new Paging(o, l);
	}
}
