package org.touyan.api.registry;

import java.util.List;

import org.touyan.api.rest.Nullable;

/**
 * The outcome of a roster import: {@code written} only when every row was valid, and then the
 * people and posts it created; otherwise nothing was written and {@code errors} lists each fault.
 */
public record ImportReport(int rows, boolean written, int peopleCreated, int postsCreated, List<RowError> errors) {

	/** A fault of one row (1 is the header) and column. */
	public record RowError(int row, @Nullable String field, String error) {
	}
}
