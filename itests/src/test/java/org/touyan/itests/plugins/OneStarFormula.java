package org.touyan.itests.plugins;

import java.math.BigDecimal;

import org.touyan.api.evaluation.StarRating;
import org.touyan.api.evaluation.StarRatingFormula;
import org.touyan.api.evaluation.StarRatingInput;

/** A formula that rates everything one star: swapped in mid-cycle, it shows whether a pinned cycle noticed. */
public class OneStarFormula implements StarRatingFormula {
	@Override
	public StarRating rate(StarRatingInput input) {
		return new StarRating(BigDecimal.ONE, 1, "一星");
	}
}
