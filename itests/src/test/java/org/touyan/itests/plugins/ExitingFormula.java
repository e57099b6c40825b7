package org.touyan.itests.plugins;

import org.touyan.api.evaluation.StarRating;
import org.touyan.api.evaluation.StarRatingFormula;
import org.touyan.api.evaluation.StarRatingInput;

/** A hostile formula: stops the whole JVM. */
public class ExitingFormula implements StarRatingFormula {
	@Override
	public StarRating rate(StarRatingInput input) {
		System.exit(0);
		return null;
	}
}
