package org.touyan.training.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touyan.api.rest.Preconditions;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.training.Attendance;
import org.touyan.api.training.ReportField;
import org.touyan.api.training.TrainingBrand;
import org.touyan.training.internal.Fakes.FakeArchive;
import org.touyan.training.internal.Fakes.FakeDirectory;
import org.touyan.training.internal.Fakes.FakePolicies;
import org.touyan.training.internal.Training.AttendanceInput;
import org.touyan.training.internal.Training.BrandInput;
import org.touyan.training.internal.Training.CourseInput;
import org.touyan.training.internal.Training.ImportReport;
import org.touyan.training.internal.Training.Plan;
import org.touyan.training.internal.Training.PlanInput;
import org.touyan.training.internal.Training.Programme;
import org.touyan.training.internal.Training.Session;
import org.touyan.training.internal.Training.SessionInput;

class TrainingTest {

	/** Credits whole half hours, refuses more hours than the session, like 小灶课堂. */
	static class HalfHourBrand implements TrainingBrand {
		@Override
		public List<String> courseFormats() {
			return List.of("专题讲座");
		}

		@Override
		public BigDecimal credit(Attendance a) {
			if (a.attendedHours().compareTo(a.sessionHours()) > 0) {
				throw new IllegalArgumentException("参训时长不能超过课时");
			}
			return a.attendedHours().divide(new BigDecimal("0.5"), 0, RoundingMode.FLOOR).multiply(new BigDecimal("0.5"));
		}

		@Override
		public List<ReportField> reportFields() {
			return List.of(new ReportField("topic", "课程主题", null, true), new ReportField("feedback", "学员反馈", null, false));
		}
	}

	private static final LocalDate PAST = LocalDate.now().minusDays(3);

	private MemoryStore store;
	private FakePolicies policies;
	private Training training;
	private Plan plan;

	@BeforeEach
	void setUp() throws Exception {
		store = new MemoryStore("V1__training.sql", "V2__session_report.sql", "V3__plan_formats.sql");
		policies = new FakePolicies();
		policies.bound.put(TrainingBrand.class, new HalfHourBrand());
		FakeDirectory directory = new FakeDirectory().secretary("p1", "s1", LocalDate.of(1980, 1, 1), 3)
				.secretary("p2", "s1", LocalDate.of(1985, 1, 1), 2).secretary("p3", "s2", LocalDate.of(1990, 1, 1), 1);
		training = new Training(store, policies, directory, new FakeArchive());
		plan = training.createPlan(new PlanInput("d1", PAST.getYear(), new BigDecimal("4"), List.of(new BrandInput("s1", "小灶课堂")), null));
	}

	private Programme programme(String kind) {
		return plan.programmes().stream().filter(p -> p.kind().equals(kind)).findFirst().orElseThrow();
	}

	private Session brandSession(LocalDate date) {
		var course = training.addCourse(programme(Training.BRAND).id(), new CourseInput(null, "网格治理"));
		training.enrol(course.id(), List.of("p1", "p2", "p3"), "t");
		return training.addSession(course.id(), new SessionInput(date, "党群服务中心", "讲师", "专题讲座", new BigDecimal("2")));
	}

	private Session annualSession() {
		var course = programme(Training.ANNUAL).courses().get(0);
		training.enrol(course.id(), List.of("p1", "p2", "p3"), "t");
		return training.addSession(course.id(), new SessionInput(PAST, "党校", "教授", "专家辅导", new BigDecimal("3")));
	}

	@Test
	void aPlanHasTheAnnualTrainingWithItsFiveCourseKindsAndFourQuarters() {
		assertEquals(List.of("思想课", "业务课", "案例课", "实战课", "纪律课"),
				programme(Training.ANNUAL).courses().stream().map(k -> k.kind()).toList());
		assertEquals(4, programme(Training.QUARTERLY).courses().size());
		assertEquals("s1", programme(Training.BRAND).streetId());
		ProblemException twice = assertThrows(ProblemException.class,
				() -> training.createPlan(new PlanInput("d1", PAST.getYear(), BigDecimal.TEN, List.of(), null)));
		assertEquals(409, twice.status());
		ProblemException kind = assertThrows(ProblemException.class,
				() -> training.addCourse(programme(Training.ANNUAL).id(), new CourseInput("体育课", "x")));
		assertEquals("kind", kind.field());
	}

