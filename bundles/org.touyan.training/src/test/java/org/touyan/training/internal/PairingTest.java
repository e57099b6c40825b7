package org.touyan.training.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touyan.api.exchange.PairingProgramme;
import org.touyan.api.rest.Preconditions;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.training.ReportField;
import org.touyan.training.internal.Fakes.FakeArchive;
import org.touyan.training.internal.Fakes.FakeDirectory;
import org.touyan.training.internal.Fakes.FakePolicies;
import org.touyan.training.internal.Pairing.Dispatch;
import org.touyan.training.internal.Pairing.DispatchInput;
import org.touyan.training.internal.Pairing.DispatchReport;
import org.touyan.training.internal.Pairing.ProgressInput;
import org.touyan.training.internal.Pairing.Project;
import org.touyan.training.internal.Pairing.ProjectInput;

class PairingTest {

	/** Under 55 with a year in post; one required and one optional report field; grade by milestones. */
	static final class Programme implements PairingProgramme {
		@Override
		public Partner partner() {
			return new Partner("塘桥街道", null, "上海市");
		}

		@Override
		public List<CooperationContent> contents() {
			return List.of(new CooperationContent("secondment", "挂职交流", null));
		}

		@Override
		public DispatchVerdict dispatchable(DispatchCandidate c) {
			List<String> reasons = new ArrayList<>();
			if (c.age() > 55) {
				reasons.add("年龄超过 55 岁");
			}
			if (c.yearsAsSecretary() < 1) {
				reasons.add("任职不满 1 年");
			}
			return new DispatchVerdict(reasons.isEmpty(), reasons);
		}

		@Override
		public List<ReportField> dispatchReportFields() {
			return List.of(new ReportField("learned", "学习收获", null, true), new ReportField("note", "备注", null, false));
		}

		@Override
		public ProjectAssessment assess(TransferProject p) {
			return new ProjectAssessment(p.milestonesDone() == p.milestones() && p.outcomeRecorded() ? "优秀" : "推进中", "…");
		}
	}

	private MemoryStore store;
	private Pairing pairing;
	private FakeDirectory directory;

	@BeforeEach
	void setUp() throws Exception {
		store = new MemoryStore("V1__training.sql", "V2__session_report.sql", "V3__plan_formats.sql");
		FakePolicies policies = new FakePolicies();
		policies.bound.put(PairingProgramme.class, new Programme());
		directory = new FakeDirectory().secretary("young", "s1", LocalDate.of(1985, 3, 1), 4)
				.secretary("old", "s1", LocalDate.of(1960, 3, 1), 10).secretary("new", "s2", LocalDate.of(1990, 3, 1), 0);
		pairing = new Pairing(store, policies, directory, new FakeArchive());
	}

	private Dispatch dispatch(String person, LocalDate start, LocalDate end) {
		return pairing.dispatch(new DispatchInput("d1", person, "secondment", start, end), "t");
	}

	@Test
	void rangesOverlapWhenTheyShareADayEndsIncluded() {
		LocalDate a = LocalDate.of(2026, 3, 1);
		LocalDate b = LocalDate.of(2026, 3, 31);
		assertTrue(Pairing.overlaps(a, b, b, b.plusDays(10)));
		assertTrue(Pairing.overlaps(a, b, a.minusDays(5), a));
		assertTrue(Pairing.overlaps(a, b, a.plusDays(3), a.plusDays(4)));
		assertFalse(Pairing.overlaps(a, b, b.plusDays(1), b.plusDays(30)));
		assertFalse(Pairing.overlaps(a, b, a.minusDays(30), a.minusDays(1)));
	}

