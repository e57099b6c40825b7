package org.touyan.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touyan.api.registry.DepartmentInput;
import org.touyan.api.registry.District;
import org.touyan.api.registry.FilingInput;
import org.touyan.api.registry.FilingKind;
import org.touyan.api.registry.Person;
import org.touyan.api.registry.PersonInput;
import org.touyan.api.registry.Post;
import org.touyan.api.registry.PostEnding;
import org.touyan.api.registry.PostInput;
import org.touyan.api.registry.PostKind;
import org.touyan.api.registry.ReserveEntry;
import org.touyan.api.registry.ReserveTier;
import org.touyan.api.registry.Street;
import org.touyan.api.registry.UnitInput;
import org.touyan.api.rest.Preconditions;
import org.touyan.api.security.Scope;
import org.touyan.api.store.Sql;

class RegistryScopesTest {

	private MemoryStore store;
	private OrgUnitsImpl units;
	private PeopleImpl people;
	private RegistryScopes scopes;
	private District district;
	private Street east;
	private Street west;
	private String lake;
	private String garden;
	private int serial;

	@BeforeEach
	void setUp() throws Exception {
		store = MemoryStore.registry();
		units = new OrgUnitsImpl(store);
		people = new PeopleImpl(store);
		scopes = new RegistryScopes(store);
		district = units.createDistrict(new UnitInput(null, "D1", "示范区", null));
		east = units.createStreet(new UnitInput(district.id(), "DC", "东城街道", null));
		west = units.createStreet(new UnitInput(district.id(), "XC", "西城街道", null));
		lake = units.createCommunity(new UnitInput(east.id(), "K1", "东湖社区", null)).id();
		garden = units.createCommunity(new UnitInput(west.id(), "K2", "翠园社区", null)).id();
	}

	private Person person() {
		return people.createPerson(new PersonInput(district.id(), "张" + serial, null, null,
				IdNumberTest.withCheck("3201061985010100" + serial++), null, null, null), null);
	}

	private Post post(Person p, PostKind kind, String unit, LocalDate start) {
		return people.addPost(p.id(), new PostInput(kind, unit, start, null, null), null);
	}

	private Scope scope(String kind, String id) {
		return scopes.resolve(kind, id).orElseThrow();
	}

	@Test
	void unitsAndDepartmentsArePlacedByTheirOwnRows() {
		assertEquals(Scope.street(east.id()).inDistrict(district.id()), scope("street", east.id()));
		assertEquals(Scope.community(west.id(), garden).inDistrict(district.id()), scope("community", garden));
		String dept = units.createDepartment(new DepartmentInput(district.id(), "MZ", "民政局", null, true, false)).id();
		assertEquals(Scope.department(dept).inDistrict(district.id()), scope("department", dept));
		for (String kind : new String[] { "district", "street", "community", "department", "person", "post", "filing", "eligibility-check",
				"reserve" }) {
			assertEquals(Optional.empty(), scopes.resolve(kind, "nope"), kind);
		}
		assertEquals(Optional.empty(), scopes.resolve("committee", lake), "a kind the registry does not place");
	}

	@Test
	void aPersonBelongsWhereTheirCurrentPostIsAndACommunityPostWins() {
		Person nobody = person();
		assertEquals(new Scope(null, null, nobody.id(), null, district.id()), scope("person", nobody.id()));

		Person cadre = person();
		post(cadre, PostKind.STREET_CADRE, west.id(), LocalDate.of(2020, 1, 1));
		assertEquals(Scope.person(west.id(), null, cadre.id()).inDistrict(district.id()), scope("person", cadre.id()));
		post(cadre, PostKind.FIRST_SECRETARY, lake, LocalDate.of(2022, 1, 1));
		assertEquals(Scope.person(east.id(), lake, cadre.id()).inDistrict(district.id()), scope("person", cadre.id()), "dispatched to a community");

		Person secretary = person();
		post(secretary, PostKind.COMMUNITY_SECRETARY, garden, LocalDate.of(2019, 1, 1));
		post(secretary, PostKind.COMMITTEE_MEMBER, lake, LocalDate.of(2023, 1, 1));
		assertEquals(Scope.person(west.id(), garden, secretary.id()).inDistrict(district.id()), scope("person", secretary.id()), "the secretary's post wins");

		Person moved = person();
		Post old = post(moved, PostKind.COMMITTEE_MEMBER, lake, LocalDate.of(2018, 1, 1));
		people.endPost(old.id(), new PostEnding(LocalDate.of(2021, 1, 1), "调任"), null, Preconditions.tag(people.post(old.id())));
		post(moved, PostKind.COMMITTEE_MEMBER, garden, LocalDate.of(2021, 1, 2));
		assertEquals(Scope.person(west.id(), garden, moved.id()).inDistrict(district.id()), scope("person", moved.id()), "an ended post does not count");
	}

