package org.touyan.itests.plugins;

import org.touyan.api.evaluation.StarLevels;
import org.touyan.api.evaluation.StarRating;
import org.touyan.api.evaluation.StarRatingFormula;
import org.touyan.api.evaluation.StarRatingInput;

/** A well-behaved formula: the district arithmetic, for tests that need a real rating. */
public class MeanFormula implements StarRatingFormula {
	@Override
	public StarRating rate(StarRatingInput input) {
		var score = StarLevels.weightedMean(input.scores(), input.parameters());
		return new StarRating(score, StarLevels.stars(score, input.parameters()), "平均 " + score);
	}
}
