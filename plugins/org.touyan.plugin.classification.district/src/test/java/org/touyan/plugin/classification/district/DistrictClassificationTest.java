package org.touyan.plugin.classification.district;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.touyan.api.evaluation.Classification;
import org.touyan.api.evaluation.ClassificationInput;
import org.touyan.api.evaluation.SecretaryType;

class DistrictClassificationTest {

	private final DistrictClassification policy = new DistrictClassification();

	private Classification classify(Integer stars, String grade, Map<String, String> p) {
		return policy.classify(new ClassificationInput("p", "c", "2026-H1", stars, null, grade, null, p));
	}

	@Test
	void theFourTypesByStarsAndGrade() {
		Classification model = classify(5, "优秀", Map.of());
		assertEquals(SecretaryType.MODEL, model.type());
		assertTrue(model.explanation().contains("5星") && model.explanation().contains("示范"), model.explanation());
		assertEquals(SecretaryType.BACKBONE, classify(5, "称职", Map.of()).type());
		assertEquals(SecretaryType.BACKBONE, classify(4, "优秀", Map.of()).type());
		assertEquals(SecretaryType.POTENTIAL, classify(4, "基本称职", Map.of()).type());
		assertEquals(SecretaryType.POTENTIAL, classify(2, "称职", Map.of()).type());
		assertEquals(SecretaryType.CARETAKER, classify(2, "基本称职", Map.of()).type());
		Classification nothing = classify(null, null, Map.of());
		assertEquals(SecretaryType.CARETAKER, nothing.type());
		assertTrue(nothing.explanation().contains("未评星"));
	}

	@Test
	void thresholdsComeFromTheBindingParameters() {
		assertEquals(SecretaryType.MODEL, classify(4, "优秀", Map.of("model.stars", "4")).type());
		assertEquals(SecretaryType.CARETAKER, classify(3, "基本称职", Map.of("potential.stars", "4")).type());
	}
}
