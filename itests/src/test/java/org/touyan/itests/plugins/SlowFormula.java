package org.touyan.itests.plugins;

import java.math.BigDecimal;

import org.touyan.api.evaluation.StarRating;
import org.touyan.api.evaluation.StarRatingFormula;
import org.touyan.api.evaluation.StarRatingInput;

/** A hostile formula: never answers within the time limit. */
public class SlowFormula implements StarRatingFormula {
	@Override
	public StarRating rate(StarRatingInput input) {
		try {
			Thread.sleep(60_000);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		return new StarRating(BigDecimal.TEN, 3, "late");
	}
}
