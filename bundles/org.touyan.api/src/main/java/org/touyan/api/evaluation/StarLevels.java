package org.touyan.api.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Arithmetic most formulas share, published so that a street's variant is a few lines: the
 * weighted mean of the departments' scores and the cut-offs from a score to 1–5 stars, both read
 * from the binding's parameters with the district guidance as defaults.
 *
 * <p>Parameters: {@code weight.<code>} (default 1) per department code; {@code stars.5},
 * {@code stars.4}, {@code stars.3}, {@code stars.2} the lowest score of each level (defaults
 * 90, 80, 70, 60); below {@code stars.2} is 1 star.
 */
public final class StarLevels {

	private static final int[] DEFAULT_CUTS = { 90, 80, 70, 60 };

	private StarLevels() {
	}

	/** Weighted mean of {@code scores}, two decimals; 0 when there are none. */
	public static BigDecimal weightedMean(Map<String, BigDecimal> scores, Map<String, String> parameters) {
		BigDecimal sum = BigDecimal.ZERO;
		BigDecimal weights = BigDecimal.ZERO;
		for (Map.Entry<String, BigDecimal> e : scores.entrySet()) {
			BigDecimal w = decimal(parameters, "weight." + e.getKey(), BigDecimal.ONE);
			sum = sum.add(e.getValue().multiply(w));
			weights = weights.add(w);
		}
		return weights.signum() == 0 ? BigDecimal.ZERO.setScale(2) : sum.divide(weights, 2, RoundingMode.HALF_UP);
	}

	/** The star level of {@code score} under the cut-offs in {@code parameters}. */
	public static int stars(BigDecimal score, Map<String, String> parameters) {
		for (int level = 5; level >= 2; level--) {
			BigDecimal cut = decimal(parameters, "stars." + level, BigDecimal.valueOf(DEFAULT_CUTS[5 - level]));
			if (score.compareTo(cut) >= 0) {
				return level;
			}
		}
		return 1;
	}

	/** A decimal parameter, or {@code otherwise} when it is absent or not a number. */
	public static BigDecimal decimal(Map<String, String> parameters, String key, BigDecimal otherwise) {
		String v = parameters.get(key);
		if (v == null) {
			return otherwise;
		}
		try {
			return new BigDecimal(v.strip());
		} catch (NumberFormatException e) {
			return otherwise;
		}
	}
}
