package org.touyan.api.evaluation;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A secretary's results of one half-year, as the classification sees them.
 *
 * @param stars the community's star rating (1–5), or null when it was not rated
 * @param starScore the rating's total score, or null
 * @param grade the four-review grade (one of {@link ReviewResult#GRADES}), or null when not assessed
 * @param assessmentScore the four-review score, or null
 * @param parameters the binding's parameters (thresholds…), as text
 */
public record ClassificationInput(String personId, String communityId, String period, Integer stars, BigDecimal starScore,
		String grade, BigDecimal assessmentScore, Map<String, String> parameters) {

	public ClassificationInput {
		parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
	}
}
