package org.touyan.api.rest;

import java.util.List;

/**
 * One page of a collection: the items from {@code offset}, at most {@code limit} of them, and the
 * {@code total} number matching the query, so a client knows how many pages there are.
 */
public record Page<T>(List<T> items, long total, int offset, int limit) {

	/**
	 * The page of {@code all} that {@code paging} asks for, for a collection that is read whole
	 * anyway (a cycle's transitions, a session's attendance): every collection answers the same
	 * envelope, however it is stored.
	 */
	public static <T> Page<T> of(List<T> all, Paging paging) {
		int from = Math.min(paging.offset(), all.size());
		int to = (int) Math.min(all.size(), (long) from + paging.limit());
		return new Page<>(List.copyOf(all.subList(from, to)), all.size(), paging.offset(), paging.limit());
	}
}
