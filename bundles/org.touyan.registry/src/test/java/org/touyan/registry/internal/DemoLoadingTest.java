package org.touyan.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.touyan.api.registry.UnitInput;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.store.DemoStatus;

/** A district is not created over REST before the demo district, asked for, is there. */
class DemoLoadingTest {

	@Test
	void aDistrictWaitsForTheDemoDistrict() {
		DemoStatus loading = new DemoStatus() {
			@Override
			public boolean loading(String datasetId) {
				return datasetId.equals(DemoDistrict.ID);
			}

			@Override
			public boolean loading() {
				return true;
			}
		};
		// the demo loads only into a registry without districts: one created now would keep it out
		OrgUnitResource resource = new OrgUnitResource(null, loading);
		ProblemException refused = assertThrows(ProblemException.class,
				() -> resource.createDistrict(new UnitInput(null, "D1", "一区", null)));
		assertEquals(503, refused.status());
		assertEquals("Demo loading", refused.title());
	}
}
