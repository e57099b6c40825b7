package org.touyan.api.evaluation;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What a formula rates: one community's scores for one period.
 *
 * @param communityId the community rated
 * @param streetId its street, whose binding chose the formula
 * @param period the half-year, e.g. {@code 2026-H1}
 * @param scores each scoring department's score, keyed by department code (e.g. {@code MZJ} 民政局)
 *        or by dimension, as the district configures
 * @param parameters the binding's parameters (weights, thresholds…), as text; a formula documents
 *        the keys it reads and uses its own defaults for missing ones
 */
public record StarRatingInput(String communityId, String streetId, String period, Map<String, BigDecimal> scores,
		Map<String, String> parameters) {

	public StarRatingInput {
		scores = Map.copyOf(scores);
		parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
	}
}
