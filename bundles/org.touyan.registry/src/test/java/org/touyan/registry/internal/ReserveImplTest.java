package org.touyan.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touyan.api.registry.ArchiveEntry;
import org.touyan.api.registry.AssistantCoverage;
import org.touyan.api.registry.District;
import org.touyan.api.registry.Person;
import org.touyan.api.registry.PersonInput;
import org.touyan.api.registry.PostInput;
import org.touyan.api.registry.PostKind;
import org.touyan.api.registry.Reserve;
import org.touyan.api.registry.ReserveChange;
import org.touyan.api.registry.ReserveEntry;
import org.touyan.api.registry.ReserveMember;
import org.touyan.api.registry.ReserveMembership;
import org.touyan.api.registry.ReserveTier;
import org.touyan.api.registry.Street;
import org.touyan.api.registry.UnitInput;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.Preconditions;
import org.touyan.api.rest.ProblemException;

class ReserveImplTest {

	private static final LocalDate AS_OF = LocalDate.of(2026, 11, 27);

	private OrgUnitsImpl units;
	private PeopleImpl people;
	private ArchiveImpl archive;
	private ReserveImpl reserve;
	private District district;
	private Street east;
	private Street west;

	@BeforeEach
	void setUp() throws Exception {
		MemoryStore store = MemoryStore.registry();
		units = new OrgUnitsImpl(store);
		people = new PeopleImpl(store);
		archive = new ArchiveImpl(store);
		reserve = new ReserveImpl(store);
		district = units.createDistrict(new UnitInput(null, "D1", "示范区", null));
		east = units.createStreet(new UnitInput(district.id(), "DC", "东城街道", null));
		west = units.createStreet(new UnitInput(district.id(), "XC", "西城街道", null));
	}

	private Person born(String name, String birth, String seq) {
		return people.createPerson(new PersonInput(district.id(), name, null, null,
				IdNumberTest.withCheck("320106" + birth + seq), null, null, null), null);
	}

	private Reserve.Query query(String street, ReserveTier tier, Integer min, Integer max) {
		return new Reserve.Query(district.id(), street, tier, min, max, AS_OF);
	}

	@Test
	void enterPromoteAndLeaveKeepThePathAndArchiveEachStep() {
		Person p = born("张小雨", "19970304", "012");
		ReserveMembership first = reserve.enter(p.id(), new ReserveEntry(ReserveTier.COMMITTEE_RESERVE, east.id(),
				LocalDate.of(2024, 3, 1), "95后优秀社区工作者"), null);
		assertEquals(409, assertThrows(ProblemException.class, () -> reserve.enter(p.id(), new ReserveEntry(
				ReserveTier.SECRETARY_RESERVE, east.id(), LocalDate.of(2024, 4, 1), "again"), null)).status());
		assertEquals("date", assertThrows(ProblemException.class,
				() -> reserve.promote(first.id(), new ReserveChange(LocalDate.of(2024, 1, 1), "优秀"), null, Preconditions.tag(reserve.membership(first.id())))).field());
		ReserveMembership second = reserve.promote(first.id(), new ReserveChange(LocalDate.of(2025, 6, 1), "当选两委成员表现优秀"), null, Preconditions.tag(reserve.membership(first.id())));
		assertEquals(ReserveTier.SECRETARY_RESERVE, second.tier());
		assertEquals(409, assertThrows(ProblemException.class,
				() -> reserve.promote(second.id(), new ReserveChange(LocalDate.of(2025, 7, 1), "x"), null, Preconditions.tag(reserve.membership(second.id())))).status());
		assertEquals(409, assertThrows(ProblemException.class,
				() -> reserve.leave(first.id(), new ReserveChange(LocalDate.of(2025, 7, 1), "x"), null, Preconditions.tag(reserve.membership(first.id())))).status());
		assertEquals("reason", assertThrows(ProblemException.class,
				() -> reserve.leave(second.id(), new ReserveChange(LocalDate.of(2026, 1, 1), null), null, Preconditions.tag(reserve.membership(second.id())))).field());
		reserve.leave(second.id(), new ReserveChange(LocalDate.of(2026, 1, 1), "调离本区"), null, Preconditions.tag(reserve.membership(second.id())));

		List<ReserveMembership> path = reserve.memberships(p.id());
		assertEquals(2, path.size());
		assertEquals(LocalDate.of(2025, 6, 1), path.get(0).leftOn());
		assertEquals("调离本区", path.get(1).leaveReason());
		assertEquals(List.of("person.created", "reserve.entered", "reserve.promoted", "reserve.entered", "reserve.left"),
				archive.entries(p.id(), Paging.of(0, 10)).items().stream().map(ArchiveEntry::action).toList());
	}

