package org.touyan.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touyan.api.registry.District;
import org.touyan.api.registry.Street;
import org.touyan.api.registry.UnitInput;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.Preconditions;
import org.touyan.api.rest.ProblemException;

class OrgUnitsImplTest {

	private OrgUnitsImpl units;
	private District district;

	@BeforeEach
	void setUp() throws Exception {
		units = new OrgUnitsImpl(MemoryStore.registry());
		district = units.createDistrict(new UnitInput(null, "D1", " 示范区 ", "Demo"));
	}

	@Test
	void storesChineseNamesTrimmedAndReadsThemBack() {
		assertEquals("示范区", units.district(district.id()).orElseThrow().name());
		Street s = units.createStreet(new UnitInput(district.id(), "TQ", "塘桥街道", null));
		assertEquals(s, units.street(s.id()).orElseThrow());
	}

	@Test
	void aDuplicateCodeIsAConflictNamingTheFieldAndWritesNothing() {
		units.createStreet(new UnitInput(district.id(), "TQ", "塘桥街道", null));
		ProblemException e = assertThrows(ProblemException.class,
				() -> units.createStreet(new UnitInput(district.id(), "TQ", "另一个", null)));
		assertEquals(409, e.status());
		assertEquals("code", e.field());
		assertEquals(1, units.streets(district.id(), Paging.of(0, 10)).total());
	}

	@Test
	void aStreetNeedsAnExistingDistrict() {
		ProblemException e = assertThrows(ProblemException.class,
				() -> units.createStreet(new UnitInput("nope", "TQ", "塘桥街道", null)));
		assertEquals(400, e.status());
		assertEquals("parentId", e.field());
		assertEquals(0, units.streets(null, Paging.of(0, 10)).total());
	}

	@Test
	void invalidFieldsAreNamed() {
		assertEquals("code", assertThrows(ProblemException.class,
				() -> units.createDistrict(new UnitInput(null, "bad code!", "x", null))).field());
		assertEquals("name", assertThrows(ProblemException.class,
				() -> units.createDistrict(new UnitInput(null, "D2", "  ", null))).field());
		assertEquals("name", assertThrows(ProblemException.class,
				() -> units.createDistrict(new UnitInput(null, "D2", "街".repeat(101), null))).field());
		assertEquals("nameEn", assertThrows(ProblemException.class,
				() -> units.createDistrict(new UnitInput(null, "D2", "区", "a\u0000b"))).field());
	}

	@Test
	void pagesAreOrderedByCodeWithATotal() {
		for (String code : List.of("C", "A", "B")) {
			units.createStreet(new UnitInput(district.id(), code, "街道" + code, null));
		}
		var page = units.streets(district.id(), Paging.of(1, 1));
		assertEquals(3, page.total());
		assertEquals("B", page.items().get(0).code());
	}

	@Test
	void updatingAnUnknownUnitIsNotFoundAndAStreetStaysInItsDistrict() {
		assertEquals(404, assertThrows(ProblemException.class,
				() -> units.updateDistrict("nope", new UnitInput(null, "X", "区", null), Preconditions.tag(units.district("nope")))).status());
		Street s = units.createStreet(new UnitInput(district.id(), "TQ", "塘桥街道", null));
		District other = units.createDistrict(new UnitInput(null, "D2", "另一区", null));
		assertEquals("parentId", assertThrows(ProblemException.class,
				() -> units.updateStreet(s.id(), new UnitInput(other.id(), "TQ", "塘桥街道", null), Preconditions.tag(units.street(s.id())))).field());
		assertTrue(units.updateStreet(s.id(), new UnitInput(null, "TQ2", "塘桥街道", null), Preconditions.tag(units.street(s.id()))).code().equals("TQ2"));
	}

	@Test
	void theDemoDistrictLoadsOnceAndNeverIntoARegistryWithData() throws Exception {
		OrgUnitsImpl empty = new OrgUnitsImpl(MemoryStore.registry());
		DemoDistrict demo = new DemoDistrict(empty);
		demo.load();
		demo.load();
		assertEquals(1, empty.districts(Paging.of(0, 10)).total());
		assertEquals(DemoDistrict.STREETS.size(), empty.streets(null, Paging.of(0, 50)).total());
		new DemoDistrict(units).load();
		assertEquals(0, units.streets(null, Paging.of(0, 50)).total(), "a registry with a district is left alone");
	}
}
