package org.touyan.itests.plugins;

import java.math.BigDecimal;

import org.touyan.api.evaluation.StarRating;
import org.touyan.api.evaluation.StarRatingFormula;
import org.touyan.api.evaluation.StarRatingInput;

/** A hostile formula: looks at the platform's files. */
public class FileReadingFormula implements StarRatingFormula {
	@Override
	public StarRating rate(StarRatingInput input) {
		return new StarRating(BigDecimal.ONE, new java.io.File("data").exists() ? 5 : 1, "files");
	}
}
