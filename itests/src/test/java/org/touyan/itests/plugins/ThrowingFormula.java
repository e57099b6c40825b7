package org.touyan.itests.plugins;

import org.touyan.api.evaluation.StarRating;
import org.touyan.api.evaluation.StarRatingFormula;
import org.touyan.api.evaluation.StarRatingInput;

/** A hostile formula: always throws, with a message that must not reach clients. */
public class ThrowingFormula implements StarRatingFormula {
	@Override
	public StarRating rate(StarRatingInput input) {
		throw new IllegalStateException("org.example.Secret failed");
	}
}
