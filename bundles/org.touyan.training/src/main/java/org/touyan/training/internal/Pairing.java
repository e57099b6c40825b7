package org.touyan.training.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.touyan.api.exchange.PairingProgramme;
import org.touyan.api.exchange.PairingProgramme.CooperationContent;
import org.touyan.api.exchange.PairingProgramme.DispatchCandidate;
import org.touyan.api.exchange.PairingProgramme.DispatchVerdict;
import org.touyan.api.exchange.PairingProgramme.Partner;
import org.touyan.api.exchange.PairingProgramme.ProjectAssessment;
import org.touyan.api.exchange.PairingProgramme.TransferProject;
import org.touyan.api.policy.Policies;
import org.touyan.api.policy.Policies.Result;
import org.touyan.api.policy.Policies.Scope;
import org.touyan.api.policy.PolicyFailureException;
import org.touyan.api.policy.Provenance;
import org.touyan.api.registry.Archive;
import org.touyan.api.registry.Person;
import org.touyan.api.rest.Nullable;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.Preconditions;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.store.Sql;
import org.touyan.api.store.Store;
import org.touyan.api.training.ReportField;

/**
 * Cross-city pairing (结对共建) through the programme bound for the district: dispatches of
 * secretaries (the programme decides who may go and what a dispatch reports) and
 * experience-transfer projects (经验转化项目) graded by the programme. Every record keeps the
 * provenance of the programme version that decided, so a swap of the plugin loses nothing.
 */
@Component(service = Pairing.class)
public class Pairing {

	/** Statuses of a transfer project. */
	static final List<String> STATUSES = List.of("PLANNED", "IN_PROGRESS", "COMPLETED", "SUSPENDED");

	public record Programme(Partner partner, List<CooperationContent> contents, List<ReportField> dispatchReportFields,
			Provenance provenance) {
	}

	public record DispatchInput(String districtId, String personId, String contentCode, LocalDate startDate, @Nullable LocalDate endDate) {
	}

	public record Dispatch(String id, String districtId, String personId, String contentCode, LocalDate startDate,
			@Nullable LocalDate endDate, @Nullable Map<String, String> report, Provenance provenance) {
	}

	public record DispatchReport(Map<String, String> fields) {
	}

	public record ProjectInput(String districtId, String title, String ownerId, @Nullable String communityId, @Nullable Integer milestones) {
	}

	public record ProgressInput(@Nullable Integer milestonesDone, @Nullable String status, @Nullable String outcome) {
	}

	public record Project(String id, String districtId, String title, String ownerId, @Nullable String communityId, int milestones,
			int milestonesDone, String status, @Nullable String outcome, @Nullable String grade, @Nullable String assessment, @Nullable Provenance provenance) {
	}

	private final Store store;
	private final Policies policies;
	private final Directory directory;
	private final Archive archive;

	@Activate
	public Pairing(@Reference(target = "(touyan.schema=training)") Store store, @Reference Policies policies,
			@Reference Directory directory, @Reference Archive archive) {
		this.store = store;
		this.policies = policies;
		this.directory = directory;
		this.archive = archive;
	}

	/** The programme bound for the district: partner, cooperation contents and dispatch report fields. */
	public Programme programme(String districtId) {
		String d = directory.district("district", districtId).id();
		Result<Programme> r = policies.apply(PairingProgramme.class, new Scope(d, null), null,
				(p, parameters) -> new Programme(p.partner(), p.contents(), p.dispatchReportFields(), null));
		return new Programme(r.value().partner(), r.value().contents(), r.value().dispatchReportFields(), r.provenance());
	}

	// ---- dispatches ----------------------------------------------------------------------------

	/** Whether two date ranges (both ends included) share a day. */
	static boolean overlaps(LocalDate aStart, LocalDate aEnd, LocalDate bStart, LocalDate bEnd) {
		return !aStart.isAfter(bEnd) && !bStart.isAfter(aEnd);
	}

