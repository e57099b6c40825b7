package org.touyan.training.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touyan.api.exchange.PairingProgramme;
import org.touyan.api.rest.Paging;
import org.touyan.training.internal.Fakes.FakeArchive;
import org.touyan.training.internal.Fakes.FakeDirectory;
import org.touyan.training.internal.Fakes.FakePolicies;
import org.touyan.training.internal.Pairing.DispatchInput;
import org.touyan.training.internal.Pairing.ProjectInput;

/** The street filters a street administrator's training lists go through. */
class StreetListsTest {

	private static final Paging ALL = Paging.of(0, 50);

	private MemoryStore store;
	private Pairing pairing;
	private Exchange exchange;

	@BeforeEach
	void setUp() throws Exception {
		store = new MemoryStore("V1__training.sql", "V2__session_report.sql", "V3__plan_formats.sql");
		FakePolicies policies = new FakePolicies();
		policies.bound.put(PairingProgramme.class, new PairingTest.Programme());
		FakeDirectory directory = new FakeDirectory().secretary("east", "s1", LocalDate.of(1985, 3, 1), 4)
				.secretary("west", "s2", LocalDate.of(1986, 3, 1), 3);
		pairing = new Pairing(store, policies, directory, new FakeArchive());
		exchange = new Exchange(store, directory, new FakeArchive());
	}

	@Test
	void dispatchesOfAStreetAreThoseOfItsPeople() {
		pairing.dispatch(new DispatchInput("d1", "east", "secondment", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)), "t");
		pairing.dispatch(new DispatchInput("d1", "west", "secondment", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)), "t");
		assertEquals(List.of("east"), pairing.dispatches("d1", "s1", ALL).items().stream().map(Pairing.Dispatch::personId).toList());
		assertEquals(1, pairing.dispatches("d1", "s2", ALL).total());
		assertEquals(0, pairing.dispatches("d1", "s9", ALL).total(), "a street without people");
		assertEquals(2, pairing.dispatches("d1", null, ALL).total());
	}

	@Test
	void projectsOfAStreetAreThoseInItsCommunitiesOrOwnedByItsPeopleWithoutOne() {
		pairing.createProject(new ProjectInput("d1", "楼组自治", "east", null, 3), "t");
		pairing.createProject(new ProjectInput("d1", "睦邻点", "west", "k-s1", 3), "t");
		pairing.createProject(new ProjectInput("d1", "议事厅", "west", null, 3), "t");
		assertEquals(List.of("楼组自治", "睦邻点"), pairing.projects("d1", "s1", null, ALL).items().stream().map(Pairing.Project::title).toList());
		assertEquals(List.of("议事厅"), pairing.projects("d1", "s2", null, ALL).items().stream().map(Pairing.Project::title).toList());
		assertEquals(2, pairing.projects("d1", "s1", "PLANNED", ALL).total());
		assertEquals(0, pairing.projects("d1", "s1", "COMPLETED", ALL).total());
		assertEquals(3, pairing.projects("d1", null, null, ALL).total());
	}

	@Test
	void placementsOfAStreetAreThoseOfItsPeople() {
		store.write(c -> {
			try (var s = c.createStatement()) {
				for (String person : new String[] { "east", "west" }) {
					s.executeUpdate("INSERT INTO shadowing_placement (id, district_id, person_id, plan_year, city, host, start_date, end_date)"
							+ " VALUES ('" + person + "', 'd1', '" + person + "', 2026, '上海', '塘桥', DATE '2026-04-01', DATE '2026-04-30')");
				}
			}
			return null;
		});
		assertEquals(List.of("west"), exchange.placements("d1", "s2", 2026).stream().map(Exchange.Placement::personId).toList());
		assertEquals(2, exchange.placements("d1", null, 2026).size());
	}
}
