package org.touyan.evaluation.internal.manage;

import org.touyan.evaluation.internal.cycle.Cycle;

import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.touyan.api.evaluation.SecretaryType;
import org.touyan.api.registry.Archive;
import org.touyan.api.registry.District;
import org.touyan.api.rest.Fields;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.Preconditions;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.store.Sql;
import org.touyan.api.store.Store;

/** The confirmed pairs of 结对帮带: confirming one under its rules, ending it, its progress notes, and listing them. */
final class MentoringPairs {

	private final Store store;
	private final MentoringBasis basis;
	private final Archive archive;

	MentoringPairs(Store store, MentoringBasis basis, Archive archive) {
		this.store = store;
		this.basis = basis;
		this.archive = archive;
	}

	/**
	 * Confirms a pair. Refused: a mentor who is not 示范 or a mentee who is not 潜力/守摊 in the latest
	 * classified cycle, a secretary mentoring themself, a mentor who has {@value Mentoring#MAX_MENTEES}
	 * in the year already (422: the rule of 3–4); a mentee who has a mentor in the year (409). A mentor
	 * under {@value Mentoring#MIN_MENTEES} is allowed (the year's pairs are confirmed one at a time)
	 * and shown below the minimum in the coverage.
	 */
	Mentoring.Pairing pair(Mentoring.PairInput input, String actor) {
		if (input == null) {
			throw ProblemException.invalid(null, "请求须带 JSON 正文：districtId、year、mentorId、menteeId",
					"A JSON body is required: districtId, year, mentorId, menteeId");
		}
		District district = basis.district(input.districtId());
		int year = MentoringBasis.year(input.year());
		String mentorId = Fields.paragraph("mentorId", input.mentorId(), 36, true);
		String menteeId = Fields.paragraph("menteeId", input.menteeId(), 36, true);
		if (mentorId.equals(menteeId)) {
			throw new ProblemException(422, "Mentor is mentee", "书记不能帮带自己：mentorId 与 menteeId 相同",
					"a secretary cannot mentor themself: mentorId and menteeId are the same", "menteeId");
		}
		Cycle cycle = basis.requireBasis(district);
		Classifications.Placement mentor = basis.placement(cycle, mentorId).orElse(null);
		if (mentor == null || mentor.type() != SecretaryType.MODEL) {
			throw new ProblemException(422, "Mentor not a model secretary", "红领导师从示范书记中选任：" + mentorId
					+ " 在本区最近已分类的周期 " + cycle.period() + (mentor == null ? " 尚未分类" : " 为" + mentor.type().displayName() + "书记"),
					"红领导师 are drawn from 示范 secretaries: " + mentorId + " is "
							+ (mentor == null ? "not classified" : mentor.type().displayName()) + " in " + cycle.period()
							+ ", the district's latest classified cycle", "mentorId");
		}
		Classifications.Placement mentee = basis.placement(cycle, menteeId).orElse(null);
		if (mentee == null || !mentee.type().helped()) {
			throw new ProblemException(422, "Mentee not potential or caretaker", "红领导师帮带潜力或守摊书记：" + menteeId
					+ " 在本区最近已分类的周期 " + cycle.period() + (mentee == null ? " 尚未分类" : " 为" + mentee.type().displayName() + "书记"),
					"红领导师 mentor 潜力 or 守摊 secretaries: " + menteeId
							+ " is " + (mentee == null ? "not classified" : mentee.type().displayName()) + " in " + cycle.period()
							+ ", the district's latest classified cycle", "menteeId");
		}
		Mentoring.Basis closeness = basis.closeness(district.id()).of(mentor.communityId(), mentee.communityId());
		LocalDate started = input.startedOn() == null ? LocalDate.now() : input.startedOn();
		String id = UUID.randomUUID().toString();
		Function<String, String> names = basis.names();
		Mentoring.Pairing pairing = new Mentoring.Pairing(id, district.id(), year, cycle.id(), MentoringBasis.member(mentor, names), MentoringBasis.member(mentee, names), closeness.name(),
				closeness.displayName, Mentoring.Status.ACTIVE.name(), Mentoring.Status.ACTIVE.displayName, started, null, null, actor);
		store.write(c -> {
			// the mentor's archive row is locked first: two confirmations for one mentor are counted one after the other
			archive.append(c, mentorId, actor, "mentoring.mentor-paired", "mentoring/" + id, null, pairing);
			archive.append(c, menteeId, actor, "mentoring.mentee-paired", "mentoring/" + id, null, pairing);
			List<String[]> held = Sql.query(c, "SELECT mentor_id, mentee_id FROM eval_mentorship WHERE district_id = ? AND mentoring_year = ?"
					+ " AND status = 'ACTIVE' AND (mentor_id = ? OR mentee_id = ?)", rs -> new String[] { rs.getString(1), rs.getString(2) },
					district.id(), year, mentorId, menteeId);
			if (held.stream().anyMatch(h -> h[0].equals(mentorId) && h[1].equals(menteeId))) {
				throw new ProblemException(409, "Conflict", "该红领导师与该书记 " + year + " 年已结对",
						"this mentor and mentee are paired for " + year + " already", null);
			}
			if (held.stream().anyMatch(h -> h[1].equals(menteeId))) {
				throw new ProblemException(409, "Conflict", "每名书记同一时间只有一名红领导师：" + menteeId + " " + year
						+ " 年已有红领导师，请先结束原结对", "a secretary has one 红领导师 at a time: " + menteeId + " has a mentor for " + year
						+ " already; end that pair first", null);
			}
			long mentees = held.stream().filter(h -> h[0].equals(mentorId)).count();
			if (mentees >= Mentoring.MAX_MENTEES) {
				throw new ProblemException(422, "Mentor load above the rule", "红领导师每年帮带" + Mentoring.MIN_MENTEES + "—"
						+ Mentoring.MAX_MENTEES + "名书记，最多 " + Mentoring.MAX_MENTEES + " 名：" + mentorId + " " + year + " 年已帮带 "
						+ mentees + " 名", "a 红领导师 mentors " + Mentoring.MIN_MENTEES + " to "
						+ Mentoring.MAX_MENTEES + " secretaries a year (每年帮带3—4名), at most " + Mentoring.MAX_MENTEES + ": " + mentorId
						+ " mentors " + mentees + " in " + year + " already", "mentorId");
			}
			Sql.update(c, "INSERT INTO eval_mentorship (id, district_id, mentoring_year, basis_cycle_id, mentor_id, mentor_community_id,"
					+ " mentee_id, mentee_community_id, mentee_type, basis, status, started_on, actor, created_at)"
					+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", null, null, id, district.id(), year, cycle.id(), mentorId,
					mentor.communityId(), menteeId, mentee.communityId(), mentee.type().name(), closeness.name(), Mentoring.Status.ACTIVE.name(),
					Date.valueOf(started), actor, Sql.now());
			return null;
		});
		return pairing;
	}

