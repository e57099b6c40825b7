package org.touyan.evaluation.internal.flow;

import org.touyan.evaluation.internal.Fakes;
import org.touyan.evaluation.internal.MemoryStore;

import org.touyan.evaluation.internal.cycle.Cycle;
import org.touyan.evaluation.internal.cycle.CycleInput;
import org.touyan.evaluation.internal.cycle.Cycles;
import org.touyan.evaluation.internal.cycle.RatingRuns;
import org.touyan.evaluation.internal.manage.Classifications;
import org.touyan.evaluation.internal.manage.Measures;
import org.touyan.evaluation.internal.manage.Mentoring;
import org.touyan.evaluation.internal.review.DutyReports;
import org.touyan.evaluation.internal.review.Reviews;
import org.touyan.evaluation.internal.use.NegativeList;
import org.touyan.evaluation.internal.use.UseRecords;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touyan.api.evaluation.NegativeConsequence;
import org.touyan.api.evaluation.NegativeItem;
import org.touyan.api.evaluation.NegativeListCatalogue;
import org.touyan.api.evaluation.NegativeListInput;
import org.touyan.api.evaluation.NegativeSeverity;
import org.touyan.api.evaluation.NegativeVerdict;
import org.touyan.api.policy.PolicyFailureException;
import org.touyan.api.registry.Community;
import org.touyan.api.registry.JointCommittee;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.Preconditions;
import org.touyan.api.rest.ProblemException;

/**
 * The rules of the use side on an in-memory database with the registry and plugins faked: measures
 * follow the type, mentoring pairs, the negative list, half-year reports and use records.
 */
class UseSideTest {

	private Fakes fakes;
	private MemoryStore store;
	private Cycles cycles;
	private Classifications classifications;
	private Mentoring mentoring;
	private NegativeList negativeList;
	private Measures measures;
	private DutyReports dutyReports;
	private UseRecords useRecords;
	private ScoringClose closing;

	@BeforeEach
	void setUp() throws Exception {
		fakes = new Fakes();
		store = new MemoryStore();
		RatingRuns ratings = new RatingRuns(store, fakes.policies(), fakes.people(), fakes.archive());
		cycles = new Cycles(store, fakes.units(), fakes.policies(), ratings);
		Reviews reviews = new Reviews(store, fakes.policies(), fakes.units(), fakes.people(), fakes.archive(), cycles);
		classifications = new Classifications(store, fakes.policies(), fakes.people(), fakes.archive(), ratings, reviews, cycles);
		closing = new ScoringClose(cycles, reviews, classifications);
		mentoring = new Mentoring(store, cycles, classifications, fakes.units(), fakes.people(), fakes.archive());
		negativeList = new NegativeList(store, fakes.policies(), fakes.units(), fakes.people(), fakes.archive(), fakes.filings(), cycles);
		measures = new Measures(store, cycles, classifications, fakes.units(), fakes.people(), fakes.archive());
		dutyReports = new DutyReports(store, cycles, fakes.units(), fakes.people(), fakes.archive());
		useRecords = new UseRecords(store, fakes.people(), fakes.archive());
		fakes.negativeList = new NegativeListCatalogue() {
			@Override
			public List<NegativeItem> items() {
				return List.of(new NegativeItem("N01", "作风不实", null, NegativeSeverity.LIGHTER),
						new NegativeItem("N11", "以权谋私", null, NegativeSeverity.SERIOUS));
			}

			@Override
			public NegativeVerdict judge(NegativeListInput input) {
				boolean serious = input.items().stream().anyMatch(i -> i.severity() == NegativeSeverity.SERIOUS);
				String names = String.join("、", input.items().stream().map(NegativeItem::name).toList());
				return serious ? new NegativeVerdict(NegativeConsequence.ADJUSTMENT, 0, "涉及" + names + "：调整")
						: new NegativeVerdict(NegativeConsequence.RECTIFICATION, 30, "涉及" + names + "：整改（此前" + input.earlierIncidents() + "次）");
			}
		};
	}

