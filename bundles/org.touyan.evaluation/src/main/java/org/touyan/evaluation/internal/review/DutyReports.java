package org.touyan.evaluation.internal.review;

import org.touyan.evaluation.internal.cycle.Cycle;
import org.touyan.evaluation.internal.cycle.CycleStatus;
import org.touyan.evaluation.internal.cycle.Cycles;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.touyan.api.registry.Archive;
import org.touyan.api.registry.Community;
import org.touyan.api.registry.OrgUnits;
import org.touyan.api.registry.People;
import org.touyan.api.registry.Post;
import org.touyan.api.registry.PostKind;
import org.touyan.api.rest.Fields;
import org.touyan.api.rest.Nullable;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.store.Sql;
import org.touyan.api.store.Store;

/**
 * The half-year report (提级述职) of a community's secretary to the governance committee: what was
 * done before it — site visits (实地走访), individual interviews (个别谈话) and document review (查阅资料)
 * — and the on-the-spot scores (一述一评) of the Organization Department, 民政局 and the secretary's
 * street. Once all three have scored, their mean is the result, attached to the secretary for the
 * cycle. The report, each score and the result land in the archive in the same transaction.
 */
@Component(service = DutyReports.class)
public class DutyReports {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	/** Who scores on the spot. */
	enum Rater {
		ORGANIZATION("区委组织部"), CIVIL_AFFAIRS("区民政局"), STREET("所属街道");

		final String displayName;

		Rater(String displayName) {
			this.displayName = displayName;
		}
	}

	public record ReportInput(String communityId, @Nullable LocalDate reportedOn, String summary, @Nullable String siteVisits, @Nullable String interviews,
			@Nullable String documents) {
	}

	public record ScoreInput(String rater, BigDecimal score, @Nullable String comment) {
	}

	public record RaterScore(String rater, String raterName, BigDecimal score, @Nullable String comment, String actor) {
	}

	/** A report with the scores so far; {@code result} once all three raters have scored. */
	public record DutyReport(String cycleId, String communityId, String personId, LocalDate reportedOn, String summary,
			@Nullable String siteVisits, @Nullable String interviews, @Nullable String documents, List<RaterScore> scores, @Nullable BigDecimal result, String actor) {
	}

	private final Store store;
	private final Cycles cycles;
	private final OrgUnits units;
	private final People people;
	private final Archive archive;

	@Activate
	public DutyReports(@Reference(target = "(touyan.schema=evaluation)") Store store, @Reference Cycles cycles,
			@Reference OrgUnits units, @Reference People people, @Reference Archive archive) {
		this.store = store;
		this.cycles = cycles;
		this.units = units;
		this.people = people;
		this.archive = archive;
	}

	/** Records the report of a community's current secretary while the cycle is open or its scoring closed; once per cycle. */
	public DutyReport report(String cycleId, ReportInput input, String actor) {
		Cycle cycle = requireReporting(cycleId);
		if (input == null) {
			throw ProblemException.invalid(null, "请求须带 JSON 正文：communityId、reportedOn、summary、siteVisits、interviews、documents",
					"A JSON body is required: communityId, reportedOn, summary, siteVisits, interviews, documents");
		}
		Community community = community(cycle, input.communityId());
		if (input.reportedOn() == null) {
			throw Fields.missing("reportedOn");
		}
		if (input.reportedOn().isAfter(LocalDate.now())) {
			throw ProblemException.invalid("reportedOn", "述职日期不能晚于今天", "reportedOn is in the future");
		}
		String summary = Fields.paragraph("summary", input.summary(), 4000, true);
		// 述职前通过实地走访、个别谈话、查阅资料: a report without its preparation is not one
		String visits = Fields.paragraph("siteVisits", input.siteVisits(), 2000, true);
		String interviews = Fields.paragraph("interviews", input.interviews(), 2000, true);
		String documents = Fields.paragraph("documents", input.documents(), 2000, true);
		String person = people.posts(community.id(), null, PostKind.COMMUNITY_SECRETARY, true, Paging.of(0, 1)).items().stream()
				.map(Post::personId).findFirst()
				.orElseThrow(() -> new ProblemException(409, "Conflict", community.name() + " 目前没有在任书记，无人述职",
						community.name() + " has no current secretary to report", null));
		DutyReport report = new DutyReport(cycleId, community.id(), person, input.reportedOn(), summary, visits, interviews, documents,
				List.of(), null, actor);
		store.write(c -> {
			requireReporting(c, cycleId);
			Sql.insert(c, "INSERT INTO eval_duty_report (cycle_id, community_id, person_id, reported_on, summary, site_visits, interviews,"
					+ " documents, actor, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
					new Sql.Conflict(community.name() + " 书记本周期已述职",
							"the secretary of " + community.name() + " has reported in this cycle already"), cycleId, community.id(), person,
					Date.valueOf(input.reportedOn()), summary, visits, interviews, documents, actor, Sql.now());
			archive.append(c, person, actor, "duty-report.recorded", "evaluation-cycle/" + cycleId + "/duty-report", null, report);
			return null;
		});
		return report;
	}

