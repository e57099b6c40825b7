package org.touyan.itests.plugins;

import java.math.BigDecimal;

import org.touyan.api.evaluation.StarRating;
import org.touyan.api.evaluation.StarRatingFormula;
import org.touyan.api.evaluation.StarRatingInput;

/** A well-behaved formula, registered under another policy id than the one that is bound. */
public class RenamedFormula implements StarRatingFormula {
	@Override
	public StarRating rate(StarRatingInput input) {
		return new StarRating(BigDecimal.valueOf(80), 4, "四星");
	}
}