	/** A cycle with scoring closed and the given secretaries placed: person, community, type, in threes. */
	private Cycle classified(String period, String... personCommunityType) throws Exception {
		Cycle c = cycles.create(new CycleInput("d1", period, null, null), "tester");
		try (java.sql.Connection conn = store.connect(); Statement s = conn.createStatement()) {
			s.execute("UPDATE eval_cycle SET status = 'SCORING_CLOSED' WHERE id = '" + c.id() + "'");
			for (int i = 0; i < personCommunityType.length; i += 3) {
				s.execute("INSERT INTO eval_classification (cycle_id, community_id, person_id, secretary_type, explanation, input_hash)"
						+ " VALUES ('" + c.id() + "', '" + personCommunityType[i + 1] + "', '" + personCommunityType[i] + "', '"
						+ personCommunityType[i + 2] + "', '测试', 'h')");
			}
		}
		return cycles.require(c.id());
	}

	private void communities(int n) {
		for (int i = 4; i <= n; i++) {
			fakes.communities.add(new Community("c" + i, i <= 6 ? "s1" : "s2", "0" + i, i + "社区", null));
		}
	}

	private static int status(Runnable r) {
		return assertThrows(ProblemException.class, r::run).status();
	}

	@Test
	void proposalsPreferTheJointCommitteeThenTheStreetAndStopAtFourMentees() throws Exception {
		communities(9);
		fakes.committees.add(new JointCommittee("j1", "d1", "PQ1", "第一片区联合党委", null, List.of("c1", "c2", "c3")));
		// m1 (c1, street s1) shares committee j1 with c2 and c3 (s2); m7 (c7, s2) shares the street s2 with c3, c8, c9
		classified("2025-H2", "m1", "c1", "MODEL", "m7", "c7", "MODEL", "a2", "c2", "POTENTIAL", "a3", "c3", "CARETAKER", "a4", "c4",
				"POTENTIAL", "a5", "c5", "POTENTIAL", "a6", "c6", "CARETAKER", "a8", "c8", "POTENTIAL", "a9", "c9", "POTENTIAL", "b",
				"c10", "BACKBONE");
		Mentoring.Proposal p = mentoring.propose(new Mentoring.ProposalRequest("d1", 2026));
		Map<String, String> mentorOf = new java.util.HashMap<>();
		Map<String, String> basis = new java.util.HashMap<>();
		p.pairs().forEach(x -> {
			mentorOf.put(x.mentee().personId(), x.mentor().personId());
			basis.put(x.mentee().personId(), x.basis());
		});
		assertEquals("m1", mentorOf.get("a3"), "the joint committee before the street");
		assertEquals("JOINT_COMMITTEE", basis.get("a3"));
		assertEquals("m1", mentorOf.get("a2"));
		assertEquals("STREET", basis.get("a8"));
		assertEquals("m7", mentorOf.get("a8"));
		assertEquals(7, p.pairs().size() + p.unmatched().size());
		assertEquals(4, p.pairs().stream().filter(x -> x.mentor().personId().equals("m1")).count());
		assertTrue(p.pairs().stream().filter(x -> x.mentor().personId().equals("m7")).count() <= 4);
		assertEquals(7, p.pairs().size(), "two mentors have room for 8");
		assertEquals(0, fakes.appended.size(), "a proposal stores nothing");
	}