	/** Dispatches a secretary when the programme allows it (422 with its reasons otherwise); overlapping dispatches are a 409. */
	public Dispatch dispatch(DispatchInput input, String actor) {
		Input.body(input);
		String districtId = directory.district("districtId", input.districtId()).id();
		Person person = directory.person("personId", input.personId(), districtId);
		String content = Input.required("contentCode", input.contentCode());
		if (input.startDate() == null) {
			throw ProblemException.invalid("startDate", "请填写选派开始日期", "startDate is required");
		}
		if (input.endDate() == null || input.endDate().isBefore(input.startDate())) {
			throw ProblemException.invalid("endDate", "请填写选派结束日期，且不早于开始日期", "endDate is required and not before startDate");
		}
		int age = person.birthDate() == null ? 0 : Period.between(person.birthDate(), input.startDate()).getYears();
		DispatchCandidate candidate = new DispatchCandidate(person.id(), age,
				directory.yearsAsSecretary(person.id(), input.startDate()), null);
		record Decision(DispatchVerdict verdict, List<CooperationContent> contents) {
		}
		Result<Decision> r = policies.apply(PairingProgramme.class, new Scope(districtId, null), null,
				(p, parameters) -> new Decision(p.dispatchable(candidate), p.contents()));
		DispatchVerdict verdict = r.value().verdict();
		if (verdict == null) {
			throw new PolicyFailureException(r.provenance(), "未答复派出结论", "answered no dispatch verdict");
		}
		if (r.value().contents() == null || r.value().contents().stream().noneMatch(k -> k.code().equals(content))) {
			List<String> codes = r.value().contents() == null ? List.of() : r.value().contents().stream().map(CooperationContent::code).toList();
			throw ProblemException.invalid("contentCode", "合作内容应为结对项目所列之一：" + String.join("、", codes),
					"contentCode is one of the programme's contents " + codes);
		}
		if (!verdict.allowed()) {
			List<String> reasons = verdict.reasons() == null ? List.of() : verdict.reasons();
			throw new ProblemException(422, "Not dispatchable", "结对项目 " + r.provenance().policyId() + " 不同意选派："
					+ String.join("；", reasons), "the programme " + r.provenance().policyId() + " refuses: "
					+ String.join("; ", reasons), "personId");
		}
		Dispatch d = new Dispatch(UUID.randomUUID().toString(), districtId, person.id(), content, input.startDate(), input.endDate(),
				null, r.provenance());
		store.write(c -> {
			// the archive append locks the person's row first, so two dispatches of one person are decided one after the other
			archive.append(c, person.id(), actor, "pairing.dispatch", "dispatch:" + d.id(), null, d);
			List<Dispatch> others = Sql.query(c, DISPATCH + " WHERE person_id = ?", this::dispatch, person.id());
			for (Dispatch o : others) {
				if (overlaps(o.startDate(), o.endDate(), d.startDate(), d.endDate())) {
					throw new ProblemException(409, "Conflict", "该人员已于 " + o.startDate() + " 至 " + o.endDate() + " 期间选派",
							"the person is dispatched from " + o.startDate() + " to " + o.endDate() + " already", "startDate");
				}
			}
			Provenance p = d.provenance();
			return Sql.update(c, "INSERT INTO pairing_dispatch (id, district_id, person_id, content_code, start_date, end_date,"
					+ " prov_bundle, prov_version, prov_policy, prov_revision, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", null, null,
					d.id(), districtId, person.id(), content, d.startDate(), d.endDate(), p.bundle(), p.version(), p.policyId(),
					p.bindingRevision(), Sql.now());
		});
		return d;
	}

