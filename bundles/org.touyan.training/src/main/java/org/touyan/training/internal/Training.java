package org.touyan.training.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import java.util.function.Consumer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.touyan.api.policy.Policies;
import org.touyan.api.policy.Policies.Result;
import org.touyan.api.policy.Policies.Scope;
import org.touyan.api.policy.PolicyFailureException;
import org.touyan.api.policy.Provenance;
import org.touyan.api.registry.Archive;
import org.touyan.api.rest.Nullable;
import org.touyan.api.rest.Preconditions;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.store.Sql;
import org.touyan.api.store.Store;
import org.touyan.api.training.Attendance;
import org.touyan.api.training.ReportField;
import org.touyan.api.training.TrainingBrand;
import org.touyan.api.rest.Csv;
import org.touyan.api.tabular.Column;

/**
 * The 1+1+N training system: a district's yearly plan with the annual 头雁领航 training (5 course
 * kinds), the quarterly 精治社工 training and the street brand programmes; their courses,
 * sessions, enrolment and attendance. A brand session's credit is computed by the brand bound for
 * its street and stored with its provenance; district trainings credit hours one to one.
 */
@Component(service = Training.class)
public class Training {

	/** The 5 course kinds of 头雁领航. */
	static final List<String> ANNUAL_KINDS = List.of("思想课", "业务课", "案例课", "实战课", "纪律课");
	/** The four quarters of 精治社工. */
	static final List<String> QUARTERS = List.of("Q1", "Q2", "Q3", "Q4");
	static final String ANNUAL = "ANNUAL";
	static final String QUARTERLY = "QUARTERLY";
	static final String BRAND = "BRAND";
	private static final BigDecimal MAX_SESSION_HOURS = new BigDecimal("24");
	private static final String ATTENDED = "training.attendance";

	/** The formats of the district's own trainings (头雁领航 and 精治社工) when a plan names none. */
	static final List<String> DEFAULT_FORMATS = List.of("专家辅导", "专题讲座", "案例分析", "情景模拟", "现场教学", "交流研讨");

	/** A year's plan; {@code formats} are the district's training formats, {@link #DEFAULT_FORMATS} when not given. */
	public record PlanInput(String districtId, Integer year, BigDecimal requiredHours, @Nullable List<BrandInput> brands,
			@Nullable List<String> formats) {
	}

	public record BrandInput(String streetId, String name) {
	}

	/** A district's year; {@code formats} are those of its own trainings. */
	public record Plan(String id, String districtId, int year, BigDecimal requiredHours, List<String> formats, List<Programme> programmes) {
	}

	/**
	 * A programme with the formats its sessions may use: the district's for its own trainings, the
	 * bound brand's for a street's brand (null while no brand is bound for the street).
	 */
	public record Programme(String id, String kind, @Nullable String streetId, String name, @Nullable List<String> formats,
			List<Course> courses) {
	}

	public record CourseInput(@Nullable String kind, String title) {
	}

	public record Course(String id, String programmeId, @Nullable String kind, String title) {
	}

	public record SessionInput(LocalDate date, @Nullable String place, @Nullable String teacher, @Nullable String format, BigDecimal hours) {
	}

	/** A session and where it belongs: its programme's kind and, for a brand, the street. */
	public record Session(String id, String courseId, String programmeId, String programmeKind, String districtId,
			@Nullable String streetId, int year, LocalDate date, @Nullable String place, @Nullable String teacher, @Nullable String format, BigDecimal hours) {
	}

	public record Enrolment(String courseId, List<String> personIds) {
	}

	public record AttendanceInput(String personId, BigDecimal hours) {
	}

	/** An attendance as stored: the credit and, for a brand session, the brand that computed it. */
	public record AttendanceRecord(String sessionId, String personId, BigDecimal hours, BigDecimal credit,
			@Nullable Provenance provenance, @Nullable String recordedBy) {
	}

	/** The outcome of an import: {@code written} only when every row was valid; otherwise nothing was. */
	public record ImportReport(int rows, boolean written, int recorded, List<RowError> errors) {
	}

	/** A fault of one row (1 is the header) and column. */
	public record RowError(int row, @Nullable String field, String error) {
	}