	@Test
	void pairingRefusesWhatBreaksTheRulesAndStoresNothing() throws Exception {
		communities(8);
		Cycle c = classified("2025-H2", "m1", "c1", "MODEL", "bb", "c2", "BACKBONE", "a3", "c3", "POTENTIAL", "a4", "c4", "CARETAKER",
				"a5", "c5", "POTENTIAL", "a6", "c6", "POTENTIAL", "a7", "c7", "CARETAKER");
		assertEquals("mentorId", assertThrows(ProblemException.class,
				() -> mentoring.pair(new Mentoring.PairInput("d1", 2026, "bb", "a3", null), "t")).field(), "a backbone is no 红领导师");
		ProblemException notHelped = assertThrows(ProblemException.class,
				() -> mentoring.pair(new Mentoring.PairInput("d1", 2026, "m1", "bb", null), "t"));
		assertEquals(422, notHelped.status());
		assertTrue(notHelped.detail().contains("潜力或守摊"), notHelped.detail());
		assertTrue(notHelped.detail(java.util.Locale.ENGLISH).contains("潜力 or 守摊"), notHelped.detail(java.util.Locale.ENGLISH));
		assertEquals(422, status(() -> mentoring.pair(new Mentoring.PairInput("d1", 2026, "m1", "m1", null), "t")));
		for (String mentee : List.of("a3", "a4", "a5", "a6")) {
			mentoring.pair(new Mentoring.PairInput("d1", 2026, "m1", mentee, LocalDate.of(2026, 1, 5)), "组织部");
		}
		assertEquals(8, fakes.appended.size(), "each pair in both archives");
		ProblemException fifth = assertThrows(ProblemException.class,
				() -> mentoring.pair(new Mentoring.PairInput("d1", 2026, "m1", "a7", null), "t"));
		assertEquals(422, fifth.status(), "a fifth mentee breaks the rule of 3–4");
		assertEquals("mentorId", fifth.field());
		assertTrue(fifth.detail().contains("最多 4 名") && fifth.detail().contains("每年帮带3—4名"), fifth.detail());
		assertTrue(fifth.detail(java.util.Locale.ENGLISH).contains("at most 4"), fifth.detail(java.util.Locale.ENGLISH));
		assertTrue(assertThrows(ProblemException.class, () -> mentoring.pair(new Mentoring.PairInput("d1", 2026, "m1", "a3", null), "t"))
				.detail().contains("已结对"));
		assertEquals(4, mentoring.pairings("d1", "2026", null, null, Paging.of(0, 50)).total(), "refusals store nothing");

		Mentoring.Coverage coverage = mentoring.coverage(c);
		assertEquals(5, coverage.helped());
		assertEquals(4, coverage.mentored());
		assertEquals(new BigDecimal("0.8000"), coverage.share());
		assertEquals("WITHIN", coverage.mentors().get(0).load());
		assertEquals(1, coverage.mentorCounts().within());

		// ending a pair makes room, and notes only go to active pairs
		String first = mentoring.pairings("d1", "2026", "a3", null, Paging.of(0, 1)).items().get(0).id();
		mentoring.note(first, new Mentoring.NoteInput(LocalDate.of(2026, 2, 1), "治理联抓：共同召开议事会"), "组织部");
		assertEquals("ENDED", mentoring.end(first, new Mentoring.EndInput("调任", LocalDate.of(2026, 3, 1)), "组织部", Preconditions.tag(mentoring.require(first))).status());
		assertEquals(409, status(() -> mentoring.note(first, new Mentoring.NoteInput(null, "晚到的记录"), "t")));
		assertEquals(409, status(() -> mentoring.end(first, new Mentoring.EndInput("again", null), "t", Preconditions.tag(mentoring.require(first)))));
		assertEquals("a7", mentoring.pair(new Mentoring.PairInput("d1", 2026, "m1", "a7", null), "t").mentee().personId());
		assertEquals(1, mentoring.notes(first).size());

		// fewer than 3 is allowed at confirm time, and flagged in the coverage
		for (String mentee : List.of("a3", "a4", "a5")) {
			String id = mentoring.pairings("d1", "2026", mentee, "ACTIVE", Paging.of(0, 1)).items().stream().findFirst().map(Mentoring.Pairing::id)
					.orElse(null);
			if (id != null) {
				mentoring.end(id, new Mentoring.EndInput("调任", LocalDate.of(2026, 3, 2)), "组织部", Preconditions.tag(mentoring.require(id)));
			}
		}
		Mentoring.MentorLoad short_ = mentoring.coverage(c).mentors().get(0);
		assertEquals(2, short_.mentees());
		assertTrue(short_.belowMinimum() && !short_.aboveMaximum());
		assertEquals("BELOW_MINIMUM", short_.load());
		assertEquals(1, mentoring.coverage(c).mentorCounts().belowMinimum());
		assertEquals(0, mentoring.coverage(c).mentorCounts().within());
	}

	@Test
	void aPairNeedsAClassifiedCycle() {
		assertEquals(409, status(() -> mentoring.propose(new Mentoring.ProposalRequest("d1", 2026))));
		assertEquals("year", assertThrows(ProblemException.class,
				() -> mentoring.propose(new Mentoring.ProposalRequest("d1", null))).field());
	}