	@Test
	void brandSessionsAreCreditedByTheBrandWithProvenanceAndDistrictTrainingsOneToOne() {
		Session brand = brandSession(PAST);
		training.attend(brand.id(), new AttendanceInput("p1", new BigDecimal("1.7")), "t");
		var stored = training.attendance(brand.id()).get(0);
		assertEquals(0, new BigDecimal("1.5").compareTo(stored.credit()));
		assertEquals("test-policy", stored.provenance().policyId());
		Session annual = annualSession();
		training.attend(annual.id(), new AttendanceInput("p1", new BigDecimal("2.8")), "t");
		var one = training.attendance(annual.id()).get(0);
		assertEquals(0, new BigDecimal("2.8").compareTo(one.credit()));
		assertNull(one.provenance());
		assertTrue(Fakes.archived(store).contains("p1 training.attendance"));
	}

	@Test
	void aFormatTheBrandDoesNotOfferIsRefused() {
		var course = training.addCourse(programme(Training.BRAND).id(), new CourseInput(null, "x"));
		ProblemException e = assertThrows(ProblemException.class,
				() -> training.addSession(course.id(), new SessionInput(PAST, "p", "t", "情景模拟", BigDecimal.ONE)));
		assertEquals("format", e.field());
	}

	@Test
	void aDistrictTrainingSessionUsesOneOfTheDistrictsFormatsAndEveryProgrammeListsItsFormats() {
		assertEquals(Training.DEFAULT_FORMATS, programme(Training.ANNUAL).formats());
		assertEquals(Training.DEFAULT_FORMATS, programme(Training.QUARTERLY).formats());
		assertEquals(List.of("专题讲座"), programme(Training.BRAND).formats());
		var course = programme(Training.QUARTERLY).courses().get(0);
		ProblemException e = assertThrows(ProblemException.class,
				() -> training.addSession(course.id(), new SessionInput(PAST, "p", "t", "新闻写作", BigDecimal.ONE)));
		assertEquals(400, e.status());
		assertEquals("format", e.field());
		assertTrue(e.detail().contains("专家辅导") && e.detail().contains("情景模拟"), e.detail());
		assertTrue(training.sessions(course.id()).isEmpty());
		training.addSession(course.id(), new SessionInput(PAST, "p", "t", "情景模拟", BigDecimal.ONE));
		// a district names its own formats for a year
		int next = PAST.getYear() + 1;
		Plan own = training.createPlan(new PlanInput("d1", next, BigDecimal.TEN, List.of(), List.of("线上直播", "专家辅导")));
		assertEquals(List.of("线上直播", "专家辅导"), own.formats());
		var annual = own.programmes().get(0).courses().get(0);
		training.addSession(annual.id(), new SessionInput(LocalDate.of(next, 1, 5), "p", "t", "线上直播", BigDecimal.ONE));
		assertEquals("format", assertThrows(ProblemException.class,
				() -> training.addSession(annual.id(), new SessionInput(LocalDate.of(next, 1, 6), "p", "t", "情景模拟", BigDecimal.ONE)))
				.field());
		assertEquals("formats[1]", assertThrows(ProblemException.class, () -> training.createPlan(new PlanInput("d1", next + 1,
				BigDecimal.TEN, List.of(), List.of("专家辅导", "专家辅导")))).field());
	}

	@Test
	void attendanceOfASessionThatHasNotHappenedIsRefusedAndNothingStored() {
		int next = LocalDate.now().getYear() + 1;
		Plan nextYear = training.createPlan(new PlanInput("d1", next, BigDecimal.TEN, List.of(), null));
		var course = nextYear.programmes().get(0).courses().get(0);
		training.enrol(course.id(), List.of("p1"), "t");
		Session future = training.addSession(course.id(), new SessionInput(LocalDate.of(next, 1, 2), "党校", "教授", "专家辅导", BigDecimal.ONE));
		ProblemException e = assertThrows(ProblemException.class,
				() -> training.attend(future.id(), new AttendanceInput("p1", BigDecimal.ONE), "t"));
		assertEquals("sessionId", e.field());
		assertTrue(training.attendance(future.id()).isEmpty());
	}

