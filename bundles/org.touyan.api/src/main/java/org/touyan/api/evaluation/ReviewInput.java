package org.touyan.api.evaluation;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The four reviews of one secretary in one half-year, each 0–100 or null when not given.
 *
 * @param residents the mean of the residents' ballots over 德 能 勤 绩 廉, or null when fewer than
 *        the platform's minimum were cast ({@code ballots} says how many were)
 * @param parameters the binding's parameters (weights, grade cut-offs…), as text
 */
public record ReviewInput(String personId, String communityId, String period, BigDecimal self, BigDecimal residents,
		int ballots, BigDecimal street, BigDecimal organization, Map<String, String> parameters) {

	public ReviewInput {
		parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
	}
}