	private NegativeList.IncidentInput incident(String... items) {
		return new NegativeList.IncidentInput("p1", LocalDate.now().minusDays(3), List.of(items), "入户走访敷衍", List.of("走访记录缺失", "居民反映"),
				null, null);
	}

	@Test
	void aLighterIncidentIsRectifiedByItsDeadlineAndFollowedUp() {
		NegativeList.Incident i = negativeList.record(incident("N01"), "组织部");
		assertEquals("RECTIFICATION", i.consequence());
		assertEquals("RECTIFYING", i.status());
		assertEquals(LocalDate.now().minusDays(3).plusDays(30), i.deadline(), "counted from the day it happened");
		assertTrue(i.explanation().contains("作风不实"));
		assertEquals("test.formula", i.provenance().bundle());
		assertTrue(fakes.filed.isEmpty());
		NegativeList.Incident partly = negativeList.followUp(i.id(), new NegativeList.FollowUpInput(null, "已约谈，正在整改", false), "街道", Preconditions.tag(negativeList.require(i.id())));
		assertEquals("RECTIFYING", partly.status());
		assertEquals(409, status(() -> useRecords.record(new UseRecords.UseInput("p1", "HONOUR", null, "优秀社区党组织书记",
				LocalDate.now(), null), "组织部")), "no incentive while a rectification is open");
		NegativeList.Incident done = negativeList.followUp(i.id(), new NegativeList.FollowUpInput(null, "整改到位", true), "街道", Preconditions.tag(negativeList.require(i.id())));
		assertEquals("RECTIFIED", done.status());
		assertEquals(2, done.followUps().size());
		assertEquals(64, i.inputHash().length());
		assertEquals(i.inputHash(), done.inputHash(), "the input hash is stored with the verdict's provenance");
		assertEquals(409, status(() -> negativeList.followUp(i.id(), new NegativeList.FollowUpInput(null, "again", true), "t", Preconditions.tag(negativeList.require(i.id())))));
		assertEquals("HONOUR", useRecords.record(new UseRecords.UseInput("p1", "HONOUR", null, "优秀社区党组织书记", LocalDate.now(), null),
				"组织部").kind());
		NegativeList.Incident second = negativeList.record(incident("N01"), "组织部");
		assertTrue(second.explanation().contains("此前1次"), "the earlier incident is counted");
		assertNotEquals(i.inputHash(), second.inputHash(), "the earlier incident is part of the judged input");
	}

	@Test
	void anIncidentRecordedLateIsDueFromTheDayItHappened() {
		LocalDate happened = LocalDate.now().minusDays(20);
		NegativeList.Incident late = negativeList.record(new NegativeList.IncidentInput("p1", happened, List.of("N01"), "入户走访敷衍",
				List.of("走访记录缺失"), null, null), "组织部");
		assertEquals(happened.plusDays(30), late.deadline(), "30 days from the incident, not from the day it was recorded");
		assertFalse(late.overdue());
		LocalDate longAgo = LocalDate.now().minusDays(45);
		NegativeList.Incident overdue = negativeList.record(new NegativeList.IncidentInput("p1", longAgo, List.of("N01"), "居民反映未回应",
				List.of("居民反映"), null, null), "组织部");
		assertEquals(longAgo.plusDays(30), overdue.deadline());
		assertTrue(negativeList.require(overdue.id()).overdue(), "a rectification recorded after its period is overdue at once");
		LocalDate given = LocalDate.now().plusDays(7);
		assertEquals(given, negativeList.record(new NegativeList.IncidentInput("p1", longAgo, List.of("N01"), "补录",
				List.of("记录"), given, null), "组织部").deadline(), "a given deadline stands");
	}

