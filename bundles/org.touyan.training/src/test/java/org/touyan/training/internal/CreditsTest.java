package org.touyan.training.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.touyan.training.internal.Directory.Secretary;

class CreditsTest {

	private static Secretary s(String id, String street) {
		return new Secretary(id, id, "k" + id, "社区" + id, street, "街道" + street);
	}

	@Test
	void everySecretaryIsCountedAndTheRequirementIsMetAtExactlyTheRequiredHours() {
		List<Credits.Credit> credits = Credits.of(List.of(s("a", "1"), s("b", "1"), s("c", "2")),
				Map.of("a", new BigDecimal("24.0"), "b", new BigDecimal("23.5")), new BigDecimal("24"));
		assertTrue(credits.get(0).met());
		assertFalse(credits.get(1).met());
		assertEquals(BigDecimal.ZERO, credits.get(2).credit());
		assertFalse(credits.get(2).met());
	}

	@Test
	void streetsAddTheirSecretariesCreditsAndCountWhoFallsShort() {
		List<Credits.StreetHours> streets = Credits.byStreet(Credits.of(List.of(s("a", "1"), s("b", "1"), s("c", "2")),
				Map.of("a", new BigDecimal("30"), "b", new BigDecimal("10"), "c", new BigDecimal("24")), new BigDecimal("24")));
		assertEquals(2, streets.size());
		assertEquals(0, new BigDecimal("40").compareTo(streets.get(0).credit()));
		assertEquals(2, streets.get(0).secretaries());
		assertEquals(1, streets.get(0).unmet());
		assertEquals(0, streets.get(1).unmet());
	}
}