	/** The dispatch report: every field the programme requires, no field it does not know. */
	public Dispatch report(String id, DispatchReport input, String actor, String ifMatch) {
		Input.body(input);
		Dispatch before = dispatch(id);
		Map<String, String> report = Reports.check(programme(before.districtId()).dispatchReportFields(), input.fields());
		Dispatch after = new Dispatch(before.id(), before.districtId(), before.personId(), before.contentCode(), before.startDate(),
				before.endDate(), report, before.provenance());
		store.write(c -> {
			Sql.update(c, "UPDATE pairing_dispatch SET report_json = report_json WHERE id = ?", null, null, id);
			Preconditions.check(ifMatch, Sql.one(c, DISPATCH + " WHERE id = ?", this::dispatch, id).orElseThrow());
			Sql.update(c, "UPDATE pairing_dispatch SET report_json = ? WHERE id = ?", null, null, Reports.json(report), id);
			return archive.append(c, before.personId(), actor, "pairing.dispatch.report", "dispatch:" + id, before, after);
		});
		return after;
	}

	private static final String DISPATCH = "SELECT * FROM pairing_dispatch";

	private Dispatch dispatch(ResultSet rs) throws SQLException {
		return new Dispatch(rs.getString("id"), rs.getString("district_id"), rs.getString("person_id"), rs.getString("content_code"),
				Columns.date(rs, "start_date"), Columns.date(rs, "end_date"), Reports.read(rs.getString("report_json")), Columns.provenance(rs));
	}

	public Dispatch dispatch(String id) {
		return store.read(c -> Sql.one(c, DISPATCH + " WHERE id = ?", this::dispatch, id))
				.orElseThrow(() -> ProblemException.notFound("选派记录", "dispatch", id));
	}

	/** A district's dispatches, of the people of one street when {@code streetId} is not null. */
	public Page<Dispatch> dispatches(String districtId, String streetId, Paging paging) {
		return dispatches(districtId, streetId, null, null, paging);
	}

	/**
	 * A district's dispatches, of the people of one street when {@code streetId} is not null, and
	 * of those running at some day from {@code from} to {@code to} (both included; an end not given
	 * is open).
	 */
	public Page<Dispatch> dispatches(String districtId, String streetId, @Nullable LocalDate from, @Nullable LocalDate to,
			Paging paging) {
		directory.district("district", districtId);
		if (from != null && to != null && to.isBefore(from)) {
			throw ProblemException.invalid("to", "截止日期（to）不能早于起始日期（from）", "to is not before from");
		}
		List<Object> args = new ArrayList<>(List.of(districtId));
		StringBuilder where = new StringBuilder(" WHERE district_id = ?");
		if (streetId != null) {
			where.append(Sql.in("person_id", directory.members(streetId).people(), args));
		}
		if (from != null) {
			where.append(" AND end_date >= ?");
			args.add(from);
		}
		if (to != null) {
			where.append(" AND start_date <= ?");
			args.add(to);
		}
		return store.read(c -> Sql.page(c, DISPATCH + where, "start_date, id", paging, this::dispatch, args));
	}

	/** One person's dispatches, newest first: what a secretary reads of their own. */
	public Page<Dispatch> dispatchesOf(String personId, Paging paging) {
		return store.read(c -> Sql.page(c, DISPATCH + " WHERE person_id = ?", "start_date DESC, id", paging, this::dispatch,
				List.of(personId)));
	}

	/** A year's dispatch figures: started in the year, running at some day of it, and started by its end (cumulative). */
	public record DispatchFigures(long startedInYear, long runningInYear, long cumulative) {
	}

	public DispatchFigures dispatchFigures(String districtId, int year) {
		LocalDate first = LocalDate.of(year, 1, 1);
		LocalDate last = LocalDate.of(year, 12, 31);
		String count = "SELECT COUNT(*) FROM pairing_dispatch WHERE district_id = ? AND start_date <= ?";
		return store.read(c -> new DispatchFigures(Sql.count(c, count + " AND start_date >= ?", districtId, last, first),
				Sql.count(c, count + " AND end_date >= ?", districtId, last, first), Sql.count(c, count, districtId, last)));
	}

	// ---- experience-transfer projects ----------------------------------------------------------

