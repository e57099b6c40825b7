package org.touyan.itests.plugins;

import java.math.BigDecimal;

import org.touyan.api.evaluation.StarRating;
import org.touyan.api.evaluation.StarRatingFormula;
import org.touyan.api.evaluation.StarRatingInput;

/** A hostile formula: a pure loop that never ends and never looks at interrupts. */
public class LoopingFormula implements StarRatingFormula {
	@Override
	public StarRating rate(StarRatingInput input) {
		long n = input.scores().size();
		while (n >= 0) {
			n = (n * 31 + 7) & Long.MAX_VALUE;
		}
		return new StarRating(BigDecimal.valueOf(n), 3, "never");
	}
}