	/** Ends an active pair with a reason; both archives record it. */
	Mentoring.Pairing end(String id, Mentoring.EndInput input, String actor, String ifMatch) {
		Mentoring.Pairing before = require(id);
		if (input == null) {
			throw ProblemException.invalid(null, "请求须带 JSON 正文：reason", "A JSON body is required: reason");
		}
		String reason = Fields.paragraph("reason", input.reason(), 500, true);
		LocalDate ended = input.endedOn() == null ? LocalDate.now() : input.endedOn();
		if (ended.isBefore(before.startedOn())) {
			throw ProblemException.invalid("endedOn", "结束日期不能早于结对开始日期 " + before.startedOn(),
					"endedOn is before the pair started (" + before.startedOn() + ")");
		}
		return store.write(c -> {
			Sql.update(c, "UPDATE eval_mentorship SET status = status WHERE id = ?", null, null, id);
			Preconditions.check(ifMatch, find(c, id).orElseThrow(() -> ProblemException.notFound("帮带结对", "mentoring pair", id)));
			int n = Sql.update(c, "UPDATE eval_mentorship SET status = 'ENDED', ended_on = ?, end_reason = ? WHERE id = ? AND status = 'ACTIVE'", null,
					null, Date.valueOf(ended), reason, id);
			if (n == 0) {
				throw new ProblemException(409, "Conflict", "该结对已结束", "the pair has ended already", null);
			}
			Mentoring.Pairing after = find(c, id).orElseThrow();
			archive.append(c, before.mentor().personId(), actor, "mentoring.ended", "mentoring/" + id, before, after);
			archive.append(c, before.mentee().personId(), actor, "mentoring.ended", "mentoring/" + id, before, after);
			return after;
		});
	}

	/** Adds a progress note to an active pair (治理联抓、服务联做、活动联办…). */
	Mentoring.Note note(String id, Mentoring.NoteInput input, String actor) {
		Mentoring.Pairing pairing = require(id);
		if (input == null) {
			throw ProblemException.invalid(null, "请求须带 JSON 正文：note", "A JSON body is required: note");
		}
		String text = Fields.paragraph("note", input.note(), 2000, true);
		LocalDate on = input.notedOn() == null ? LocalDate.now() : input.notedOn();
		if (on.isBefore(pairing.startedOn())) {
			throw ProblemException.invalid("notedOn", "记录日期不能早于结对开始日期 " + pairing.startedOn(),
					"notedOn is before the pair started (" + pairing.startedOn() + ")");
		}
		return store.write(c -> {
			String status = Sql.query(c, "SELECT status FROM eval_mentorship WHERE id = ?", rs -> rs.getString(1), id).get(0);
			if (!Mentoring.Status.ACTIVE.name().equals(status)) {
				throw new ProblemException(409, "Conflict", "只能为帮带中的结对记录进展，该结对已结束",
						"progress is noted on an active pair; this one has ended", null);
			}
			int seq = Sql.query(c, "SELECT COUNT(*) FROM eval_mentorship_note WHERE mentorship_id = ?", rs -> rs.getInt(1), id).get(0) + 1;
			Mentoring.Note note = new Mentoring.Note(id, seq, on, text, actor);
			archive.append(c, pairing.mentor().personId(), actor, "mentoring.noted", "mentoring/" + id + "/note/" + seq, null, note);
			archive.append(c, pairing.mentee().personId(), actor, "mentoring.noted", "mentoring/" + id + "/note/" + seq, null, note);
			Sql.update(c, "INSERT INTO eval_mentorship_note (mentorship_id, seq, noted_on, note, actor, recorded_at) VALUES (?, ?, ?, ?, ?, ?)", null,
					null, id, seq, Date.valueOf(on), text, actor, Sql.now());
			return note;
		});
	}

