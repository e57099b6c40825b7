package org.touyan.itests.plugins;

import java.math.BigDecimal;

import org.touyan.api.evaluation.StarRating;
import org.touyan.api.evaluation.StarRatingFormula;
import org.touyan.api.evaluation.StarRatingInput;

/** A hostile formula: answers seven stars. */
public class OutOfRangeFormula implements StarRatingFormula {
	@Override
	public StarRating rate(StarRatingInput input) {
		return new StarRating(BigDecimal.valueOf(100), 7, "七星");
	}
}