	/** Records one rater's on-the-spot score of a report; the third score makes the result. */
	public DutyReport score(String cycleId, String communityId, ScoreInput input, String actor) {
		requireReporting(cycleId);
		if (input == null) {
			throw ProblemException.invalid(null, "请求须带 JSON 正文：rater、score", "A JSON body is required: rater, score");
		}
		Rater rater;
		try {
			rater = Rater.valueOf(input.rater() == null ? "" : input.rater().strip().toUpperCase(Locale.ROOT));
		} catch (IllegalArgumentException e) {
			throw ProblemException.invalid("rater", "评议方为区委组织部（ORGANIZATION）、区民政局（CIVIL_AFFAIRS）或所属街道（STREET）",
					"rater is ORGANIZATION (区委组织部), CIVIL_AFFAIRS (区民政局) or STREET (所属街道)");
		}
		if (input.score() == null || input.score().signum() < 0 || input.score().compareTo(HUNDRED) > 0
				|| input.score().stripTrailingZeros().scale() > 2) {
			throw ProblemException.invalid("score", "分数为 0 至 100，最多两位小数", "score is from 0 to 100 with at most two decimals");
		}
		String comment = Fields.paragraph("comment", input.comment(), 2000, false);
		return store.write(c -> {
			requireReporting(c, cycleId);
			DutyReport before = find(c, cycleId, communityId).orElseThrow(() -> new ProblemException(409, "Conflict",
					"须先录入书记述职再评分：本周期没有社区 " + communityId + " 的述职",
					"the secretary's report is recorded before it is scored: no report of community " + communityId + " in the cycle", null));
			Sql.insert(c, "INSERT INTO eval_duty_report_score (cycle_id, community_id, rater, score, comment, actor, scored_at)"
					+ " VALUES (?, ?, ?, ?, ?, ?, ?)", new Sql.Conflict(rater.displayName + "已为本次述职评分",
							rater.displayName + " has scored this report already"), cycleId, communityId,
					rater.name(), input.score(), comment, actor, Sql.now());
			DutyReport scored = find(c, cycleId, communityId).orElseThrow();
			archive.append(c, before.personId(), actor, "duty-report.scored", "evaluation-cycle/" + cycleId + "/duty-report/"
					+ rater.name().toLowerCase(Locale.ROOT), null, scored.scores().stream().filter(s -> s.rater().equals(rater.name()))
							.findFirst().orElseThrow());
			if (scored.scores().size() < Rater.values().length) {
				return scored;
			}
			BigDecimal sum = scored.scores().stream().map(RaterScore::score).reduce(BigDecimal.ZERO, BigDecimal::add);
			BigDecimal result = sum.divide(BigDecimal.valueOf(Rater.values().length), 2, RoundingMode.HALF_UP);
			Sql.update(c, "UPDATE eval_duty_report SET result = ? WHERE cycle_id = ? AND community_id = ?", null, null, result, cycleId, communityId);
			DutyReport done = find(c, cycleId, communityId).orElseThrow();
			archive.append(c, before.personId(), actor, "duty-report.result", "evaluation-cycle/" + cycleId + "/duty-report", before, done);
			return done;
		});
	}

