package org.touyan.plugin.review.district;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.touyan.api.evaluation.ReviewInput;
import org.touyan.api.evaluation.ReviewResult;

class DistrictReviewWeightingTest {

	private final DistrictReviewWeighting weighting = new DistrictReviewWeighting();

	private static BigDecimal d(String v) {
		return v == null ? null : new BigDecimal(v);
	}

	private ReviewResult combine(String self, String residents, String street, String org, Map<String, String> p) {
		return weighting.combine(new ReviewInput("p", "c", "2026-H1", d(self), d(residents), residents == null ? 3 : 40, d(street), d(org), p));
	}

	@Test
	void theFourReviewsWithTheDocumentedWeights() {
		ReviewResult r = combine("100", "90", "80", "90", Map.of());
		assertEquals(new BigDecimal("88.00"), r.score(), "10 + 27 + 24 + 27");
		assertEquals("称职", r.grade());
		assertTrue(r.explanation().contains("群众评议 90"), r.explanation());
		assertEquals("优秀", combine("95", "95", "90", "92", Map.of()).grade());
		assertEquals("基本称职", combine("60", "60", "60", "60", Map.of()).grade());
		assertEquals("不称职", combine("59", "59", "59", "59", Map.of()).grade());
	}

	@Test
	void aMissingReviewSharesItsWeightAndTheExplanationSaysSo() {
		ReviewResult r = combine("100", null, "80", "90", Map.of());
		assertEquals(new BigDecimal("87.14"), r.score(), "(10 + 24 + 27) / 0.7");
		assertTrue(r.explanation().contains("不足最低票数"), r.explanation());
	}

	@Test
	void weightsAndCutOffsComeFromTheBindingParameters() {
		ReviewResult r = combine("100", "90", "80", "90", Map.of("weight.self", "0", "grade.competent", "88"));
		assertEquals(new BigDecimal("86.67"), r.score());
		assertEquals("基本称职", r.grade());
	}
}
