package org.touyan.registry.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.touyan.api.registry.PostKind;
import org.touyan.api.rest.Fields;
import org.touyan.api.rest.Nullable;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.Preconditions;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.store.Sql;
import org.touyan.api.store.Store;

/**
 * First secretaries sent to help communities (第一书记驻社帮扶). Every {@code FIRST_SECRETARY} post is
 * a mission: it names the community and the start of the term. What the post does not say is kept
 * here: why the community is helped (by default the speech's 党组织服务水平不高), when the term ends,
 * and the first secretary's report at its end. "Communities helped so far" (累计) counts the
 * communities that ever had such a post, so a mission counts before its details are recorded.
 */
@Component(service = FirstSecretaryMissions.class)
public class FirstSecretaryMissions {

	/** Why a community gets a first secretary when the district does not say otherwise. */
	static final String DEFAULT_REASON = "党组织服务水平不高";

	/** Where a mission stands. */
	public enum Status {
		/** 驻社中: the term runs */
		SERVING,
		/** 期满待报告: the term or the post has ended and the report is missing */
		REPORT_DUE,
		/** 已提交期满报告 */
		REPORTED
	}

	/** What a district records of a mission: the reason (default 党组织服务水平不高) and the term's planned end. */
	public record MissionInput(@Nullable String reason, LocalDate termEnd) {
	}

	/** The report at the end of the term: its day (default today) and what the mission achieved. */
	public record ReportInput(@Nullable LocalDate reportedOn, String summary) {
	}

	/**
	 * One mission. {@code reason} and {@code termEnd} are null until the district records them;
	 * {@code postEndDate} is set when the first secretary has left the community.
	 */
	public record Mission(String postId, String personId, String personName, String districtId, String streetId, String streetName,
			String communityId, String communityName, LocalDate termStart, @Nullable LocalDate termEnd, @Nullable String reason,
			@Nullable LocalDate postEndDate, Status status, String statusLabel, @Nullable LocalDate reportedOn,
			@Nullable String report, @Nullable String reportedBy) {
	}

	/** A district's (or a street's) missions in figures: communities helped so far (累计), serving now, reports due and given. */
	public record Summary(String districtId, @Nullable String streetId, long communitiesHelped, long missions, long serving,
			long reportDue, long reported) {
	}

	/** Which missions a list shows. */
	public record Query(@Nullable String districtId, @Nullable String streetId, @Nullable Status status) {
	}

	private static final String SELECT = "SELECT t.id, t.person_id, p.name, s.district_id, s.id, s.name, k.id, k.name,"
			+ " t.start_date, m.term_end, m.reason, t.end_date, m.reported_on, m.report, m.reported_by"
			+ " FROM post t JOIN person p ON p.id = t.person_id JOIN community k ON k.id = t.unit_id"
			+ " JOIN street s ON s.id = k.street_id LEFT JOIN first_secretary_mission m ON m.post_id = t.id"
			+ " WHERE t.kind = 'FIRST_SECRETARY'";

	private final Store store;

	@Activate
	public FirstSecretaryMissions(@Reference(target = "(touyan.schema=registry)") Store store) {
		this.store = store;
	}

	/** The missions of a district or street, newest first, of one status when asked. */
	public Page<Mission> list(Query query, Paging paging) {
		LocalDate today = LocalDate.now();
		return store.read(c -> {
			List<Mission> all = new ArrayList<>();
			for (Mission m : Sql.query(c, SELECT + where(query) + " ORDER BY t.start_date DESC, t.id",
					rs -> mission(rs, today), args(query))) {
				if (query.status() == null || m.status() == query.status()) {
					all.add(m);
				}
			}
			return Page.of(all, paging);
		});
	}

	/** The figures of a district, or of one of its streets. */
	public Summary summary(String districtId, @Nullable String streetId) {
		Fields.required("district", districtId, 36);
		LocalDate today = LocalDate.now();
		return store.read(c -> {
			if (Sql.query(c, "SELECT id FROM district WHERE id = ?", rs -> 1, districtId).isEmpty()) {
				throw ProblemException.notFound("区", "district", districtId);
			}
			Query query = new Query(districtId, streetId, null);
			List<Mission> all = Sql.query(c, SELECT + where(query), rs -> mission(rs, today), args(query));
			long helped = all.stream().map(Mission::communityId).distinct().count();
			return new Summary(districtId, streetId, helped, all.size(), count(all, Status.SERVING), count(all, Status.REPORT_DUE),
					count(all, Status.REPORTED));
		});
	}

	public Optional<Mission> mission(String postId) {
		LocalDate today = LocalDate.now();
		return store.read(c -> find(c, postId, today));
	}

