package org.touyan.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.touyan.api.rest.ProblemException;

class BindingInputTest {

	@Test
	void parametersComeBackSortedByName() {
		assertEquals(List.of("a", "weight.b"), List.copyOf(BindingInput.parameters(Map.of("weight.b", "2", "a", "1")).keySet()));
		assertEquals(Map.of(), BindingInput.parameters(null));
	}

	@Test
	void aParameterNameOrValueOutsideTheRulesIsRefusedByName() {
		assertEquals("parameters", assertThrows(ProblemException.class, () -> BindingInput.parameters(Map.of("权重", "1"))).field());
		assertEquals("parameters.w", assertThrows(ProblemException.class, () -> BindingInput.parameters(Map.of("w", "x".repeat(501)))).field());
		Map<String, String> many = new HashMap<>();
		for (int i = 0; i < 51; i++) {
			many.put("p" + i, "1");
		}
		assertEquals("parameters", assertThrows(ProblemException.class, () -> BindingInput.parameters(many)).field());
	}

	@Test
	void aPinKeyIsAShortCode() {
		assertEquals("2026-H1", BindingInput.pinKey("2026-H1"));
		assertEquals("key", assertThrows(ProblemException.class, () -> BindingInput.pinKey("2026 上半年")).field());
		assertEquals("key", assertThrows(ProblemException.class, () -> BindingInput.pinKey(null)).field());
	}
}