	@Test
	void hoursTheBrandRejectsAre400OnHoursAndNothingIsStored() {
		Session brand = brandSession(PAST);
		// 2.0 is the session's length; the edge check allows it, the brand must refuse nothing here
		training.attend(brand.id(), new AttendanceInput("p2", new BigDecimal("2.0")), "t");
		ProblemException e = assertThrows(ProblemException.class,
				() -> training.attend(brand.id(), new AttendanceInput("p1", new BigDecimal("2.5")), "t"));
		assertEquals("hours", e.field());
		assertEquals(1, training.attendance(brand.id()).size());
		assertFalse(Fakes.archived(store).contains("p1 training.attendance"));
	}

	@Test
	void theBrandsOwnRejectionIsA400NamingHours() {
		policies.bound.put(TrainingBrand.class, new HalfHourBrand() {
			@Override
			public BigDecimal credit(Attendance a) {
				throw new IllegalArgumentException("小灶课堂不计半小时以下的参训");
			}
		});
		Session brand = brandSession(PAST);
		ProblemException e = assertThrows(ProblemException.class,
				() -> training.attend(brand.id(), new AttendanceInput("p1", new BigDecimal("0.4")), "t"));
		assertEquals("hours", e.field());
		assertTrue(e.detail().contains("小灶课堂不计半小时以下的参训"), e.detail());
		assertTrue(training.attendance(brand.id()).isEmpty());
	}

	@Test
	void aCsvImportWithOneBadRowWritesNothingAndReportsEveryFault() {
		Session annual = annualSession();
		ImportReport bad = training.importCsv(annual.id(), "personId,hours\np1,3\nnobody,2\np2,abc\np3,9\n", "t", p -> {});
		assertFalse(bad.written());
		assertEquals(4, bad.rows());
		assertEquals(List.of(3, 4, 5), bad.errors().stream().map(Training.RowError::row).toList());
		assertEquals(List.of("personId", "hours", "hours"), bad.errors().stream().map(Training.RowError::field).toList());
		assertTrue(training.attendance(annual.id()).isEmpty());
		assertTrue(Fakes.archived(store).stream().noneMatch(a -> a.endsWith("training.attendance")));

		ImportReport good = training.importCsv(annual.id(), "\uFEFFpersonId,hours\r\np1,3\r\n\"p2\",2.5\r\n", "t", p -> {});
		assertTrue(good.written(), good.errors().toString());
		assertEquals(2, good.recorded());
		ImportReport again = training.importCsv(annual.id(), "personId,hours\np1,3\n", "t", p -> {});
		assertEquals("personId", again.errors().get(0).field());
	}

	@Test
	void anXlsxImportWithChineseHeadersIsCheckedRowByRowAsCsvIs() throws Exception {
		Session annual = annualSession();
		org.touyan.tabular.internal.TabularService tabular = new org.touyan.tabular.internal.TabularService();
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		tabular.write(new org.touyan.api.tabular.Table("attendance", Training.ATTENDANCE).row("p1", 3).row("nobody", 2).row("p2", null),
				org.touyan.api.tabular.Format.XLSX, out);
		List<List<String>> rows = tabular.read(org.touyan.api.tabular.Format.XLSX, new java.io.ByteArrayInputStream(out.toByteArray()));
		assertEquals(List.of("人员ID", "学时"), rows.get(0));
		ImportReport bad = training.importRows(annual.id(), rows, "t", p -> {});
		assertFalse(bad.written());
		assertEquals(List.of(3, 4), bad.errors().stream().map(Training.RowError::row).toList());
		assertEquals(List.of("personId", "hours"), bad.errors().stream().map(Training.RowError::field).toList());
		assertTrue(training.attendance(annual.id()).isEmpty());

		out.reset();
		tabular.write(new org.touyan.api.tabular.Table("attendance", Training.ATTENDANCE).row("p1", 3).row("p2", new java.math.BigDecimal("2.5")),
				org.touyan.api.tabular.Format.XLSX, out);
		ImportReport good = training.importRows(annual.id(),
				tabular.read(org.touyan.api.tabular.Format.XLSX, new java.io.ByteArrayInputStream(out.toByteArray())), "t", p -> {});
		assertTrue(good.written(), good.errors().toString());
		assertEquals(2, good.recorded());
	}