	private final Store store;
	private final Policies policies;
	private final Directory directory;
	private final Archive archive;

	@Activate
	public Training(@Reference(target = "(touyan.schema=training)") Store store, @Reference Policies policies,
			@Reference Directory directory, @Reference Archive archive) {
		this.store = store;
		this.policies = policies;
		this.directory = directory;
		this.archive = archive;
	}

	// ---- plans ---------------------------------------------------------------------------------

	/** Plans a district's year: the annual and quarterly trainings with their courses, and one programme per brand street. */
	public Plan createPlan(PlanInput input) {
		Input.body(input);
		String districtId = directory.district("districtId", input.districtId()).id();
		int year = Input.year("year", input.year());
		BigDecimal required = Input.hours("requiredHours", input.requiredHours(), new BigDecimal("1000"));
		List<String> formats = formats(input.formats());
		List<BrandInput> brands = input.brands() == null ? List.of() : input.brands();
		Set<String> streets = new HashSet<>();
		for (int i = 0; i < brands.size(); i++) {
			BrandInput b = brands.get(i);
			if (b == null) {
				throw ProblemException.invalid("brands[" + i + "]", "此项必填", "brands[" + i + "] is required");
			}
			String street = directory.street("brands[" + i + "].streetId", b.streetId(), districtId).id();
			if (!streets.add(street)) {
				throw ProblemException.invalid("brands[" + i + "].streetId", "每个街道每年只设一个培训品牌项目",
						"a street has one brand programme a year");
			}
			Input.text("brands[" + i + "].name", b.name(), 100, true);
		}
		String planId = UUID.randomUUID().toString();
		store.write(c -> {
			Sql.update(c, "INSERT INTO training_plan (id, district_id, plan_year, required_hours, course_formats, created_at)"
					+ " VALUES (?, ?, ?, ?, ?, ?)", null, "本区 " + year + " 年的培训计划已存在", planId, districtId, year, required,
					String.join("\n", formats), Sql.now());
			String annual = programme(c, planId, ANNUAL, null, "头雁领航");
			for (String kind : ANNUAL_KINDS) {
				course(c, annual, kind, kind);
			}
			String quarterly = programme(c, planId, QUARTERLY, null, "精治社工");
			for (int q = 0; q < QUARTERS.size(); q++) {
				course(c, quarterly, QUARTERS.get(q), "第" + "一二三四".charAt(q) + "季度专题培训");
			}
			for (BrandInput b : brands) {
				programme(c, planId, BRAND, b.streetId().strip(), b.name().strip());
			}
			return null;
		});
		return plan(planId);
	}

	private static String programme(Connection c, String planId, String kind, String streetId, String name) throws SQLException {
		String id = UUID.randomUUID().toString();
		Sql.update(c, "INSERT INTO training_programme (id, plan_id, kind, street_id, name) VALUES (?, ?, ?, ?, ?)", null, null, id, planId,
				kind, streetId, name);
		return id;
	}

	private static String course(Connection c, String programmeId, String kind, String title) throws SQLException {
		String id = UUID.randomUUID().toString();
		Sql.update(c, "INSERT INTO training_course (id, programme_id, course_kind, title) VALUES (?, ?, ?, ?)", null, null, id, programmeId,
				kind, title);
		return id;
	}

	/** The district's formats as given: each a short text, none twice; none given are the defaults. */
	private static List<String> formats(List<String> given) {
		if (given == null) {
			return DEFAULT_FORMATS;
		}
		if (given.isEmpty() || given.size() > 30) {
			throw ProblemException.invalid("formats", "培训形式应为 1 至 30 种", "formats names 1 to 30 formats");
		}
		List<String> formats = new ArrayList<>();
		for (int i = 0; i < given.size(); i++) {
			String f = Input.text("formats[" + i + "]", given.get(i), 50, true);
			if (f.contains("\n") || formats.contains(f)) {
				throw ProblemException.invalid("formats[" + i + "]", "培训形式须为单行文字，且不能重复",
						"formats[" + i + "] is one line and named once");
			}
			formats.add(f);
		}
		return List.copyOf(formats);
	}

	/** A stored plan's formats; a plan made before districts named them has the defaults. */
	private static List<String> storedFormats(String column) {
		return column == null || column.isBlank() ? DEFAULT_FORMATS : List.of(column.split("\n"));
	}