	@Test
	void anIncidentOfAHalfYearUnderEvaluationIsJudgedByItsCyclesPin() throws Exception {
		LocalDate day = LocalDate.now().minusDays(3);
		String period = day.getYear() + (day.getMonthValue() <= 6 ? "-H1" : "-H2");
		negativeList.record(incident("N01"), "组织部");
		Cycle cycle = classified(period);
		fakes.pins.add(cycle.pinKey());
		negativeList.record(incident("N01"), "组织部");
		try (java.sql.Connection conn = store.connect(); Statement s = conn.createStatement()) {
			s.execute("UPDATE eval_cycle SET status = 'ARCHIVED' WHERE id = '" + cycle.id() + "'");
		}
		negativeList.record(incident("N01"), "组织部");
		assertEquals(List.of("null", cycle.pinKey(), "null"), fakes.catalogueCalls,
				"without a cycle, then under the open cycle's pin, then (archived, pin released) the catalogue bound now");
	}

	@Test
	void aSeriousIncidentOpensARemovalFiling() {
		NegativeList.Incident i = negativeList.record(incident("N01", "N11"), "组织部");
		assertEquals("ADJUSTMENT", i.consequence());
		assertEquals("ADJUSTING", i.status());
		assertEquals("SERIOUS", i.severity());
		assertNull(i.deadline());
		assertEquals(List.of("open p1 post1 REMOVAL"), fakes.filed);
		assertEquals("filing1", i.filingId());
		assertEquals(409, status(() -> negativeList.followUp(i.id(), new NegativeList.FollowUpInput(null, "x", true), "t", Preconditions.tag(negativeList.require(i.id())))));
	}

	@Test
	void badIncidentsStoreNothing() {
		ProblemException unknown = assertThrows(ProblemException.class, () -> negativeList.record(incident("N99"), "t"));
		assertEquals(422, unknown.status());
		assertEquals("items", unknown.field());
		assertTrue(unknown.detail().contains("N99"));
		assertEquals("evidence", assertThrows(ProblemException.class, () -> negativeList.record(new NegativeList.IncidentInput("p1",
				LocalDate.now(), List.of("N01"), "x", List.of(), null, null), "t")).field());
		assertEquals("personId", assertThrows(ProblemException.class, () -> negativeList.record(new NegativeList.IncidentInput("nobody",
				LocalDate.now(), List.of("N01"), "x", List.of("e"), null, null), "t")).field());
		fakes.negativeList = new NegativeListCatalogue() {
			@Override
			public List<NegativeItem> items() {
				return List.of(new NegativeItem("N01", "作风不实", null, NegativeSeverity.LIGHTER));
			}

			@Override
			public NegativeVerdict judge(NegativeListInput input) {
				return new NegativeVerdict(NegativeConsequence.RECTIFICATION, 30, "需要整改");
			}
		};
		assertTrue(assertThrows(PolicyFailureException.class, () -> negativeList.record(incident("N01"), "t")).getMessage()
				.contains("作风不实"), "a verdict that does not name its items is the plugin's fault");
		assertEquals(0, negativeList.incidents("d1", null, null, Paging.of(0, 50)).total());
		assertTrue(fakes.appended.isEmpty());
	}

	@Test
	void measuresFollowTheType() throws Exception {
		Cycle c = classified("2025-H2", "p1", "c1", "POTENTIAL", "m2", "c2", "MODEL");
		try (java.sql.Connection conn = store.connect(); Statement s = conn.createStatement()) {
			s.execute("UPDATE eval_classification SET helper_id = 'h1', helper_name = '王街道' WHERE person_id = 'p1'");
		}
		ProblemException wrong = assertThrows(ProblemException.class, () -> measures.record(c.id(), new Measures.MeasureInput("p1", "STUDIO",
				"书记工作室", "组织科张科长", null, LocalDate.of(2026, 1, 10), null), "t"));
		assertEquals(422, wrong.status());
		assertEquals("kind", wrong.field());
		assertEquals("helperId", assertThrows(ProblemException.class, () -> measures.record(c.id(), new Measures.MeasureInput("p1",
				"ONE_ON_ONE", "帮扶计划", null, "h2", LocalDate.of(2026, 1, 10), null), "t")).field(), "only a cadre of the street");
		Measures.Measure help = measures.record(c.id(), new Measures.MeasureInput("p1", "ONE_ON_ONE", "一对一帮扶计划", null, null,
				LocalDate.of(2026, 1, 10), null), "组织部");
		assertEquals("王街道", help.helperName(), "the cadre the classification named");
		Measures.Measure studio = measures.record(c.id(), new Measures.MeasureInput("m2", "STUDIO", "红心书记工作室", "组织科张科长", null,
				LocalDate.of(2026, 1, 10), null), "组织部");
		assertEquals("MODEL", studio.secretaryType());
		assertEquals(409, status(() -> measures.record(c.id(), new Measures.MeasureInput("m2", "STUDIO", "又一个", "组织科", null,
				LocalDate.of(2026, 1, 10), null), "t")));
		assertEquals(2, measures.measures(c.id(), null).size());
		assertEquals(2, fakes.appended.size());
	}