	@Test
	void aDispatchOverlappingAnotherOfThePersonIsAConflictAndNothingIsStored() {
		Dispatch first = dispatch("young", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
		assertEquals("test-policy", first.provenance().policyId());
		ProblemException e = assertThrows(ProblemException.class,
				() -> dispatch("young", LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 30)));
		assertEquals(409, e.status());
		dispatch("young", LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30));
		assertEquals(2, pairing.dispatches("d1", null, org.touyan.api.rest.Paging.of(0, 50)).total());
		assertEquals(2, Fakes.archived(store).stream().filter(a -> a.equals("young pairing.dispatch")).count());
	}

	@Test
	void theProgrammeDecidesWhoMayGoAndItsRefusalNamesTheReasons() {
		ProblemException old = assertThrows(ProblemException.class, () -> dispatch("old", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)));
		assertEquals(422, old.status());
		assertTrue(old.detail().contains("年龄超过 55 岁"), old.detail());
		ProblemException fresh = assertThrows(ProblemException.class, () -> dispatch("new", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)));
		assertTrue(fresh.detail().contains("任职不满 1 年"), fresh.detail());
		ProblemException content = assertThrows(ProblemException.class, () -> pairing.dispatch(new DispatchInput("d1", "young", "tourism",
				LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 2)), "t"));
		assertEquals("contentCode", content.field());
		assertEquals(0, pairing.dispatches("d1", null, org.touyan.api.rest.Paging.of(0, 50)).total());
	}

	/** The demo's shape: 14 dispatches of a month each, from June of one year to July of the next. */
	private void fourteenMonthlyDispatches() {
		for (int i = 0; i < 14; i++) {
			directory.secretary("p" + i, "s1", LocalDate.of(1985, 3, 1), 4);
			LocalDate start = LocalDate.of(2025, 6, 1).plusMonths(i);
			dispatch("p" + i, start, start.plusMonths(1).minusDays(1));
		}
	}

	@Test
	void aYearsDispatchFiguresSayWhetherTheyCountStartedRunningOrCumulative() {
		fourteenMonthlyDispatches();
		dispatch("young", LocalDate.of(2025, 12, 20), LocalDate.of(2026, 1, 10));
		assertEquals(new Pairing.DispatchFigures(7, 8, 15), pairing.dispatchFigures("d1", 2026));
		assertEquals(new Pairing.DispatchFigures(8, 8, 8), pairing.dispatchFigures("d1", 2025));
		assertEquals(new Pairing.DispatchFigures(0, 0, 15), pairing.dispatchFigures("d1", 2027));
	}

	@Test
	void dispatchesAreListedByTheSpanTheyRunIn() {
		fourteenMonthlyDispatches();
		PairingResource resource = new PairingResource(pairing, null);
		assertEquals(14, resource.dispatches("d1", null, null, null, null, null, null).total());
		assertEquals(7, resource.dispatches("d1", null, "2026", null, null, null, null).total());
		assertEquals(7, resource.dispatches("d1", null, "2025", null, null, null, null).total());
		// both ends included: June ends on the 30th, July starts on the 1st
		assertEquals(List.of(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 7, 1)), resource.dispatches("d1", null, null, "2025-06-30",
				"2025-07-01", null, null).items().stream().map(Dispatch::startDate).toList());
		assertEquals(3, resource.dispatches("d1", null, null, "2026-05-15", null, null, null).total());
		assertEquals(1, resource.dispatches("d1", null, null, null, "2025-06-30", null, null).total());
		for (String[] bad : new String[][] { { "year", "2026x", null, null }, { "from", null, "2026-13-01", null },
				{ "to", null, null, "tomorrow" }, { "to", null, "2026-03-01", "2026-02-28" }, { "year", "2026", "2026-01-01", null } }) {
			ProblemException e = assertThrows(ProblemException.class, () -> resource.dispatches("d1", null, bad[1], bad[2], bad[3], null, null));
			assertEquals(400, e.status());
			assertEquals(bad[0], e.field(), e.detail());
		}
	}

	@Test
	void aDispatchReportCarriesTheProgrammesRequiredFields() {
		Dispatch d = dispatch("young", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
		ProblemException missing = assertThrows(ProblemException.class,
				() -> pairing.report(d.id(), new DispatchReport(Map.of("note", "x")), "t", Preconditions.tag(pairing.dispatch(d.id()))));
		assertEquals("fields.learned", missing.field());
		ProblemException unknown = assertThrows(ProblemException.class,
				() -> pairing.report(d.id(), new DispatchReport(Map.of("learned", "x", "mood", "y")), "t", Preconditions.tag(pairing.dispatch(d.id()))));
		assertEquals("fields.mood", unknown.field());
		assertEquals(Map.of("learned", "学到了"), pairing.report(d.id(), new DispatchReport(Map.of("learned", "学到了")), "t", Preconditions.tag(pairing.dispatch(d.id()))).report());
		assertEquals(Map.of("learned", "学到了"), pairing.dispatch(d.id()).report());
	}

	@Test
	void aProjectNeedsAnOwnerAndIsGradedByTheProgrammeWithProvenance() {
		ProblemException owner = assertThrows(ProblemException.class,
				() -> pairing.createProject(new ProjectInput("d1", "楼组自治", null, null, 3), "t"));
		assertEquals("ownerId", owner.field());
		assertEquals(0, pairing.projects("d1", null, null, org.touyan.api.rest.Paging.of(0, 50)).total());
		Project p = pairing.createProject(new ProjectInput("d1", "楼组自治", "young", null, 3), "t");
		ProblemException early = assertThrows(ProblemException.class,
				() -> pairing.progress(p.id(), new ProgressInput(2, "COMPLETED", "成效"), "t", Preconditions.tag(pairing.project(p.id()))));
		assertEquals("status", early.field());
		pairing.progress(p.id(), new ProgressInput(3, "COMPLETED", "成效"), "t", Preconditions.tag(pairing.project(p.id())));
		Project graded = pairing.assess(p.id(), "t", Preconditions.tag(pairing.project(p.id())));
		assertEquals("优秀", graded.grade());
		assertEquals("test-policy", pairing.project(p.id()).provenance().policyId());
		assertEquals(Map.of("COMPLETED", 1L), Map.of("COMPLETED", pairing.projectsByStatus("d1").get("COMPLETED")));
		assertEquals(List.of("young pairing.project", "young pairing.project.progress", "young pairing.project.assessment"),
				Fakes.archived(store));
	}

	@Test
	void aPersonsDispatchesAndProjectsAreTheirOwnNewestFirst() {
		Dispatch march = dispatch("young", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
		Dispatch may = dispatch("young", LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31));
		directory.secretary("other", "s2", LocalDate.of(1986, 3, 1), 4);
		dispatch("other", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
		var dispatches = pairing.dispatchesOf("young", org.touyan.api.rest.Paging.of(0, 50));
		assertEquals(2, dispatches.total());
		assertEquals(List.of(may.id(), march.id()), dispatches.items().stream().map(Dispatch::id).toList());
		Project owned = pairing.createProject(new ProjectInput("d1", "楼组自治", "young", null, 3), "t");
		pairing.createProject(new ProjectInput("d1", "睦邻点", "other", null, 2), "t");
		var projects = pairing.projectsOf("young", org.touyan.api.rest.Paging.of(0, 50));
		assertEquals(List.of(owned.id()), projects.items().stream().map(Project::id).toList());
		assertEquals(0, pairing.projectsOf("nobody", org.touyan.api.rest.Paging.of(0, 50)).total());
	}
}
