package org.touyan.evaluation.internal.cycle;

import java.math.BigDecimal;

import org.touyan.api.policy.Provenance;
import org.touyan.api.rest.Nullable;

/**
 * A community's star rating in a cycle, or why its formula failed for it, with the code that
 * answered and the SHA-256 of what it was given (scores, parameters, period), so a result can be
 * traced and recomputed.
 *
 * @param run the rating run that produced it (1 when scoring closed, then each re-rating)
 * @param failure null for a rating; the reason when the formula failed for this community
 */
public record Rating(String cycleId, String communityId, String streetId, int run, @Nullable BigDecimal score, @Nullable Integer stars,
		@Nullable String explanation, @Nullable String failure, @Nullable Provenance provenance, String inputHash) {
}