	@Test
	void aHalfYearReportIsScoredByThreeRatersAndGetsTheirMean() {
		Cycle draft = cycles.create(new CycleInput("d1", "2026-H1", null, null), "t");
		Cycle c = cycles.open(draft.id(), "t", Preconditions.tag(draft));
		DutyReports.ReportInput input = new DutyReports.ReportInput("c1", LocalDate.now(), "述职报告", "走访居民20户", "谈话5人", "查阅台账12册");
		assertEquals(409, status(() -> dutyReports.score(c.id(), "c1", new DutyReports.ScoreInput("STREET", BigDecimal.TEN, null), "t")),
				"the report comes first");
		assertEquals("interviews", assertThrows(ProblemException.class, () -> dutyReports.report(c.id(),
				new DutyReports.ReportInput("c1", LocalDate.now(), "述职", "走访", " ", "台账"), "t")).field());
		dutyReports.report(c.id(), input, "组织部");
		assertEquals(409, status(() -> dutyReports.report(c.id(), input, "组织部")));
		dutyReports.score(c.id(), "c1", new DutyReports.ScoreInput("ORGANIZATION", new BigDecimal("90"), null), "组织部");
		assertEquals("score", assertThrows(ProblemException.class, () -> dutyReports.score(c.id(), "c1",
				new DutyReports.ScoreInput("STREET", new BigDecimal("100.5"), null), "t")).field());
		assertNull(dutyReports.score(c.id(), "c1", new DutyReports.ScoreInput("CIVIL_AFFAIRS", new BigDecimal("85"), null), "民政局").result());
		assertEquals(409, status(() -> dutyReports.score(c.id(), "c1", new DutyReports.ScoreInput("CIVIL_AFFAIRS", BigDecimal.ONE, null), "t")));
		DutyReports.DutyReport done = dutyReports.score(c.id(), "c1", new DutyReports.ScoreInput("STREET", new BigDecimal("81"), null), "街道");
		assertEquals(new BigDecimal("85.33"), done.result());
		assertTrue(fakes.appended.stream().anyMatch(a -> a.startsWith("p1 duty-report.result")), fakes.appended.toString());
	}

	@Test
	void useRecordsNameTheirDetailAndRecruitOnce() {
		assertEquals("detail", assertThrows(ProblemException.class, () -> useRecords.record(new UseRecords.UseInput("p1", "DELEGATE", null,
				"区人大代表人选", LocalDate.now(), null), "t")).field());
		useRecords.record(new UseRecords.UseInput("p1", "DELEGATE", "peoples_congress", "区人大代表人选", LocalDate.now(), "四评优秀"), "组织部");
		useRecords.record(new UseRecords.UseInput("p1", "RECRUITMENT", null, "街道事业编制人员", LocalDate.now(), null), "组织部");
		assertEquals(409, status(() -> useRecords.record(new UseRecords.UseInput("p1", "RECRUITMENT", null, "另一岗位", LocalDate.now(), null),
				"t")));
		assertEquals(422, status(() -> useRecords.record(new UseRecords.UseInput("h1", "HONOUR", null, "表彰", LocalDate.now(), null), "t")));
		UseRecords.Summary s = useRecords.summary("d1", String.valueOf(LocalDate.now().getYear()));
		assertEquals(2, s.total());
		assertEquals(Map.of("人大代表", 1), s.kinds().stream().filter(k -> k.kind().equals("DELEGATE")).findFirst().orElseThrow().byDetail());
		assertEquals("李书记", useRecords.records(null, "p1", null, null, Paging.of(0, 50)).items().get(0).personName());
	}
}