	/**
	 * Records the reason and the planned end of a first secretary's term: the post must be a
	 * 第一书记 post (422), the term ends after it starts (400), and a mission is recorded once (409).
	 */
	public Mission record(String postId, MissionInput input, String actor) {
		String who = Validation.actor(actor);
		Fields.body(input);
		String reason = Fields.optional("reason", input.reason(), 200);
		if (input.termEnd() == null) {
			throw Fields.missing("termEnd");
		}
		LocalDate today = LocalDate.now();
		return store.write(c -> {
			Sql.lock(c, "post", postId);
			List<String> kind = Sql.query(c, "SELECT kind FROM post WHERE id = ?", rs -> rs.getString(1), postId);
			if (kind.isEmpty()) {
				throw ProblemException.notFound("任职", "post", postId);
			}
			if (!PostKind.FIRST_SECRETARY.name().equals(kind.get(0))) {
				throw new ProblemException(422, "Not a first secretary", "只有第一书记任职才有驻社帮扶记录",
						"a mission belongs to a FIRST_SECRETARY post", "postId");
			}
			Mission before = find(c, postId, today).orElseThrow();
			if (!input.termEnd().isAfter(before.termStart())) {
				throw ProblemException.invalid("termEnd", "任期结束日应晚于任职开始日 " + before.termStart(),
						"termEnd must come after the term's start, " + before.termStart());
			}
			if (before.termEnd() != null) {
				throw new ProblemException(409, "Conflict", "该第一书记的驻社帮扶已登记", "the mission is recorded already",
						"postId");
			}
			Sql.update(c, "INSERT INTO first_secretary_mission (post_id, reason, term_end, recorded_at) VALUES (?, ?, ?, ?)",
					"postId", "该第一书记的驻社帮扶已登记", postId, reason == null ? DEFAULT_REASON : reason,
					Date.valueOf(input.termEnd()), Sql.now());
			Mission after = find(c, postId, today).orElseThrow();
			ArchiveLog.append(c, after.personId(), who, "mission.recorded", "first-secretary-mission", null, after);
			return after;
		});
	}

	/**
	 * Files the report at the end of the term, once: the mission is recorded (409 otherwise), the
	 * term or the post has ended by the report's day (422), and {@code ifMatch} names the mission as
	 * last read (428/412).
	 */
	public Mission report(String postId, ReportInput input, String actor, String ifMatch) {
		String who = Validation.actor(actor);
		Preconditions.required(ifMatch);
		Fields.body(input);
		String summary = Fields.paragraph("summary", input.summary(), 4000, true);
		LocalDate today = LocalDate.now();
		LocalDate on = input.reportedOn() == null ? today : input.reportedOn();
		if (on.isAfter(today)) {
			throw ProblemException.invalid("reportedOn", "报告日期不能晚于今天", "reportedOn cannot be in the future");
		}
		return store.write(c -> {
			Sql.lock(c, "post", postId);
			Mission before = find(c, postId, today).orElseThrow(() -> ProblemException.notFound("第一书记驻社帮扶记录", "first secretary mission", postId));
			Preconditions.check(ifMatch, before);
			if (before.termEnd() == null) {
				throw new ProblemException(409, "Conflict", "请先登记驻社帮扶的原因和任期",
						"record the mission's reason and term first", "postId");
			}
			if (before.status() == Status.REPORTED) {
				throw new ProblemException(409, "Conflict", "期满报告已提交", "the report is filed already", "postId");
			}
			LocalDate ends = before.postEndDate() != null && before.postEndDate().isBefore(before.termEnd()) ? before.postEndDate()
					: before.termEnd();
			if (on.isBefore(ends)) {
				throw new ProblemException(422, "The term has not ended", "任期至 " + ends + " 结束，期满报告在任期结束后提交",
						"the term runs until " + ends + "; its report comes at its end", "reportedOn");
			}
			Sql.update(c, "UPDATE first_secretary_mission SET reported_on = ?, report = ?, reported_by = ? WHERE post_id = ?",
					null, null, Date.valueOf(on), summary, who, postId);
			Mission after = find(c, postId, today).orElseThrow();
			ArchiveLog.append(c, after.personId(), who, "mission.reported", "first-secretary-mission", before, after);
			return after;
		});
	}

	private static Optional<Mission> find(Connection c, String postId, LocalDate today) throws SQLException {
		return Sql.one(c, SELECT + " AND t.id = ?", rs -> mission(rs, today), postId);
	}

	private static String where(Query query) {
		StringBuilder where = new StringBuilder();
		if (query.districtId() != null) {
			where.append(" AND s.district_id = ?");
		}
		if (query.streetId() != null) {
			where.append(" AND s.id = ?");
		}
		return where.toString();
	}

	private static Object[] args(Query query) {
		List<Object> args = new ArrayList<>();
		if (query.districtId() != null) {
			args.add(query.districtId());
		}
		if (query.streetId() != null) {
			args.add(query.streetId());
		}
		return args.toArray();
	}

	private static long count(List<Mission> missions, Status status) {
		return missions.stream().filter(m -> m.status() == status).count();
	}

	private static Mission mission(ResultSet rs, LocalDate today) throws SQLException {
		LocalDate termStart = rs.getDate(9).toLocalDate();
		LocalDate termEnd = local(rs.getDate(10));
		LocalDate postEnd = local(rs.getDate(12));
		LocalDate reportedOn = local(rs.getDate(13));
		Status status = reportedOn != null ? Status.REPORTED
				: postEnd != null || (termEnd != null && termEnd.isBefore(today)) ? Status.REPORT_DUE : Status.SERVING;
		return new Mission(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
				rs.getString(7), rs.getString(8), termStart, termEnd, rs.getString(11), postEnd, status,
				RegistryCodes.MISSION_STATUSES.get(status.name()).zh(), reportedOn, rs.getString(14), rs.getString(15));
	}

	private static LocalDate local(Date d) {
		return d == null ? null : d.toLocalDate();
	}
}
