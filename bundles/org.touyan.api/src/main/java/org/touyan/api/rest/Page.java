package org.touyan.api.rest;

import java.util.List;

/**
 * One page of a collection: the items from {@code offset}, at most {@code limit} of them, and the
 * {@code total} number matching the query, so a client knows how many pages there are.
 */
public record Page<T>(List<T> items, long total, int offset, int limit) {
}
