package org.touyan.evaluation.internal.cycle;

import java.time.Instant;

import org.touyan.api.rest.Nullable;

/** One rating of a whole cycle: when scoring closed or an explicit re-rating, why, by whom, how many, how long. */
public record RatingRun(String cycleId, int run, @Nullable String reason, String actor, int rated, int failed, Instant startedAt,
		long millis) {
}