	public Project createProject(ProjectInput input, String actor) {
		Input.body(input);
		String districtId = directory.district("districtId", input.districtId()).id();
		String title = Input.text("title", input.title(), 200, true);
		String owner = directory.person("ownerId", input.ownerId(), districtId).id();
		String community = input.communityId() == null ? null : directory.community("communityId", input.communityId(), districtId).id();
		if (input.milestones() == null || input.milestones() < 1 || input.milestones() > 50) {
			throw ProblemException.invalid("milestones", "里程碑数应为 1 至 50", "milestones is the number of milestones, 1 to 50");
		}
		Project p = new Project(UUID.randomUUID().toString(), districtId, title, owner, community, input.milestones(), 0, "PLANNED",
				null, null, null, null);
		store.write(c -> {
			Sql.update(c, "INSERT INTO transfer_project (id, district_id, title, owner_id, community_id, milestones, milestones_done,"
					+ " status, created_at) VALUES (?, ?, ?, ?, ?, ?, 0, 'PLANNED', ?)", null, null, p.id(), districtId, title, owner, community,
					p.milestones(), Sql.now());
			return archive.append(c, owner, actor, "pairing.project", "transfer-project:" + p.id(), null, p);
		});
		return p;
	}

	/** Records progress: milestones done, status and outcome; a completed project has all milestones done and an outcome. */
	public Project progress(String id, ProgressInput input, String actor, String ifMatch) {
		Input.body(input);
		Project before = project(id);
		int done = input.milestonesDone() == null ? before.milestonesDone() : input.milestonesDone();
		if (done < 0 || done > before.milestones()) {
			throw ProblemException.invalid("milestonesDone", "已完成的里程碑数应在 0 至 " + before.milestones() + " 之间",
					"milestonesDone is between 0 and " + before.milestones());
		}
		String status = input.status() == null ? before.status() : input.status().strip();
		if (!STATUSES.contains(status)) {
			throw ProblemException.invalid("status", "status 应为以下之一：" + String.join("、", STATUSES), "status is one of " + STATUSES);
		}
		String outcome = input.outcome() == null ? before.outcome() : Input.text("outcome", input.outcome(), 2000, false);
		if ("COMPLETED".equals(status) && (done < before.milestones() || outcome == null)) {
			throw ProblemException.invalid("status", "项目完成（COMPLETED）须完成全部里程碑并填写成果",
					"a completed project has every milestone done and its outcome recorded");
		}
		Project after = new Project(id, before.districtId(), before.title(), before.ownerId(), before.communityId(), before.milestones(),
				done, status, outcome, before.grade(), before.assessment(), before.provenance());
		store.write(c -> {
			lockProject(c, id, ifMatch);
			Sql.update(c, "UPDATE transfer_project SET milestones_done = ?, status = ?, outcome = ? WHERE id = ?", null, null, done, status,
					outcome, id);
			return archive.append(c, before.ownerId(), actor, "pairing.project.progress", "transfer-project:" + id, before, after);
		});
		return after;
	}

	/** Grades a project with the district's programme and stores the grade with the programme's provenance. */
	public Project assess(String id, String actor, String ifMatch) {
		Project before = project(id);
		Result<ProjectAssessment> r = policies.apply(PairingProgramme.class, new Scope(before.districtId(), null), null,
				(p, parameters) -> p.assess(new TransferProject(id, before.title(), before.milestones(), before.milestonesDone(),
						before.outcome() != null)));
		ProjectAssessment a = r.value();
		if (a == null || a.grade() == null || a.grade().isBlank() || a.grade().length() > 20) {
			throw new PolicyFailureException(r.provenance(), "未答复可用的评定等次", "answered no usable grade");
		}
		String explanation = a.explanation() == null ? null : a.explanation().length() > 500 ? a.explanation().substring(0, 500) : a.explanation();
		Provenance p = r.provenance();
		Project after = new Project(id, before.districtId(), before.title(), before.ownerId(), before.communityId(), before.milestones(),
				before.milestonesDone(), before.status(), before.outcome(), a.grade(), explanation, p);
		store.write(c -> {
			lockProject(c, id, ifMatch);
			Sql.update(c, "UPDATE transfer_project SET grade = ?, assessment = ?, prov_bundle = ?, prov_version = ?, prov_policy = ?,"
					+ " prov_revision = ? WHERE id = ?", null, null, a.grade(), explanation, p.bundle(), p.version(), p.policyId(),
					p.bindingRevision(), id);
			return archive.append(c, before.ownerId(), actor, "pairing.project.assessment", "transfer-project:" + id, before, after);
		});
		return after;
	}

