package org.touyan.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.touyan.api.policy.Policies.Scope;

class BindingStoreTest {

	private static final String SPI = "org.touyan.api.evaluation.StarRatingFormula";

	private static Binding binding(String scope, String policy) {
		return new Binding(SPI, scope, policy, "bsn", "1.0.0", Map.of(), 1);
	}

	private static final Map<BindingStore.Key, Binding> ALL = Map.of(
			new BindingStore.Key(SPI, "platform"), binding("platform", "platform-policy"),
			new BindingStore.Key(SPI, "district:d1"), binding("district:d1", "district-policy"),
			new BindingStore.Key(SPI, "street:s1"), binding("street:s1", "street-policy"));

	@Test
	void aStreetsOwnBindingWinsOverItsDistrictsWhichWinsOverThePlatforms() {
		assertEquals("street-policy", BindingStore.resolve(ALL, SPI, new Scope("d1", "s1")).orElseThrow().policyId());
		assertEquals("district-policy", BindingStore.resolve(ALL, SPI, new Scope("d1", "s2")).orElseThrow().policyId());
		assertEquals("platform-policy", BindingStore.resolve(ALL, SPI, new Scope("d2", "s3")).orElseThrow().policyId());
		assertEquals("platform-policy", BindingStore.resolve(ALL, SPI, Scope.platform()).orElseThrow().policyId());
	}

	@Test
	void nothingBoundIsEmptyAndOtherSpisDoNotCount() {
		assertTrue(BindingStore.resolve(Map.of(), SPI, new Scope("d1", "s1")).isEmpty());
		assertTrue(BindingStore.resolve(ALL, "org.touyan.api.training.TrainingBrand", new Scope("d1", "s1")).isEmpty());
	}

	@Test
	void scopesAreNamedFromTheMostSpecificPart() {
		assertEquals("street:s1", BindingStore.scopeOf(new Scope("d1", "s1")));
		assertEquals("district:d1", BindingStore.scopeOf(new Scope("d1", null)));
		assertEquals("platform", BindingStore.scopeOf(Scope.platform()));
	}

	@Test
	void parametersSurviveTheirTextFormExactly() {
		Map<String, String> p = Map.of("weight.MZJ", "2", "veto.below", "60", "note", "平安建设 = 一票否决; a:b\\c");
		assertEquals(p, BindingStore.parse(BindingStore.format(p)));
		assertEquals(Map.of(), BindingStore.parse(BindingStore.format(Map.of())));
	}
}
