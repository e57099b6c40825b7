package cn.example.street.star.welfare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.touyan.api.evaluation.StarRatingInput;

class WelfareFloorFormulaTest {

	private final WelfareFloorFormula formula = new WelfareFloorFormula();

	private int stars(String welfare) {
		return formula.rate(new StarRatingInput("c1", "s1", "2026-H1",
				Map.of("MZJ", new BigDecimal(welfare), "ZFW", new BigDecimal("95")), Map.of())).stars();
	}

	@Test
	void aLowWelfareScoreCostsOneStar() {
		assertEquals(3, stars("69"));
	}

	@Test
	void otherwiseTheDistrictCutOffsApply() {
		assertEquals(4, stars("70"));
	}
}