	@Test
	void thePoolIsQueriedByTierStreetAndAgeBand() {
		Person young = born("张小雨", "19970304", "012");
		Person thirty = born("李明", "19961128", "031");
		Person older = born("王芳", "19850101", "042");
		reserve.enter(young.id(), new ReserveEntry(ReserveTier.COMMITTEE_RESERVE, east.id(), LocalDate.of(2024, 3, 1), "95后"), null);
		reserve.enter(thirty.id(), new ReserveEntry(ReserveTier.COMMITTEE_RESERVE, west.id(), LocalDate.of(2024, 3, 1), "95后"), null);
		reserve.enter(older.id(), new ReserveEntry(ReserveTier.SECRETARY_RESERVE, east.id(), LocalDate.of(2024, 3, 1), "优秀两委成员"), null);

		assertEquals(3, reserve.pool(query(null, null, null, null), Paging.of(0, 10)).total());
		assertEquals(2, reserve.pool(query(null, ReserveTier.COMMITTEE_RESERVE, null, null), Paging.of(0, 10)).total());
		assertEquals(2, reserve.pool(query(east.id(), null, null, null), Paging.of(0, 10)).total());
		List<ReserveMember> under30 = reserve.pool(query(null, null, null, 29), Paging.of(0, 10)).items();
		assertEquals(List.of("张小雨", "李明"), under30.stream().map(ReserveMember::name).toList());
		assertEquals(29, under30.get(0).age());
		assertEquals(29, under30.get(1).age(), "30 tomorrow");
		assertEquals(List.of("王芳"), reserve.pool(query(null, null, 30, 45), Paging.of(0, 10)).items().stream()
				.map(ReserveMember::name).toList());
		assertEquals("maxAge", assertThrows(ProblemException.class,
				() -> reserve.pool(query(null, null, 40, 30), Paging.of(0, 10))).field());
	}

	@Test
	void assistantCoverageListsCommunitiesWithoutACurrentAssistant() {
		String k1 = units.createCommunity(new UnitInput(east.id(), "K1", "东湖社区", null)).id();
		String k2 = units.createCommunity(new UnitInput(east.id(), "K2", "西湖社区", null)).id();
		Person a = born("周婷", "19990909", "022");
		people.addPost(a.id(), new PostInput(PostKind.SECRETARY_ASSISTANT, k1, LocalDate.of(2025, 8, 1), null, null), null);
		Person b = born("吴磊", "19980707", "011");
		people.addPost(b.id(), new PostInput(PostKind.SECRETARY_ASSISTANT, k2, LocalDate.of(2023, 8, 1),
				LocalDate.of(2025, 7, 31), "考取公务员"), null);
		AssistantCoverage coverage = reserve.assistantCoverage(district.id());
		assertEquals(2, coverage.communities());
		assertEquals(1, coverage.covered());
		assertEquals(List.of(k2), coverage.lacking().stream().map(k -> k.id()).toList());
		assertEquals(404, assertThrows(ProblemException.class, () -> reserve.assistantCoverage("nope")).status());
	}
}
