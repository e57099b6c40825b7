package org.touyan.api.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.Principal;

import org.junit.jupiter.api.Test;
import org.touyan.api.security.Scope.Level;

class ScopeTest {

	private static final Scope STREET_A1 = Scope.community("A1", "A1-1").inDistrict("A");
	private static final Scope STREET_B1 = Scope.community("B1", "B1-1").inDistrict("B");

	@Test
	void aDistrictAdministratorOwnsItsDistrictAndNothingOfAnother() {
		Scope own = Scope.district("A");
		assertTrue(Scope.district("A").isWithin(Level.DISTRICT, own));
		assertTrue(STREET_A1.isWithin(Level.DISTRICT, own));
		assertFalse(Scope.district("B").isWithin(Level.DISTRICT, own));
		assertFalse(STREET_B1.isWithin(Level.DISTRICT, own));
		assertFalse(Scope.street("A1").isWithin(Level.DISTRICT, own), "a target nobody can place in a district is refused");
		assertFalse(Scope.NONE.isWithin(Level.DISTRICT, own));
	}

	@Test
	void theCityReachesEveryDistrict() {
		assertTrue(STREET_B1.isWithin(Level.CITY, Scope.NONE));
		assertTrue(Scope.NONE.isWithin(Level.CITY, Scope.NONE));
	}

	@Test
	void scopedCallersReadTheirOwnDistrictsWholeDistrictResourcesOnly() {
		Scope streetAdmin = Scope.street("A1").inDistrict("A");
		assertTrue(Scope.district("A").isWithin(Level.STREET, streetAdmin));
		assertFalse(Scope.district("B").isWithin(Level.STREET, streetAdmin));
		assertTrue(STREET_A1.isWithin(Level.STREET, streetAdmin));
		assertFalse(Scope.community("A2", "A2-1").inDistrict("A").isWithin(Level.STREET, streetAdmin), "another street stays out");
		// a street id that matches but lies in another district (ids are unique; the district decides)
		assertFalse(Scope.street("A1").inDistrict("B").isWithin(Level.STREET, streetAdmin));
		Scope scorer = Scope.department("D").inDistrict("A");
		assertTrue(Scope.department("D").inDistrict("A").isWithin(Level.DEPARTMENT, scorer));
		assertTrue(Scope.district("A").isWithin(Level.DEPARTMENT, scorer));
		assertFalse(Scope.district("B").isWithin(Level.DEPARTMENT, scorer));
		assertFalse(STREET_A1.isWithin(Level.DEPARTMENT, scorer), "a street is no department's");
		Scope secretary = Scope.person("A1", "A1-1", "P").inDistrict("A");
		assertTrue(Scope.district("A").isWithin(Level.SELF, secretary));
		assertTrue(STREET_A1.isWithin(Level.SELF, secretary));
		assertFalse(Scope.street("A1").inDistrict("A").isWithin(Level.SELF, secretary));
	}

	@Test
	void scopesWithoutADistrictBehaveAsBefore() {
		assertTrue(Scope.street("S").isWithin(Level.STREET, Scope.street("S")));
		assertEquals(new Scope("S", "C", "P", null, null), new Scope("S", "C", "P", null));
		assertEquals("A", Scope.street("S").merge(Scope.district("A")).district());
		assertEquals(Scope.district("A"), STREET_A1.districtOnly());
	}

	@Test
	void aDistrictAdministratorWithoutADistrictIsTheInstallations() {
		assertEquals(Level.CITY, caller(Role.DISTRICT_ADMIN, Scope.NONE).level());
		assertEquals(Level.DISTRICT, caller(Role.DISTRICT_ADMIN, Scope.district("A")).level());
		assertFalse(caller(Role.DISTRICT_ADMIN, Scope.district("A")).owns(STREET_B1));
		assertTrue(caller(Role.DISTRICT_ADMIN, Scope.NONE).owns(STREET_B1));
		assertTrue(caller(Role.CITY_ADMIN, Scope.NONE).owns(STREET_B1));
		assertEquals(Level.STREET, caller(Role.STREET_ADMIN, Scope.street("A1")).level());
	}

	private static Caller caller(Role role, Scope scope) {
		record TestCaller(Role role, Scope scope) implements Caller {
			public String userId() { return "u"; }
			public String login() { return "u"; }
			public String displayName() { return "u"; }
			public String getName() { return "u"; }
		}
		Principal p = new TestCaller(role, scope);
		return (Caller) p;
	}
}
