package org.touyan.plugin.star.district;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.touyan.api.evaluation.StarRating;
import org.touyan.api.evaluation.StarRatingInput;

class DistrictDefaultFormulaTest {

	private final DistrictDefaultFormula formula = new DistrictDefaultFormula();

	private static StarRatingInput input(Map<String, BigDecimal> scores, Map<String, String> parameters) {
		return new StarRatingInput("c1", "s1", "2026-H1", scores, parameters);
	}

	@Test
	void theMeanOfTheScoresCutIntoFiveLevels() {
		StarRating r = formula.rate(input(Map.of("MZJ", new BigDecimal("90"), "ZFW", new BigDecimal("80")), Map.of()));
		assertEquals(new BigDecimal("85.00"), r.score());
		assertEquals(4, r.stars());
		assertTrue(r.explanation().contains("ZFW 80"), r.explanation());
		assertEquals(1, formula.rate(input(Map.of("MZJ", new BigDecimal("59.99")), Map.of())).stars());
		assertEquals(5, formula.rate(input(Map.of("MZJ", new BigDecimal("90")), Map.of())).stars());
	}

	@Test
	void weightsAndCutOffsComeFromTheBindingParameters() {
		Map<String, String> p = Map.of("weight.MZJ", "3", "stars.5", "88");
		StarRating r = formula.rate(input(Map.of("MZJ", new BigDecimal("90"), "ZFW", new BigDecimal("80")), p));
		assertEquals(new BigDecimal("87.50"), r.score());
		assertEquals(4, r.stars());
		assertEquals(5, formula.rate(input(Map.of("MZJ", new BigDecimal("88")), p)).stars());
	}
}
