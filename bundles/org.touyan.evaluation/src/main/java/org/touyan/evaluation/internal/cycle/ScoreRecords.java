package org.touyan.evaluation.internal.cycle;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.touyan.api.rest.Nullable;

/** The shapes of score entry over the API, kept together because they only make sense together. */
public final class ScoreRecords {

	private ScoreRecords() {
	}

	/**
	 * One score a department enters: the community and the score; {@code dimension}, when given,
	 * must be the department's own (its code).
	 */
	public record ScoreEntry(String communityId, @Nullable String dimension, BigDecimal score) {
	}

	/** A department's scores for one cycle, entered together: all of them or none. */
	public record ScoreBatch(String departmentId, List<ScoreEntry> scores) {
	}

	/** A stored score. */
	public record Score(String cycleId, String communityId, String streetId, String departmentId, String dimension,
			BigDecimal score, String actor, Instant enteredAt) {
	}

	/** A change of one stored score; the reason is required and kept. */
	public record CorrectionInput(BigDecimal score, @Nullable String reason) {
	}

	/** A correction as recorded. */
	public record Correction(String communityId, String departmentId, BigDecimal oldScore, BigDecimal newScore,
			@Nullable String reason, String actor, Instant correctedAt) {
	}

	/**
	 * What an entry did: how many rows it read and whether they were written (all or none); when
	 * not, each fault with its row (1 is the CSV header, or the index in a JSON list) and field.
	 */
	public record EntryReport(int rows, boolean written, List<RowError> errors) {
	}

	/** A fault of one row. */
	public record RowError(int row, @Nullable String field, String error) {
	}

	/** How far one scoring department has got: communities scored of those in the district. */
	public record Completeness(String departmentId, String code, String name, int scored, int communities, boolean complete) {
	}
}
