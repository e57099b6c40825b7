package org.touyan.plugin.star.safetyveto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.touyan.api.evaluation.StarRating;
import org.touyan.api.evaluation.StarRatingInput;

class SafetyVetoFormulaTest {

	private final SafetyVetoFormula formula = new SafetyVetoFormula();

	private StarRating rate(String safety, Map<String, String> parameters) {
		return formula.rate(new StarRatingInput("c1", "s1", "2026-H1",
				Map.of("MZJ", new BigDecimal("100"), "JW", new BigDecimal("100"), "ZFW", new BigDecimal(safety)), parameters));
	}

	@Test
	void aSafetyScoreBelowTheLineCapsTheStars() {
		StarRating r = rate("55", Map.of());
		assertEquals(new BigDecimal("85.00"), r.score());
		assertEquals(2, r.stars());
		assertTrue(r.explanation().contains("一票否决"), r.explanation());
	}

	@Test
	void aSafeCommunityIsRatedAsTheDistrictWould() {
		assertEquals(5, rate("75", Map.of()).stars());
	}

	@Test
	void theLineAndTheCapAreParameters() {
		assertEquals(3, rate("65", Map.of("veto.below", "70", "veto.maxStars", "3")).stars());
	}
}
