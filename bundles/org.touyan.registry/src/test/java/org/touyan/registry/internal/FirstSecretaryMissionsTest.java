package org.touyan.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touyan.api.registry.District;
import org.touyan.api.registry.Person;
import org.touyan.api.registry.PersonInput;
import org.touyan.api.registry.Post;
import org.touyan.api.registry.PostEnding;
import org.touyan.api.registry.PostInput;
import org.touyan.api.registry.PostKind;
import org.touyan.api.registry.Street;
import org.touyan.api.registry.UnitInput;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.PreconditionFailedException;
import org.touyan.api.rest.Preconditions;
import org.touyan.api.rest.ProblemException;
import org.touyan.registry.internal.FirstSecretaryMissions.Mission;
import org.touyan.registry.internal.FirstSecretaryMissions.MissionInput;
import org.touyan.registry.internal.FirstSecretaryMissions.Query;
import org.touyan.registry.internal.FirstSecretaryMissions.ReportInput;
import org.touyan.registry.internal.FirstSecretaryMissions.Status;

class FirstSecretaryMissionsTest {

	private OrgUnitsImpl units;
	private PeopleImpl people;
	private FirstSecretaryMissions missions;
	private ArchiveImpl archive;
	private District district;
	private Street street;
	private int seq;

	@BeforeEach
	void setUp() throws Exception {
		MemoryStore store = MemoryStore.registry();
		units = new OrgUnitsImpl(store);
		people = new PeopleImpl(store);
		missions = new FirstSecretaryMissions(store);
		archive = new ArchiveImpl(store);
		district = units.createDistrict(new UnitInput(null, "D1", "示范区", null));
		street = units.createStreet(new UnitInput(district.id(), "DC", "东城街道", null));
	}

	private String community() {
		seq++;
		return units.createCommunity(new UnitInput(street.id(), "K" + seq, "社区" + seq, null)).id();
	}

	/** A street cadre sent to {@code community} as its first secretary from {@code from}. */
	private Post sent(String community, LocalDate from) {
		seq++;
		Person p = people.createPerson(new PersonInput(district.id(), "干部" + seq, null, null,
				IdNumberTest.withCheck("320106" + "19850101" + String.format("%03d", seq)), null, null, null), "t");
		people.addPost(p.id(), new PostInput(PostKind.STREET_CADRE, street.id(), LocalDate.of(2015, 1, 1), null, null), "t");
		return people.addPost(p.id(), new PostInput(PostKind.FIRST_SECRETARY, community, from, null, null), "t");
	}

	@Test
	void aMissionNamesTheCommunityTheSpeechsReasonByDefaultAndTheTerm() {
		String k = community();
		Post post = sent(k, LocalDate.of(2025, 3, 1));
		Mission m = missions.record(post.id(), new MissionInput(null, LocalDate.of(2027, 2, 28)), "组织部");
		assertEquals(k, m.communityId());
		assertEquals("社区1", m.communityName());
		assertEquals("党组织服务水平不高", m.reason());
		assertEquals(LocalDate.of(2025, 3, 1), m.termStart());
		assertEquals(LocalDate.of(2027, 2, 28), m.termEnd());
		assertEquals(street.id(), m.streetId());
		assertEquals(LocalDate.now().isAfter(m.termEnd()) ? Status.REPORT_DUE : Status.SERVING, m.status());
		assertEquals("mission.recorded", archive.entries(m.personId(), Paging.of(0, 50)).items().stream()
				.map(e -> e.action()).filter(a -> a.startsWith("mission")).findFirst().orElseThrow());
		assertEquals(409, assertThrows(ProblemException.class,
				() -> missions.record(post.id(), new MissionInput("其他", LocalDate.of(2027, 2, 28)), "t")).status(),
				"a mission is recorded once");
	}

