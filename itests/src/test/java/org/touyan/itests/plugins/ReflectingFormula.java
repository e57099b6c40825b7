package org.touyan.itests.plugins;

import java.math.BigDecimal;

import org.touyan.api.evaluation.StarRating;
import org.touyan.api.evaluation.StarRatingFormula;
import org.touyan.api.evaluation.StarRatingInput;

/** A hostile formula: reaches System.exit through reflection, past a plain look at its calls. */
public class ReflectingFormula implements StarRatingFormula {
	@Override
	public StarRating rate(StarRatingInput input) {
		try {
			Class.forName("java.lang.System").getMethod("exit", int.class).invoke(null, 0);
		} catch (ReflectiveOperationException e) {
			throw new IllegalStateException(e);
		}
		return new StarRating(BigDecimal.ONE, 1, "reflected");
	}
}
