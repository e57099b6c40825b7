package org.touyan.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.Principal;

import javax.ws.rs.core.SecurityContext;

import org.junit.jupiter.api.Test;
import org.touyan.api.security.Caller;
import org.touyan.api.security.Role;
import org.touyan.api.security.Scope;
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
		OrgUnitResource resource = new OrgUnitResource(null, loading, null);
		ProblemException refused = assertThrows(ProblemException.class,
				() -> resource.createDistrict(new UnitInput(null, "D1", "一区", null), as(Scope.NONE)));
		assertEquals(503, refused.status());
		assertEquals("Demo loading", refused.title());
		// only the installation's administrator creates districts, not one bound to a district
		assertEquals(403, assertThrows(ProblemException.class,
				() -> resource.createDistrict(new UnitInput(null, "D2", "二区", null), as(Scope.district("D1")))).status());
	}

	/** A district administrator's request: with no district the installation's. */
	static SecurityContext as(Scope scope) {
		record Admin(Scope scope) implements Caller {
			public String userId() { return "u"; }
			public String login() { return "admin"; }
			public String displayName() { return "admin"; }
			public Role role() { return Role.DISTRICT_ADMIN; }
			public String getName() { return "admin"; }
		}
		return new SecurityContext() {
			public Principal getUserPrincipal() { return new Admin(scope); }
			public boolean isUserInRole(String role) { return false; }
			public boolean isSecure() { return false; }
			public String getAuthenticationScheme() { return "Bearer"; }
		};
	}
}