	private static Project project(ResultSet rs) throws SQLException {
		return new Project(rs.getString("id"), rs.getString("district_id"), rs.getString("title"), rs.getString("owner_id"),
				rs.getString("community_id"), rs.getInt("milestones"), rs.getInt("milestones_done"), rs.getString("status"),
				rs.getString("outcome"), rs.getString("grade"), rs.getString("assessment"), Columns.provenance(rs));
	}

	/**
	 * Takes the project's row lock and compares the project as stored now with the version the
	 * caller read: what the change was computed from is then still what is stored.
	 */
	private static void lockProject(java.sql.Connection c, String id, String ifMatch) throws SQLException {
		Sql.update(c, "UPDATE transfer_project SET status = status WHERE id = ?", null, null, id);
		Preconditions.check(ifMatch, Sql.one(c, "SELECT * FROM transfer_project WHERE id = ?", Pairing::project, id).orElseThrow());
	}

	public Project project(String id) {
		return store.read(c -> Sql.one(c, "SELECT * FROM transfer_project WHERE id = ?", Pairing::project, id))
				.orElseThrow(() -> ProblemException.notFound("经验转化项目", "transfer project", id));
	}

	/**
	 * A district's projects, of one status when given, and of one street when {@code streetId} is
	 * not null: those in its communities, and those without a community whose owner works there.
	 */
	public Page<Project> projects(String districtId, String streetId, String status, Paging paging) {
		directory.district("district", districtId);
		if (status != null && !STATUSES.contains(status)) {
			throw ProblemException.invalid("status", "status 应为以下之一：" + String.join("、", STATUSES), "status is one of " + STATUSES);
		}
		StringBuilder where = new StringBuilder(" WHERE district_id = ?");
		List<Object> args = new ArrayList<>(List.of(districtId));
		if (status != null) {
			where.append(" AND status = ?");
			args.add(status);
		}
		if (streetId != null) {
			Directory.StreetMembers members = directory.members(streetId);
			List<Object> inCommunity = new ArrayList<>();
			List<Object> byOwner = new ArrayList<>();
			where.append(" AND ((community_id IS NOT NULL").append(Sql.in("community_id", members.communities(), inCommunity))
					.append(") OR (community_id IS NULL").append(Sql.in("owner_id", members.people(), byOwner)).append("))");
			args.addAll(inCommunity);
			args.addAll(byOwner);
		}
		return store.read(c -> Sql.page(c, "SELECT * FROM transfer_project" + where, "created_at, id", paging, Pairing::project, args));
	}

	/** The projects one person owns, newest first: what a secretary reads of their own. */
	public Page<Project> projectsOf(String personId, Paging paging) {
		return store.read(c -> Sql.page(c, "SELECT * FROM transfer_project WHERE owner_id = ?", "created_at DESC, id", paging,
				Pairing::project, List.of(personId)));
	}

	/** Projects by status, and in all. */
	public Map<String, Long> projectsByStatus(String districtId) {
		Map<String, Long> counts = new LinkedHashMap<>();
		store.read(c -> {
			for (String s : STATUSES) {
				counts.put(s, Sql.count(c, "SELECT COUNT(*) FROM transfer_project WHERE district_id = ? AND status = ?", districtId, s));
			}
			return null;
		});
		counts.put("total", counts.values().stream().mapToLong(Long::longValue).sum());
		return counts;
	}
}