	/** The course formats of the brand bound for a street, null while none can answer. */
	private List<String> brandFormats(String districtId, String streetId) {
		try {
			return policies.apply(TrainingBrand.class, new Scope(districtId, streetId), null, (brand, parameters) -> brand.courseFormats())
					.value();
		} catch (ProblemException | PolicyFailureException unbound) {
			return null;
		}
	}

	public Plan plan(String id) {
		return store.read(c -> {
			Plan head = Sql.one(c, "SELECT id, district_id, plan_year, required_hours, course_formats FROM training_plan WHERE id = ?",
					rs -> new Plan(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getBigDecimal(4), storedFormats(rs.getString(5)),
							List.of()), id)
					.orElseThrow(() -> ProblemException.notFound("培训计划", "training plan", id));
			List<Course> courses = Sql.query(c, "SELECT k.id, k.programme_id, k.course_kind, k.title FROM training_course k"
					+ " JOIN training_programme p ON p.id = k.programme_id WHERE p.plan_id = ? ORDER BY k.course_kind, k.title",
					Training::course, id);
			List<Programme> programmes = Sql.query(c, "SELECT id, kind, street_id, name FROM training_programme WHERE plan_id = ?"
					+ " ORDER BY CASE kind WHEN 'ANNUAL' THEN 0 WHEN 'QUARTERLY' THEN 1 ELSE 2 END, name",
					rs -> new Programme(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), null, List.of()), id);
			programmes = programmes.stream().map(p -> new Programme(p.id(), p.kind(), p.streetId(), p.name(),
					BRAND.equals(p.kind()) ? brandFormats(head.districtId(), p.streetId()) : head.formats(),
					courses.stream().filter(k -> k.programmeId().equals(p.id())).toList())).toList();
			return new Plan(head.id(), head.districtId(), head.year(), head.requiredHours(), head.formats(), sortCourses(programmes));
		});
	}

	/** Annual courses in the order of the 5 kinds, quarters in order. */
	private static List<Programme> sortCourses(List<Programme> programmes) {
		return programmes.stream().map(p -> new Programme(p.id(), p.kind(), p.streetId(), p.name(), p.formats(), p.courses().stream()
				.sorted(java.util.Comparator.comparingInt((Course k) -> k.kind() == null ? 99
						: ANNUAL_KINDS.contains(k.kind()) ? ANNUAL_KINDS.indexOf(k.kind()) : QUARTERS.indexOf(k.kind()))
						.thenComparing(Course::title))
				.toList())).toList();
	}

	/** The plan of a district's year, if there is one. */
	public java.util.Optional<Plan> plan(String districtId, int year) {
		return store.read(c -> Sql.one(c, "SELECT id FROM training_plan WHERE district_id = ? AND plan_year = ?", rs -> rs.getString(1),
				districtId, year)).map(this::plan);
	}

	private static Course course(ResultSet rs) throws SQLException {
		return new Course(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
	}

	/** Adds a course: one of the 5 kinds in the annual training, a quarter in the quarterly one, any title in a brand. */
	public Course addCourse(String programmeId, CourseInput input) {
		Input.body(input);
		String title = Input.text("title", input.title(), 200, true);
		String kind = Input.text("kind", input.kind(), 10, false);
		return store.write(c -> {
			String programmeKind = Sql.one(c, "SELECT kind FROM training_programme WHERE id = ?", rs -> rs.getString(1), programmeId)
					.orElseThrow(() -> ProblemException.notFound("培训项目", "training programme", programmeId));
			List<String> kinds = switch (programmeKind) {
				case ANNUAL -> ANNUAL_KINDS;
				case QUARTERLY -> QUARTERS;
				default -> null;
			};
			if (kinds == null && kind != null) {
				throw ProblemException.invalid("kind", "培训品牌项目的课程不分类别", "a brand programme's courses have no kind");
			}
			if (kinds != null && !kinds.contains(kind)) {
				throw ProblemException.invalid("kind", "课程类别应为以下之一：" + String.join("、", kinds), "kind must be one of " + kinds);
			}
			return new Course(course(c, programmeId, kind, title), programmeId, kind, title);
		});
	}

	// ---- sessions ------------------------------------------------------------------------------

	private static final String SESSION = "SELECT s.id, s.course_id, p.id, p.kind, l.district_id, p.street_id, l.plan_year,"
			+ " s.session_date, s.place, s.teacher, s.course_format, s.session_hours FROM training_session s"
			+ " JOIN training_course k ON k.id = s.course_id JOIN training_programme p ON p.id = k.programme_id"
			+ " JOIN training_plan l ON l.id = p.plan_id";

	private static Session session(ResultSet rs) throws SQLException {
		return new Session(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
				rs.getInt(7), rs.getDate(8).toLocalDate(), rs.getString(9), rs.getString(10), rs.getString(11), rs.getBigDecimal(12));
	}

	/** Schedules a session in the plan's year in one of its programme's formats: the brand's, or the district's for its own trainings. */
	public Session addSession(String courseId, SessionInput input) {
		Input.body(input);
		record Where(String programmeKind, String districtId, String streetId, int year, List<String> formats) {
		}
		Where where = store.read(c -> Sql.one(c, "SELECT p.kind, l.district_id, p.street_id, l.plan_year, l.course_formats"
				+ " FROM training_course k JOIN training_programme p ON p.id = k.programme_id JOIN training_plan l ON l.id = p.plan_id"
				+ " WHERE k.id = ?", rs -> new Where(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
						storedFormats(rs.getString(5))), courseId))
				.orElseThrow(() -> ProblemException.notFound("培训课程", "training course", courseId));
		if (input.date() == null || input.date().getYear() != where.year()) {
			throw ProblemException.invalid("date", "日期应在培训计划所属的 " + where.year() + " 年内",
					"date must be a day of the plan's year " + where.year());
		}
		String place = Input.text("place", input.place(), 200, true);
		String teacher = Input.text("teacher", input.teacher(), 100, true);
		String format = Input.text("format", input.format(), 50, true);
		BigDecimal hours = Input.hours("hours", input.hours(), MAX_SESSION_HOURS);
		if (hours.signum() == 0) {
			throw ProblemException.invalid("hours", "学时应大于 0", "hours must be more than 0");
		}
		if (BRAND.equals(where.programmeKind())) {
			List<String> formats = policies.apply(TrainingBrand.class, new Scope(where.districtId(), where.streetId()), null,
					(brand, parameters) -> brand.courseFormats()).value();
			if (formats == null || !formats.contains(format)) {
				throw ProblemException.invalid("format", "该街道培训品牌提供的培训形式为："
						+ (formats == null ? "无" : String.join("、", formats)), "the street's brand offers the formats " + formats);
			}
		} else if (!where.formats().contains(format)) {
			throw ProblemException.invalid("format", "培训形式应为本区所定之一：" + String.join("、", where.formats()),
					"format is one of the district's training formats " + where.formats());
		}
		String id = UUID.randomUUID().toString();
		store.write(c -> Sql.update(c, "INSERT INTO training_session (id, course_id, session_date, place, teacher, course_format,"
				+ " session_hours) VALUES (?, ?, ?, ?, ?, ?, ?)", null, null, id, courseId, input.date(), place, teacher, format, hours));
		return session(id);
	}

	public Session session(String id) {
		return store.read(c -> Sql.one(c, SESSION + " WHERE s.id = ?", Training::session, id))
				.orElseThrow(() -> ProblemException.notFound("培训场次", "training session", id));
	}

	/** A course's sessions; an unknown course is a 404, not an empty list. */
	public List<Session> sessions(String courseId) {
		return store.read(c -> {
			requireCourse(c, courseId);
			return Sql.query(c, SESSION + " WHERE s.course_id = ? ORDER BY s.session_date, s.id", Training::session, courseId);
		});
	}

	private static void requireCourse(Connection c, String courseId) throws SQLException {
		if (Sql.one(c, "SELECT id FROM training_course WHERE id = ?", rs -> rs.getString(1), courseId).isEmpty()) {
			throw ProblemException.notFound("培训课程", "training course", courseId);
		}
	}

	// ---- session reports -----------------------------------------------------------------------

	/** Fields of a district training's session report; a brand session's come from the street's brand. */
	static final List<ReportField> DISTRICT_REPORT = List.of(new ReportField("topic", "课程主题", "Topic", true),
			new ReportField("summary", "培训小结", "Summary", false));

	/** A session report: the fields as the brand defines them now, the values given, and the brand that defined them. */
	public record SessionReport(String sessionId, List<ReportField> fields, @Nullable Map<String, String> values, @Nullable Provenance provenance) {
	}

	public record SessionReportInput(Map<String, String> fields) {
	}

	public SessionReport sessionReport(String sessionId) {
		Session s = session(sessionId);
		Result<List<ReportField>> fields = reportFields(s);
		return new SessionReport(sessionId, fields.value(), store.read(c -> reported(c, sessionId)), fields.provenance());
	}

	/**
	 * A session report's stored values: its version (ETag) is theirs, since its fields and their
	 * provenance are the brand's answer of the moment, not something a write changes.
	 */
	private static Map<String, String> reported(java.sql.Connection c, String sessionId) throws SQLException {
		return Reports.read(Sql.one(c, "SELECT report_json FROM training_session WHERE id = ?", rs -> rs.getString(1), sessionId).orElse(null));
	}

	/** Reports on a session that has taken place, with every field its brand requires. */
	public SessionReport report(String sessionId, SessionReportInput input, String ifMatch) {
		Input.body(input);
		Session s = session(sessionId);
		if (s.date().isAfter(LocalDate.now())) {
			throw ProblemException.invalid("sessionId", "该场培训于 " + s.date() + " 举行，举行后方可填报",
					"the session takes place on " + s.date() + "; it is reported after it");
		}
		Result<List<ReportField>> fields = reportFields(s);
		Map<String, String> values = Reports.check(fields.value(), input.fields());
		store.write(c -> {
			Sql.update(c, "UPDATE training_session SET report_json = report_json WHERE id = ?", null, null, sessionId);
			Preconditions.check(ifMatch, reported(c, sessionId));
			return Sql.update(c, "UPDATE training_session SET report_json = ? WHERE id = ?", null, null, Reports.json(values), sessionId);
		});
		return new SessionReport(sessionId, fields.value(), values, fields.provenance());
	}

	private Result<List<ReportField>> reportFields(Session s) {
		if (!BRAND.equals(s.programmeKind())) {
			return new Result<>(DISTRICT_REPORT, null);
		}
		Result<List<ReportField>> r = policies.apply(TrainingBrand.class, new Scope(s.districtId(), s.streetId()), null,
				(brand, parameters) -> brand.reportFields());
		if (r.value() == null) {
			throw new PolicyFailureException(r.provenance(), "未答复报告字段", "answered no report fields");
		}
		return r;
	}

	// ---- enrolment -----------------------------------------------------------------------------

	/** Enrols people of the district in a course; each new enrolment is in the person's archive. */
	public Enrolment enrol(String courseId, List<String> personIds, String actor) {
		if (personIds == null || personIds.isEmpty()) {
			throw ProblemException.invalid("personIds", "请选择报名人员", "personIds is required");
		}
		String districtId = store.read(c -> Sql.one(c, "SELECT l.district_id FROM training_course k JOIN training_programme p"
				+ " ON p.id = k.programme_id JOIN training_plan l ON l.id = p.plan_id WHERE k.id = ?", rs -> rs.getString(1), courseId))
				.orElseThrow(() -> ProblemException.notFound("培训课程", "training course", courseId));
		Set<String> ids = new java.util.LinkedHashSet<>();
		for (int i = 0; i < personIds.size(); i++) {
			ids.add(directory.person("personIds[" + i + "]", personIds.get(i), districtId).id());
		}
		store.write(c -> {
			for (String person : ids) {
				if (Sql.count(c, "SELECT COUNT(*) FROM training_enrolment WHERE course_id = ? AND person_id = ?", courseId, person) == 0) {
					Sql.update(c, "INSERT INTO training_enrolment (course_id, person_id, enrolled_at) VALUES (?, ?, ?)", null, null, courseId,
							person, Sql.now());
					archive.append(c, person, actor, "training.enrolment", "training-course:" + courseId, null,
							Map.of("courseId", courseId));
				}
			}
			return null;
		});
		return enrolment(courseId);
	}

	public Enrolment enrolment(String courseId) {
		return store.read(c -> {
			requireCourse(c, courseId);
			return new Enrolment(courseId, Sql.query(c,
					"SELECT person_id FROM training_enrolment WHERE course_id = ? ORDER BY enrolled_at, person_id", rs -> rs.getString(1),
					courseId));
		});
	}

	// ---- attendance ----------------------------------------------------------------------------

	/** Records one attendance by hand; any fault is a 400 naming its field, and nothing is stored. */
	public AttendanceRecord attend(String sessionId, AttendanceInput input, String actor) {
		Input.body(input);
		Checked checked = check(sessionId, List.of(input));
		if (!checked.problems().isEmpty()) {
			throw checked.problems().get(0);
		}
		write(checked, actor);
		return checked.records().get(0);
	}

	/**
	 * Imports attendance from CSV (or, by {@link #importRows}, any table) with the header {@code personId,hours}: every row is checked
	 * (person enrolled, hours the brand accepts) and nothing is written unless all are valid. Blank
	 * lines are skipped. {@code mayRecord} is given each person once before anything else is checked
	 * and throws to refuse the whole import (a person outside the caller's street).
	 */
	public ImportReport importCsv(String sessionId, String csv, String actor, Consumer<String> mayRecord) {
		return importRows(sessionId, Csv.parse(csv == null ? "" : csv), actor, mayRecord);
	}

	/** The columns of an attendance import, headed by their keys or by their Chinese labels. */
	static final List<Column> ATTENDANCE = List.of(Column.of("personId", "人员ID"), Column.of("hours", "学时"));

	/** {@link #importCsv} of a table's rows (CSV or xlsx), header first. */
	public ImportReport importRows(String sessionId, List<List<String>> table, String actor, Consumer<String> mayRecord) {
		List<List<String>> rows = Column.keyed(table, ATTENDANCE);
		if (rows.isEmpty() || !rows.get(0).stream().map(String::strip).toList().equals(List.of("personId", "hours"))) {
			throw ProblemException.invalid(null, "表格第一行应为表头 personId,hours（或 人员ID,学时）",
					"the table's first row must be the header personId,hours");
		}
		List<AttendanceInput> inputs = new ArrayList<>();
		// the CSV row of each input, counted from 1 with the header
		List<Integer> rowOf = new ArrayList<>();
		java.util.Set<String> persons = new java.util.LinkedHashSet<>();
		List<RowError> parseErrors = new ArrayList<>();
		for (int r = 1; r < rows.size(); r++) {
			List<String> row = rows.get(r);
			if (row.stream().allMatch(String::isBlank)) {
				continue;
			}
			rowOf.add(r + 1);
			if (row.size() != 2) {
				parseErrors.add(new RowError(r + 1, null, "每行应为 2 列，此行为 " + row.size() + " 列"));
				inputs.add(null);
				continue;
			}
			BigDecimal hours = null;
			try {
				hours = new BigDecimal(row.get(1).strip());
			} catch (NumberFormatException e) {
				parseErrors.add(new RowError(r + 1, "hours", "学时应为数字，而不是 " + row.get(1)));
			}
			if (!row.get(0).isBlank()) {
				persons.add(row.get(0).strip());
			}
			inputs.add(new AttendanceInput(row.get(0), hours));
		}
		persons.forEach(mayRecord);
		if (inputs.isEmpty()) {
			throw ProblemException.invalid(null, "表格表头之后没有数据行", "the table has no rows after the header");
		}
		Checked checked = check(sessionId, inputs);
		List<RowError> errors = new ArrayList<>(parseErrors);
		for (RowError e : checked.errors()) {
			// the checker counts inputs from 0
			int row = rowOf.get(e.row());
			if (parseErrors.stream().noneMatch(p -> p.row() == row)) {
				errors.add(new RowError(row, e.field(), e.error()));
			}
		}
		errors.sort(java.util.Comparator.comparingInt(RowError::row));
		if (!errors.isEmpty()) {
			return new ImportReport(inputs.size(), false, 0, errors);
		}
		write(checked, actor);
		return new ImportReport(inputs.size(), true, checked.records().size(), List.of());
	}

	/** Attendance rows checked and credited, or the faults found (row counted from 0) and the refusals they are from. */
	private record Checked(Session session, List<AttendanceRecord> records, List<RowError> errors, List<ProblemException> problems) {
	}

	/** Checks every row and computes its credit before anything is written, so a plugin call never holds a transaction. */
	private Checked check(String sessionId, List<AttendanceInput> inputs) {
		Session session = session(sessionId);
		if (session.date().isAfter(LocalDate.now())) {
			throw ProblemException.invalid("sessionId", "该场培训于 " + session.date() + " 举行，举行后方可登记出勤",
					"the session takes place on " + session.date() + "; attendance is recorded after it");
		}
		Set<String> enrolled = new HashSet<>(enrolment(session.courseId()).personIds());
		Set<String> recorded = new HashSet<>(store.read(c -> Sql.query(c,
				"SELECT person_id FROM training_attendance WHERE session_id = ?", rs -> rs.getString(1), sessionId)));
		List<AttendanceRecord> records = new ArrayList<>();
		List<RowError> errors = new ArrayList<>();
		List<ProblemException> problems = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < inputs.size(); i++) {
			AttendanceInput in = inputs.get(i);
			if (in == null || in.hours() == null) {
				continue;
			}
			try {
				String person = Input.required("personId", in.personId());
				if (!enrolled.contains(person)) {
					throw ProblemException.invalid("personId", "人员 " + person + " 未报名该场培训的课程",
							"person '" + person + "' is not enrolled in the session's course");
				}
				if (recorded.contains(person) || !seen.add(person)) {
					throw ProblemException.invalid("personId", "人员 " + person + " 的出勤已登记", "the attendance of '" + person + "' is recorded already");
				}
				BigDecimal hours = Input.hours("hours", in.hours(), session.hours());
				Result<BigDecimal> credit = credit(session, person, hours);
				records.add(new AttendanceRecord(sessionId, person, hours, credit.value(), credit.provenance(), null));
			} catch (ProblemException e) {
				errors.add(new RowError(i, e.field(), e.detail()));
				problems.add(e);
			}
		}
		return new Checked(session, records, errors, problems);
	}

	/**
	 * The credit of one attendance: by the brand bound for the session's street for a brand
	 * session (its rule may reject the hours: a 400 on {@code hours}), one to one otherwise.
	 */
	private Result<BigDecimal> credit(Session session, String personId, BigDecimal hours) {
		if (!BRAND.equals(session.programmeKind())) {
			return new Result<>(hours, null);
		}
		Result<BigDecimal> r;
		try {
			r = policies.apply(TrainingBrand.class, new Scope(session.districtId(), session.streetId()), null,
					(brand, parameters) -> brand.credit(new Attendance(personId, session.format(), session.hours(), hours)));
		} catch (PolicyFailureException e) {
			if (e.getCause() instanceof IllegalArgumentException rejected) {
				throw ProblemException.invalid("hours", "培训品牌 " + e.provenance().policyId() + " 不认可该学时：" + rejected.getMessage(),
						"the brand " + e.provenance().policyId() + " rejects these hours: " + rejected.getMessage());
			}
			throw e;
		}
		if (r.value() == null || r.value().signum() < 0 || r.value().compareTo(MAX_SESSION_HOURS) > 0) {
			throw new PolicyFailureException(r.provenance(), "答复的学时为 " + r.value() + "，不在 0–24 之间",
					"answered a credit of " + r.value() + ", outside 0–24");
		}
		return r;
	}

	private void write(Checked checked, String actor) {
		store.write(c -> {
			for (AttendanceRecord a : checked.records()) {
				Provenance p = a.provenance();
				Sql.update(c, "INSERT INTO training_attendance (session_id, person_id, attended_hours, credit, prov_bundle, prov_version,"
						+ " prov_policy, prov_revision, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", null,
						"人员 " + a.personId() + " 的出勤已登记", a.sessionId(), a.personId(), a.hours(), a.credit(),
						p == null ? null : p.bundle(), p == null ? null : p.version(), p == null ? null : p.policyId(),
						p == null ? null : p.bindingRevision(), actor, Sql.now());
				Map<String, Object> after = new LinkedHashMap<>();
				after.put("sessionId", a.sessionId());
				after.put("date", checked.session().date().toString());
				after.put("hours", a.hours());
				after.put("credit", a.credit());
				if (p != null) {
					after.put("provenance", p.toString());
				}
				archive.append(c, a.personId(), actor, ATTENDED, "training-session:" + a.sessionId(), null, after);
			}
			return null;
		});
	}

	public List<AttendanceRecord> attendance(String sessionId) {
		session(sessionId);
		return store.read(c -> Sql.query(c, "SELECT * FROM training_attendance WHERE session_id = ? ORDER BY recorded_at, person_id",
				rs -> new AttendanceRecord(rs.getString("session_id"), rs.getString("person_id"), rs.getBigDecimal("attended_hours"),
						rs.getBigDecimal("credit"), Columns.provenance(rs), rs.getString("recorded_by")),
				sessionId));
	}

	// ---- credits -------------------------------------------------------------------------------

	/** Every serving secretary's credit in the district's plan year, against the plan's required hours. */
	public List<Credits.Credit> credits(String districtId, int year) {
		directory.district("district", districtId);
		Plan plan = plan(districtId, year).orElseThrow(() -> ProblemException.notFound("培训计划", "training plan", districtId + "/" + year));
		Map<String, BigDecimal> byPerson = new HashMap<>();
		store.read(c -> Sql.query(c, "SELECT a.person_id, SUM(a.credit) FROM training_attendance a"
				+ " JOIN training_session s ON s.id = a.session_id JOIN training_course k ON k.id = s.course_id"
				+ " JOIN training_programme p ON p.id = k.programme_id WHERE p.plan_id = ? GROUP BY a.person_id",
				rs -> byPerson.put(rs.getString(1), rs.getBigDecimal(2)), plan.id()));
		return Credits.of(directory.secretaries(districtId), byPerson, plan.requiredHours());
	}

	/** One serving secretary's credit in the district's plan year; someone who is not one is a 404, like an unknown id. */
	public Credits.Credit credit(String districtId, int year, String personId) {
		return credits(districtId, year).stream().filter(c -> c.personId().equals(personId)).findFirst()
				.orElseThrow(() -> ProblemException.notFound("在任社区书记", "serving secretary", personId));
	}

	/**
	 * Brand activity of a plan: per programme, whether it is a street's brand (the district's
	 * 头雁领航 and 精治社工 are not), sessions held, attendances, credit granted and the brand
	 * versions that computed it.
	 */
	public record ProgrammeActivity(String programmeId, String kind, boolean streetBrand, @Nullable String streetId, String name,
			long sessions, long attendances, BigDecimal credit, List<String> computedBy) {
	}

	public List<ProgrammeActivity> activity(String planId) {
		Plan plan = plan(planId);
		return store.read(c -> {
			List<ProgrammeActivity> out = new ArrayList<>();
			for (Programme p : plan.programmes()) {
				long sessions = Sql.count(c, "SELECT COUNT(*) FROM training_session s JOIN training_course k ON k.id = s.course_id"
						+ " WHERE k.programme_id = ?", p.id());
				record Sum(long n, BigDecimal credit) {
				}
				Sum sum = Sql.one(c, "SELECT COUNT(*), COALESCE(SUM(a.credit), 0) FROM training_attendance a JOIN training_session s"
						+ " ON s.id = a.session_id JOIN training_course k ON k.id = s.course_id WHERE k.programme_id = ?",
						rs -> new Sum(rs.getLong(1), rs.getBigDecimal(2)), p.id()).orElseThrow();
				List<String> by = Sql.query(c, "SELECT DISTINCT a.prov_policy || ' ' || a.prov_version FROM training_attendance a"
						+ " JOIN training_session s ON s.id = a.session_id JOIN training_course k ON k.id = s.course_id"
						+ " WHERE k.programme_id = ? AND a.prov_policy IS NOT NULL ORDER BY 1", rs -> rs.getString(1), p.id());
				out.add(new ProgrammeActivity(p.id(), p.kind(), BRAND.equals(p.kind()), p.streetId(), p.name(), sessions, sum.n(), sum.credit(), by));
			}
			return out;
		});
	}
}