	@Test
	void onlyAFirstSecretaryPostHasAMissionAndItsTermEndsAfterItStarts() {
		String k = community();
		Post post = sent(k, LocalDate.of(2025, 3, 1));
		assertEquals("termEnd", assertThrows(ProblemException.class,
				() -> missions.record(post.id(), new MissionInput(null, LocalDate.of(2025, 3, 1)), "t")).field());
		assertEquals("termEnd", assertThrows(ProblemException.class,
				() -> missions.record(post.id(), new MissionInput(null, null), "t")).field());
		String cadre = people.posts(post.personId()).stream().filter(p -> p.kind() == PostKind.STREET_CADRE).findFirst()
				.orElseThrow().id();
		assertEquals(422, assertThrows(ProblemException.class,
				() -> missions.record(cadre, new MissionInput(null, LocalDate.of(2027, 1, 1)), "t")).status());
		assertEquals(404, assertThrows(ProblemException.class,
				() -> missions.record("nope", new MissionInput(null, LocalDate.of(2027, 1, 1)), "t")).status());
		assertNull(missions.mission(post.id()).orElseThrow().termEnd(), "nothing was written");
	}

	@Test
	void theReportComesAtTheEndOfTheTermOnceAndNamesTheVersionRead() {
		Post ended = sent(community(), LocalDate.of(2022, 3, 1));
		missions.record(ended.id(), new MissionInput("软弱涣散", LocalDate.of(2024, 2, 29)), "t");
		Mission due = missions.mission(ended.id()).orElseThrow();
		assertEquals(Status.REPORT_DUE, due.status());
		assertEquals(428, assertThrows(ProblemException.class,
				() -> missions.report(ended.id(), new ReportInput(null, "完成"), "t", null)).status());
		assertThrows(PreconditionFailedException.class,
				() -> missions.report(ended.id(), new ReportInput(null, "完成"), "t", "\"stale\""));
		assertEquals("summary", assertThrows(ProblemException.class,
				() -> missions.report(ended.id(), new ReportInput(null, " "), "t", Preconditions.tag(due))).field());
		Mission reported = missions.report(ended.id(), new ReportInput(LocalDate.of(2024, 3, 10), "整顿软弱涣散党组织，\n建成睦邻点 3 个"),
				"街道", Preconditions.tag(due));
		assertEquals(Status.REPORTED, reported.status());
		assertEquals("已提交期满报告", reported.statusLabel());
		assertEquals(LocalDate.of(2024, 3, 10), reported.reportedOn());
		assertEquals("街道", reported.reportedBy());
		assertEquals(409, assertThrows(ProblemException.class,
				() -> missions.report(ended.id(), new ReportInput(null, "again"), "t", Preconditions.tag(reported))).status());

		Post serving = sent(community(), LocalDate.now().minusMonths(6));
		Mission running = missions.record(serving.id(), new MissionInput(null, LocalDate.now().plusMonths(18)), "t");
		assertEquals(422, assertThrows(ProblemException.class,
				() -> missions.report(serving.id(), new ReportInput(null, "early"), "t", Preconditions.tag(running))).status(),
				"a serving first secretary reports at the term's end");
	}

	@Test
	void communitiesHelpedSoFarCountsEveryCommunityOnceWhetherServingOrNot() {
		String k1 = community();
		String k2 = community();
		Post first = sent(k1, LocalDate.of(2021, 3, 1));
		people.endPost(first.id(), new PostEnding(LocalDate.of(2023, 2, 28), "任期届满"), "t", Preconditions.tag(people.post(first.id())));
		sent(k1, LocalDate.of(2023, 3, 1));
		sent(k2, LocalDate.of(2025, 3, 1));
		FirstSecretaryMissions.Summary s = missions.summary(district.id(), null);
		assertEquals(2, s.communitiesHelped(), "累计 counts communities, not missions");
		assertEquals(3, s.missions());
		assertEquals(1, s.reportDue(), "the first mission ended without a report");
		assertEquals(2, s.serving());
		assertEquals(1, missions.list(new Query(district.id(), null, Status.REPORT_DUE), Paging.of(0, 10)).total());
		assertEquals(3, missions.list(new Query(null, street.id(), null), Paging.of(0, 10)).total());
		assertEquals(404, assertThrows(ProblemException.class, () -> missions.summary("nope", null)).status());
	}
}