	@Test
	void blankLinesInACsvImportAreSkippedAndRowsKeepTheirNumbers() {
		Session annual = annualSession();
		List<String> asked = new java.util.ArrayList<>();
		ImportReport bad = training.importCsv(annual.id(), "personId,hours\np1,3\n\nnobody,2\n  \n", "t", asked::add);
		assertEquals(List.of(4), bad.errors().stream().map(Training.RowError::row).toList(), "line 4 of the file");
		assertEquals(List.of("p1", "nobody"), asked);

		ImportReport good = training.importCsv(annual.id(), "personId,hours\np1,3\n\np2,2\n\n", "t", p -> {});
		assertTrue(good.written(), good.errors().toString());
		assertEquals(2, good.recorded());
	}

	@Test
	void whoHasNotMetTheRequirementIsOneQuery() {
		Session annual = annualSession();
		training.importCsv(annual.id(), "personId,hours\np1,3\np2,2\n", "t", p -> {});
		Session brand = brandSession(PAST);
		training.attend(brand.id(), new AttendanceInput("p2", new BigDecimal("2")), "t");
		var credits = training.credits("d1", PAST.getYear());
		// required 4: p1 has 3, p2 has 2 + 2, p3 nothing
		assertEquals(List.of("p1", "p3"), credits.stream().filter(c -> !c.met()).map(Credits.Credit::personId).toList());
		assertEquals(0, new BigDecimal("4").compareTo(credits.get(1).credit()));
	}

	@Test
	void oneSecretarysCreditIsTheirLineOfTheYear() {
		training.importCsv(annualSession().id(), "personId,hours\np1,3\n", "t", p -> {});
		var p1 = training.credit("d1", PAST.getYear(), "p1");
		assertEquals(0, new BigDecimal("3").compareTo(p1.credit()));
		assertEquals(false, p1.met());
		assertEquals(0, BigDecimal.ZERO.compareTo(training.credit("d1", PAST.getYear(), "p3").credit()), "a secretary who attended nothing has 0");
		assertEquals(404, assertThrows(ProblemException.class, () -> training.credit("d1", PAST.getYear(), "nobody")).status());
		assertEquals(404, assertThrows(ProblemException.class, () -> training.credit("d1", PAST.getYear() + 1, "p1")).status(), "a year without a plan");
	}

	@Test
	void aSessionReportCarriesTheFieldsItsBrandRequires() {
		Session brand = brandSession(PAST);
		ProblemException missing = assertThrows(ProblemException.class,
				() -> training.report(brand.id(), new Training.SessionReportInput(java.util.Map.of("feedback", "好")), Preconditions.tag(training.sessionReport(brand.id()).values())));
		assertEquals("fields.topic", missing.field());
		ProblemException unknown = assertThrows(ProblemException.class,
				() -> training.report(brand.id(), new Training.SessionReportInput(java.util.Map.of("topic", "网格", "mood", "好")), Preconditions.tag(training.sessionReport(brand.id()).values())));
		assertEquals("fields.mood", unknown.field());
		assertNull(training.sessionReport(brand.id()).values());
		training.report(brand.id(), new Training.SessionReportInput(java.util.Map.of("topic", "网格治理")), Preconditions.tag(training.sessionReport(brand.id()).values()));
		Training.SessionReport report = training.sessionReport(brand.id());
		assertEquals(java.util.Map.of("topic", "网格治理"), report.values());
		assertEquals("test-policy", report.provenance().policyId());
		assertEquals(Training.DISTRICT_REPORT, training.sessionReport(annualSession().id()).fields());
	}
}
