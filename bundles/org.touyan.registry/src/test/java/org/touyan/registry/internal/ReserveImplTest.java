package org.touyan.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touyan.api.registry.ArchiveEntry;
import org.touyan.api.registry.AssistantCoverage;
import org.touyan.api.registry.District;
import org.touyan.api.registry.DistrictSettings;
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
				ReserveTier.COMMITTEE_RESERVE, east.id(), LocalDate.of(2024, 4, 1), "again"), null)).status());
		assertEquals("date", assertThrows(ProblemException.class,
				() -> reserve.promote(first.id(), new ReserveChange(LocalDate.of(2024, 1, 1), "优秀"), null, Preconditions.tag(reserve.membership(first.id())))).field());
		String k = units.createCommunity(new UnitInput(east.id(), "K1", "东湖社区", null)).id();
		people.addPost(p.id(), new PostInput(PostKind.COMMITTEE_MEMBER, k, LocalDate.of(2025, 5, 1), null, null), null);
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
		assertEquals(List.of("person.created", "reserve.entered", "post.started", "reserve.promoted", "reserve.entered", "reserve.left"),
				archive.entries(p.id(), Paging.of(0, 10)).items().stream().map(ArchiveEntry::action).toList());
	}

	@Test
	void theCommitteeReserveTakesOnlyTheDistrictsAgeRule() {
		Person old = born("赵建国", "19700501", "013");
		ProblemException refused = assertThrows(ProblemException.class, () -> reserve.enter(old.id(), new ReserveEntry(
				ReserveTier.COMMITTEE_RESERVE, east.id(), LocalDate.of(2024, 3, 1), "优秀社区工作者"), null));
		assertEquals(422, refused.status());
		assertEquals("tier", refused.field());
		assertTrue(refused.getMessage().contains("1995-01-01") && refused.getMessage().contains("committeeReserveBornFrom"), refused.getMessage());
		Person lastDayBefore = born("钱小燕", "19941231", "024");
		assertEquals(422, assertThrows(ProblemException.class, () -> reserve.enter(lastDayBefore.id(), new ReserveEntry(
				ReserveTier.COMMITTEE_RESERVE, east.id(), LocalDate.of(2024, 3, 1), "x"), null)).status());
		Person firstDay = born("孙晓", "19950101", "035");
		reserve.enter(firstDay.id(), new ReserveEntry(ReserveTier.COMMITTEE_RESERVE, east.id(), LocalDate.of(2024, 3, 1), "95后"), null);
		assertTrue(reserve.memberships(old.id()).isEmpty(), "nothing written for a refusal");

		// the district moves its rule: the 1994 worker now enters, the 1995 rule is stored and answered
		assertEquals(LocalDate.of(1995, 1, 1), units.settings(district.id()).committeeReserveBornFrom());
		units.updateSettings(district.id(), new DistrictSettings(false, null, LocalDate.of(1990, 1, 1)),
				Preconditions.tag(units.settings(district.id())));
		reserve.enter(lastDayBefore.id(), new ReserveEntry(ReserveTier.COMMITTEE_RESERVE, east.id(), LocalDate.of(2024, 3, 1), "x"), null);
		units.updateSettings(district.id(), new DistrictSettings(true, null), Preconditions.tag(units.settings(district.id())));
		assertEquals(LocalDate.of(1990, 1, 1), units.settings(district.id()).committeeReserveBornFrom(), "null keeps the stored rule");
		assertEquals("committeeReserveBornFrom", assertThrows(ProblemException.class, () -> units.updateSettings(district.id(),
				new DistrictSettings(false, null, LocalDate.of(1800, 1, 1)), Preconditions.tag(units.settings(district.id())))).field());
	}

	@Test
	void theSecretaryReserveAndPromotionTakeOnlyServingCommitteeMembers() {
		String k = units.createCommunity(new UnitInput(east.id(), "K1", "东湖社区", null)).id();
		Person assistant = born("周婷", "19990909", "022");
		people.addPost(assistant.id(), new PostInput(PostKind.SECRETARY_ASSISTANT, k, LocalDate.of(2023, 8, 1), null, null), null);
		ProblemException refused = assertThrows(ProblemException.class, () -> reserve.enter(assistant.id(), new ReserveEntry(
				ReserveTier.SECRETARY_RESERVE, east.id(), LocalDate.of(2024, 3, 1), "优秀"), null));
		assertEquals(422, refused.status());
		assertEquals("tier", refused.field());
		assertTrue(refused.getMessage().contains("COMMITTEE_MEMBER"), refused.getMessage());

		Person former = born("吴磊", "19900707", "011");
		people.addPost(former.id(), new PostInput(PostKind.COMMITTEE_MEMBER, k, LocalDate.of(2018, 1, 1), LocalDate.of(2021, 1, 1), "换届"), null);
		assertEquals(422, assertThrows(ProblemException.class, () -> reserve.enter(former.id(), new ReserveEntry(
				ReserveTier.SECRETARY_RESERVE, east.id(), LocalDate.of(2024, 3, 1), "优秀"), null)).status(), "a post that has ended is not held");
		people.addPost(former.id(), new PostInput(PostKind.COMMITTEE_MEMBER, k, LocalDate.of(2024, 1, 1), null, null), null);
		reserve.enter(former.id(), new ReserveEntry(ReserveTier.SECRETARY_RESERVE, east.id(), LocalDate.of(2024, 3, 1), "优秀两委成员"), null);

		// the assistant (born 1999) enters the committee reserve; promotion waits for a 两委 post
		ReserveMembership stay = reserve.enter(assistant.id(), new ReserveEntry(ReserveTier.COMMITTEE_RESERVE, east.id(),
				LocalDate.of(2024, 3, 1), "95后"), null);
		ProblemException notYet = assertThrows(ProblemException.class, () -> reserve.promote(stay.id(),
				new ReserveChange(LocalDate.of(2025, 6, 1), "表现优秀"), null, Preconditions.tag(reserve.membership(stay.id()))));
		assertEquals(422, notYet.status());
		assertEquals("tier", notYet.field());
		assertEquals(1, reserve.memberships(assistant.id()).size(), "nothing written for a refused promotion");
		people.addPost(assistant.id(), new PostInput(PostKind.COMMITTEE_MEMBER, k, LocalDate.of(2025, 6, 1), null, null), null);
		assertEquals(ReserveTier.SECRETARY_RESERVE, reserve.promote(stay.id(), new ReserveChange(LocalDate.of(2025, 6, 1), "当选两委成员"),
				null, Preconditions.tag(reserve.membership(stay.id()))).tier());
	}

	@Test
	void thePoolIsQueriedByTierStreetAndAgeBand() {
		Person young = born("张小雨", "19970304", "012");
		Person thirty = born("李明", "19961128", "031");
		Person older = born("王芳", "19850101", "042");
		reserve.enter(young.id(), new ReserveEntry(ReserveTier.COMMITTEE_RESERVE, east.id(), LocalDate.of(2024, 3, 1), "95后"), null);
		reserve.enter(thirty.id(), new ReserveEntry(ReserveTier.COMMITTEE_RESERVE, west.id(), LocalDate.of(2024, 3, 1), "95后"), null);
		String k = units.createCommunity(new UnitInput(east.id(), "K1", "东湖社区", null)).id();
		people.addPost(older.id(), new PostInput(PostKind.COMMITTEE_MEMBER, k, LocalDate.of(2021, 1, 15), null, null), null);
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