	public List<DutyReport> reports(String cycleId) {
		cycles.require(cycleId);
		return store.read(c -> {
			Map<String, List<RaterScore>> scores = scores(c, cycleId, null);
			return Sql.query(c, "SELECT " + COLUMNS + " FROM eval_duty_report WHERE cycle_id = ? ORDER BY community_id",
					rs -> report(rs, scores), cycleId);
		});
	}

	private static final String COLUMNS = "cycle_id, community_id, person_id, reported_on, summary, site_visits, interviews, documents,"
			+ " result, actor";

	private static Optional<DutyReport> find(Connection c, String cycleId, String communityId) throws SQLException {
		Map<String, List<RaterScore>> scores = scores(c, cycleId, communityId);
		return Sql.one(c, "SELECT " + COLUMNS + " FROM eval_duty_report WHERE cycle_id = ? AND community_id = ?", rs -> report(rs, scores),
				cycleId, communityId);
	}

	private static DutyReport report(java.sql.ResultSet rs, Map<String, List<RaterScore>> scores) throws SQLException {
		return new DutyReport(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(), rs.getString(5),
				rs.getString(6), rs.getString(7), rs.getString(8), scores.getOrDefault(rs.getString(2), List.of()), rs.getBigDecimal(9),
				rs.getString(10));
	}

	/** Scores by community (of one community when given), in the raters' order. */
	private static Map<String, List<RaterScore>> scores(Connection c, String cycleId, String communityId) throws SQLException {
		Map<String, List<RaterScore>> by = new HashMap<>();
		String sql = "SELECT community_id, rater, score, comment, actor FROM eval_duty_report_score WHERE cycle_id = ?"
				+ (communityId == null ? "" : " AND community_id = ?");
		Object[] args = communityId == null ? new Object[] { cycleId } : new Object[] { cycleId, communityId };
		Sql.query(c, sql, rs -> {
			Rater r = Rater.valueOf(rs.getString(2));
			by.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>())
					.add(new RaterScore(r.name(), r.displayName, rs.getBigDecimal(3), rs.getString(4), rs.getString(5)));
			return null;
		}, args);
		by.values().forEach(l -> l.sort(java.util.Comparator.comparing(s -> Rater.valueOf(s.rater()).ordinal())));
		return by;
	}

	private Cycle requireReporting(String cycleId) {
		return reporting(cycles.require(cycleId));
	}

	/** The status read again in the write: a cycle published meanwhile takes no report or score. */
	private static void requireReporting(Connection c, String cycleId) throws SQLException {
		reporting(Cycles.find(c, cycleId).orElseThrow(() -> ProblemException.notFound("评价周期", "evaluation cycle", cycleId)));
	}

	private static Cycle reporting(Cycle cycle) {
		if (cycle.status() != CycleStatus.OPEN && cycle.status() != CycleStatus.SCORING_CLOSED) {
			throw new ProblemException(409, "Conflict", "半年提级述职只在评分中（OPEN）或评分结束（SCORING_CLOSED）、"
					+ "尚未公布时录入和评分，本周期为" + cycle.status().displayName() + "（" + cycle.status().name() + "）",
					"Half-year reports are recorded and scored while the cycle is OPEN or SCORING_CLOSED,"
							+ " before it is published; it is " + cycle.status().name() + " (" + cycle.status().displayName() + ")", null);
		}
		return cycle;
	}

	private Community community(Cycle cycle, String communityId) {
		if (communityId == null || communityId.isBlank()) {
			throw Fields.missing("communityId");
		}
		Community community = units.community(communityId)
				.orElseThrow(() -> ProblemException.invalid("communityId", "没有这个社区：" + communityId, "No community with id '" + communityId + "'"));
		if (units.street(community.streetId()).filter(s -> s.districtId().equals(cycle.districtId())).isEmpty()) {
			throw ProblemException.invalid("communityId", community.name() + " 不在本周期所在区", community.name() + " is not in the cycle's district");
		}
		return community;
	}
}