	List<Mentoring.Note> notes(String id) {
		require(id);
		return store.read(c -> Sql.query(c, "SELECT mentorship_id, seq, noted_on, note, actor FROM eval_mentorship_note WHERE mentorship_id = ?"
				+ " ORDER BY seq", rs -> new Mentoring.Note(rs.getString(1), rs.getInt(2), rs.getDate(3).toLocalDate(), rs.getString(4), rs.getString(5)), id));
	}

	Mentoring.Pairing require(String id) {
		return store.read(c -> find(c, id)).orElseThrow(() -> ProblemException.notFound("帮带结对", "mentoring pair", id));
	}

	/** Pairs of a district, of a year, mentor or status when given, a page at a time. */
	Page<Mentoring.Pairing> pairings(String districtId, String year, String personId, String status, Paging paging) {
		if (districtId == null || districtId.isBlank()) {
			throw Fields.missing("district");
		}
		List<Object> args = new ArrayList<>(List.of(districtId));
		String where = " WHERE district_id = ?";
		if (year != null && !year.isBlank()) {
			try {
				args.add(Integer.parseInt(year.strip()));
			} catch (NumberFormatException e) {
				throw ProblemException.invalid("year", "应为年份，如 2026", "year is a year such as 2026");
			}
			where += " AND mentoring_year = ?";
		}
		if (personId != null && !personId.isBlank()) {
			where += " AND (mentor_id = ? OR mentee_id = ?)";
			args.add(personId);
			args.add(personId);
		}
		if (status != null && !status.isBlank()) {
			if (!status.equals(Mentoring.Status.ACTIVE.name()) && !status.equals(Mentoring.Status.ENDED.name())) {
				throw ProblemException.invalid("status", "状态为帮带中（ACTIVE）或已结束（ENDED）", "status is ACTIVE or ENDED");
			}
			where += " AND status = ?";
			args.add(status);
		}
		String select = "SELECT " + COLUMNS + " FROM eval_mentorship" + where;
		Function<String, String> names = basis.names();
		return store.read(c -> Sql.page(c, select, "mentoring_year DESC, mentor_community_id, mentee_community_id", paging,
				rs -> pairing(rs, names), args));
	}

	List<Mentoring.Pairing> active(String districtId, int year) {
		Function<String, String> names = basis.names();
		return store.read(c -> Sql.query(c, "SELECT " + COLUMNS + " FROM eval_mentorship WHERE district_id = ? AND mentoring_year = ?"
				+ " AND status = 'ACTIVE'", rs -> pairing(rs, names), districtId, year));
	}

	private static final String COLUMNS = "id, district_id, mentoring_year, basis_cycle_id, mentor_id, mentor_community_id, mentee_id,"
			+ " mentee_community_id, mentee_type, basis, status, started_on, ended_on, end_reason, actor";

	private Optional<Mentoring.Pairing> find(Connection c, String id) throws SQLException {
		return Sql.one(c, "SELECT " + COLUMNS + " FROM eval_mentorship WHERE id = ?", rs -> pairing(rs, basis.names()), id);
	}

	private static Mentoring.Pairing pairing(ResultSet rs, Function<String, String> names) throws SQLException {
		SecretaryType type = SecretaryType.valueOf(rs.getString(9));
		Mentoring.Basis basis = Mentoring.Basis.valueOf(rs.getString(10));
		Mentoring.Status status = Mentoring.Status.valueOf(rs.getString(11));
		Date ended = rs.getDate(13);
		return new Mentoring.Pairing(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
				new Mentoring.Member(rs.getString(5), names.apply(rs.getString(5)), rs.getString(6), SecretaryType.MODEL.name(),
						SecretaryType.MODEL.displayName()),
				new Mentoring.Member(rs.getString(7), names.apply(rs.getString(7)), rs.getString(8), type.name(), type.displayName()), basis.name(),
				basis.displayName, status.name(), status.displayName, rs.getDate(12).toLocalDate(), ended == null ? null : ended.toLocalDate(),
				rs.getString(14), rs.getString(15));
	}
}
