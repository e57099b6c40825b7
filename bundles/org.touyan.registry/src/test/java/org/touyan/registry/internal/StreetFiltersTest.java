package org.touyan.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touyan.api.registry.District;
import org.touyan.api.registry.FilingInput;
import org.touyan.api.registry.FilingKind;
import org.touyan.api.registry.Person;
import org.touyan.api.registry.PersonInput;
import org.touyan.api.registry.Post;
import org.touyan.api.registry.PostEnding;
import org.touyan.api.registry.PostInput;
import org.touyan.api.registry.PostKind;
import org.touyan.api.registry.Street;
import org.touyan.api.registry.UnitInput;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.Preconditions;

/** The street filters a street administrator's lists go through. */
class StreetFiltersTest {

	private static final Paging ALL = Paging.of(0, 50);

	private MemoryStore store;
	private PeopleImpl people;
	private FilingsImpl filings;
	private District district;
	private Street east;
	private Street west;
	private String lake;
	private String garden;
	private Person eastSecretary;
	private Person westCadre;
	private Person formerlyEast;
	private Person unposted;

	@BeforeEach
	void setUp() throws Exception {
		store = MemoryStore.registry();
		OrgUnitsImpl units = new OrgUnitsImpl(store);
		people = new PeopleImpl(store);
		filings = new FilingsImpl(store);
		district = units.createDistrict(new UnitInput(null, "D1", "示范区", null));
		east = units.createStreet(new UnitInput(district.id(), "DC", "东城街道", null));
		west = units.createStreet(new UnitInput(district.id(), "XC", "西城街道", null));
		lake = units.createCommunity(new UnitInput(east.id(), "K1", "东湖社区", null)).id();
		garden = units.createCommunity(new UnitInput(west.id(), "K2", "翠园社区", null)).id();
		eastSecretary = person("王建国", "001");
		post(eastSecretary, PostKind.COMMUNITY_SECRETARY, lake);
		westCadre = person("李秀英", "002");
		post(westCadre, PostKind.STREET_CADRE, west.id());
		formerlyEast = person("张伟", "003");
		Post ended = post(formerlyEast, PostKind.COMMITTEE_MEMBER, lake);
		people.endPost(ended.id(), new PostEnding(LocalDate.of(2022, 1, 1), "调离"), null, Preconditions.tag(people.post(ended.id())));
		unposted = person("陈晓燕", "004");
	}

	private Person person(String name, String seq) {
		return people.createPerson(new PersonInput(district.id(), name, null, null, IdNumberTest.withCheck("32010619850101" + seq),
				null, null, null), null);
	}

	private Post post(Person p, PostKind kind, String unit) {
		return people.addPost(p.id(), new PostInput(kind, unit, LocalDate.of(2020, 1, 1), null, null), null);
	}

	@Test
	void peopleOfAStreetAreThoseWithACurrentPostInItOrItsCommunities() {
		assertEquals(List.of(eastSecretary.id()), people.people(district.id(), east.id(), ALL).items().stream().map(Person::id).toList());
		assertEquals(List.of(westCadre.id()), people.people(null, west.id(), ALL).items().stream().map(Person::id).toList());
		assertEquals(1, people.people(district.id(), west.id(), ALL).total());
		assertEquals(4, people.people(district.id(), null, ALL).total(), "no street: the whole district, " + unposted.name() + " too");
		assertEquals(0, people.people(district.id(), "nope", ALL).total());
	}

	@Test
	void postsOfAStreetAreThoseInItAndItsCommunities() {
		assertEquals(2, people.posts(null, east.id(), null, false, ALL).total(), "the secretary's and the ended one");
		assertEquals(1, people.posts(null, east.id(), null, true, ALL).total());
		assertEquals(List.of(PostKind.STREET_CADRE),
				people.posts(null, west.id(), null, false, ALL).items().stream().map(Post::kind).toList());
		assertEquals(0, people.posts(garden, east.id(), null, false, ALL).total(), "a unit of another street");
		assertEquals(3, people.posts(null, null, null, false, ALL).total());
	}

	@Test
	void postsOfADistrictAreThoseOfItsPeople() throws Exception {
		OrgUnitsImpl units = new OrgUnitsImpl(store);
		District other = units.createDistrict(new UnitInput(null, "D2", "另一区", null));
		String far = units.createCommunity(new UnitInput(units.createStreet(new UnitInput(other.id(), "NC", "南城街道", null)).id(),
				"K9", "远山社区", null)).id();
		Person there = people.createPerson(new PersonInput(other.id(), "赵远", null, null, IdNumberTest.withCheck("32010619850101" + "005"),
				null, null, null), null);
		post(there, PostKind.COMMUNITY_SECRETARY, far);
		assertEquals(2, people.posts(null, null, PostKind.COMMUNITY_SECRETARY, true, ALL).total(), "no district: the installation");
		assertEquals(List.of(eastSecretary.id()), people.posts(district.id(), null, null, PostKind.COMMUNITY_SECRETARY, true, ALL)
				.items().stream().map(Post::personId).toList());
		assertEquals(List.of(there.id()), people.posts(other.id(), null, null, PostKind.COMMUNITY_SECRETARY, true, ALL)
				.items().stream().map(Post::personId).toList());
		assertEquals(3, people.posts(district.id(), null, null, null, false, ALL).total());
		assertEquals(0, people.posts(other.id(), null, east.id(), null, false, ALL).total(), "a street of another district");
	}

	@Test
	void filingsOfAStreetAreThoseOfItsCommunities() {
		filings.open(new FilingInput(district.id(), FilingKind.APPOINTMENT, unposted.id(), garden, null, LocalDate.of(2026, 3, 1)),
				"街道工委");
		assertEquals(1, filings.filings(district.id(), west.id(), null, ALL).total());
		assertEquals(0, filings.filings(district.id(), east.id(), null, ALL).total());
		assertEquals(1, filings.filings(null, null, null, ALL).total());
	}
}