	@Test
	void postsFilingsReserveStaysAndChecksCarryTheirPerson() {
		Person p = person();
		Post inStreet = post(p, PostKind.STREET_CADRE, east.id(), LocalDate.of(2020, 1, 1));
		Post inCommunity = post(p, PostKind.FIRST_SECRETARY, garden, LocalDate.of(2021, 1, 1));
		assertEquals(Scope.person(east.id(), null, p.id()).inDistrict(district.id()), scope("post", inStreet.id()));
		assertEquals(Scope.person(west.id(), garden, p.id()).inDistrict(district.id()), scope("post", inCommunity.id()));

		Person candidate = person();
		String filing = new FilingsImpl(store).open(new FilingInput(district.id(), FilingKind.APPOINTMENT, candidate.id(), lake, null,
				LocalDate.of(2026, 3, 1)), "组织部").id();
		assertEquals(Scope.person(east.id(), lake, candidate.id()).inDistrict(district.id()), scope("filing", filing));

		post(candidate, PostKind.COMMITTEE_MEMBER, lake, LocalDate.of(2023, 1, 1));
		String stay = new ReserveImpl(store).enter(candidate.id(), new ReserveEntry(ReserveTier.SECRETARY_RESERVE, west.id(),
				LocalDate.of(2024, 3, 1), "优秀两委成员"), null).id();
		assertEquals(Scope.person(west.id(), null, candidate.id()).inDistrict(district.id()), scope("reserve", stay), "kept for the street that chose them");

		store.write(c -> Sql.update(c, "INSERT INTO eligibility_check (id, person_id, as_of, facts_json, eligible, fired_json,"
				+ " rule_set_bundle, rule_set_version, rule_set_id, binding_revision, checked_at, actor)"
				+ " VALUES ('ec1', ?, ?, '{}', TRUE, '[]', 'b', '1', 'r', 0, ?, 'test')", null, null, p.id(),
				Date.valueOf(LocalDate.of(2026, 1, 1)), new Timestamp(0)));
		assertEquals(Scope.person(west.id(), garden, p.id()).inDistrict(district.id()), scope("eligibility-check", "ec1"));
	}

	@Test
	void aScopedCallerOwnsOnlyWhatTheResolverPlacesInItsScope() {
		Person p = person();
		post(p, PostKind.COMMUNITY_SECRETARY, lake, LocalDate.of(2020, 1, 1));
		Scope target = scope("person", p.id());
		assertTrue(target.isWithin(Scope.Level.STREET, Scope.street(east.id())));
		assertFalse(target.isWithin(Scope.Level.STREET, Scope.street(west.id())));
		assertTrue(target.isWithin(Scope.Level.SELF, Scope.person(east.id(), lake, p.id())));
	}

	@Test
	void everythingIsPlacedInItsDistrictSoAnotherDistrictsAdministratorOwnsNoneOfIt() {
		District other = units.createDistrict(new UnitInput(null, "D2", "另一区", null));
		Street far = units.createStreet(new UnitInput(other.id(), "DC", "东城街道", null));
		String farCommunity = units.createCommunity(new UnitInput(far.id(), "K1", "东湖社区", null)).id();
		assertEquals(Scope.district(other.id()), scope("district", other.id()));
		Scope own = Scope.district(district.id());
		assertTrue(scope("community", lake).isWithin(Scope.Level.DISTRICT, own));
		assertFalse(scope("community", farCommunity).isWithin(Scope.Level.DISTRICT, own));
		assertFalse(scope("street", far.id()).isWithin(Scope.Level.DISTRICT, own));
		assertFalse(scope("district", other.id()).isWithin(Scope.Level.DISTRICT, own));
		Person p = person();
		assertEquals(district.id(), scope("person", p.id()).district(), "a person without a post is still their district's");
	}
}
