package org.touyan.evaluation.internal.cycle;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.touyan.api.policy.Policies;
import org.touyan.api.registry.District;
import org.touyan.api.registry.OrgUnits;
import org.touyan.api.rest.Fields;
import org.touyan.api.rest.Nullable;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.Preconditions;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.store.Sql;
import org.touyan.api.store.Store;

/**
 * Evaluation cycles and their transitions. A cycle pins every policy binding when it opens, so
 * its results are always computed by the code in force on that day, and releases the pin when it
 * is archived; closing scoring rates every scored community.
 */
@Component(service = Cycles.class)
public class Cycles {

	static final Pattern PERIOD = Pattern.compile("\\d{4}-H[12]");
	private static final BigDecimal LIMIT = new BigDecimal("10000");
	/** The demo loader that builds the demo district's cycles: no cycle of that district is created while it runs. */
	public static final String DEMO_LOADER = "evaluation.cycles";
	public static final String COLUMNS = "id, district_id, period, pin_key, status, score_min, score_max, created_at, updated_at";

	private final Store store;
	private final OrgUnits units;
	private final Policies policies;
	private final RatingRuns ratings;

	@Activate
	public Cycles(@Reference(target = "(touyan.schema=evaluation)") Store store, @Reference OrgUnits units,
			@Reference Policies policies, @Reference RatingRuns ratings) {
		this.store = store;
		this.units = units;
		this.policies = policies;
		this.ratings = ratings;
	}

	public Cycle create(CycleInput input, String actor) {
		if (input == null) {
			throw ProblemException.invalid(null, "请求须带 JSON 正文", "A JSON body is required");
		}
		if (input.districtId() == null || input.districtId().isBlank()) {
			throw Fields.missing("districtId");
		}
		District district = units.district(input.districtId())
				.orElseThrow(() -> ProblemException.invalid("districtId", "没有这个区：" + input.districtId(),
						"No district with id '" + input.districtId() + "'"));
		if (input.period() == null || !PERIOD.matcher(input.period().strip()).matches()) {
			throw ProblemException.invalid("period", "评价周期为半年，如 2026-H1", "period is a half-year such as 2026-H1");
		}
		BigDecimal min = input.scoreMin() == null ? BigDecimal.ZERO : input.scoreMin();
		BigDecimal max = input.scoreMax() == null ? BigDecimal.valueOf(100) : input.scoreMax();
		if (min.signum() < 0 || min.scale() > 2) {
			throw ProblemException.invalid("scoreMin", "最低分不小于 0，最多两位小数", "scoreMin is 0 or more, with at most two decimals");
		}
		if (max.compareTo(min) <= 0 || max.compareTo(LIMIT) > 0 || max.scale() > 2) {
			throw ProblemException.invalid("scoreMax", "最高分应高于最低分、不超过 " + LIMIT + "，最多两位小数",
					"scoreMax is above scoreMin and at most " + LIMIT + ", with at most two decimals");
		}
		String period = input.period().strip();
		String id = UUID.randomUUID().toString();
		String pinKey = district.code() + "-" + period;
		java.sql.Timestamp now = Sql.now();
		store.write(c -> {
			Sql.insert(c, "INSERT INTO eval_cycle (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
					new Sql.Conflict("本区已有 " + period + " 的评价周期", "the district has a cycle for " + period + " already"),
					id, district.id(), period, pinKey, CycleStatus.DRAFT.name(), min, max, now, now);
			return null;
		});
		return cycle(id).orElseThrow();
	}

	public Optional<Cycle> cycle(String id) {
		return store.read(c -> find(c, id));
	}

	/** A cycle or a 404 problem. */
	public Cycle require(String id) {
		return cycle(id).orElseThrow(() -> ProblemException.notFound("评价周期", "evaluation cycle", id));
	}

	public Page<Cycle> cycles(String districtId, Paging paging) {
		List<Object> args = new ArrayList<>();
		String where = "";
		if (districtId != null && !districtId.isBlank()) {
			where = " WHERE district_id = ?";
			args.add(districtId);
		}
		String select = "SELECT " + COLUMNS + " FROM eval_cycle" + where;
		return store.read(c -> Sql.page(c, select, "period DESC, district_id", paging, Cycles::cycle, args));
	}

	/** Transitions so far, oldest first. */
	public List<Transition> transitions(String id) {
		require(id);
		return store.read(c -> Sql.query(c, "SELECT from_status, to_status, actor, happened_at FROM eval_cycle_transition"
				+ " WHERE cycle_id = ? ORDER BY seq", rs -> new Transition(CycleStatus.valueOf(rs.getString(1)),
						CycleStatus.valueOf(rs.getString(2)), rs.getString(3), rs.getTimestamp(4).toInstant()), id));
	}

	/**
	 * Opens a draft cycle: pins the bindings of every policy under the cycle's key first, so that a
	 * cycle is never open without its pin; if the cycle changed meanwhile, the pin is released again.
	 */
	public Cycle open(String id, String actor, String ifMatch) {
		Cycle cycle = require(id);
		// a stale version is refused before pinning; move compares again under the row lock
		Preconditions.check(ifMatch, cycle);
		cycle.status().requireTransition(CycleStatus.OPEN);
		policies.pin(cycle.pinKey());
		try {
			store.write(c -> move(c, cycle, CycleStatus.OPEN, actor, ifMatch));
		} catch (RuntimeException e) {
			policies.release(cycle.pinKey());
			throw e;
		}
		return require(id);
	}

	/**
	 * Closes scoring: the scores, ballots and reviews freeze, then every scored community is rated
	 * (run 1). What follows from the ratings (assessments, classification) is the caller's next
	 * step: those rooms sit above this one.
	 */
	public Cycle closeScoring(String id, String actor, String ifMatch) {
		Cycle cycle = require(id);
		cycle.status().requireTransition(CycleStatus.SCORING_CLOSED);
		store.write(c -> move(c, cycle, CycleStatus.SCORING_CLOSED, actor, ifMatch));
		Cycle closed = require(id);
		ratings.rate(closed, "评分结束，首次评定", actor);
		return require(id);
	}

	/**
	 * The cycle, if its scoring is closed and it is not published: the only time its results may be
	 * worked out again. Otherwise a 409 saying what cannot be done ({@code zh}, {@code en}: "重新评星",
	 * "re-rated").
	 */
	public Cycle requireScoringClosed(String id, String zh, String en) {
		Cycle cycle = require(id);
		if (cycle.status() != CycleStatus.SCORING_CLOSED) {
			throw new ProblemException(409, "Conflict", "只有评分结束且未公布的周期才能" + zh + "，本周期为" + cycle.status().displayName()
					+ "（" + cycle.status().name() + "）", "A cycle is " + en + " only while its scoring is closed and it is not published; it is "
					+ cycle.status().name() + " (" + cycle.status().displayName() + ")", null);
		}
		return cycle;
	}

	/**
	 * The pin key of the district's cycle for a half-year while that cycle holds its pin (open,
	 * scoring closed or published); empty before it opens and after it is archived.
	 */
	public Optional<String> pinFor(String districtId, String period) {
		List<String> pins = store.read(c -> Sql.query(c, "SELECT pin_key FROM eval_cycle WHERE district_id = ? AND period = ?"
				+ " AND status IN ('OPEN', 'SCORING_CLOSED', 'PUBLISHED')", rs -> rs.getString(1), districtId, period));
		return pins.stream().findFirst();
	}

	/** Re-rates a cycle whose scoring is closed, with the reason recorded on the run and in the archives. */
	public RatingRun rerate(String id, String reason, String actor) {
		Cycle cycle = requireScoringClosed(id, "重新评星", "re-rated");
		if (reason == null || reason.isBlank()) {
			throw ProblemException.invalid("reason", "重新评星须写明理由", "a re-rating needs a reason");
		}
		if (reason.strip().length() > 500) {
			throw ProblemException.invalid("reason", "理由最多 500 字", "reason is at most 500 characters");
		}
		return ratings.rate(cycle, reason.strip(), actor);
	}

	/** Publishes the results; a cycle that has never been rated has none to publish. */
	public Cycle publish(String id, String actor, String ifMatch) {
		Cycle cycle = require(id);
		cycle.status().requireTransition(CycleStatus.PUBLISHED);
		store.write(c -> {
			long runs = Sql.query(c, "SELECT COUNT(*) FROM eval_rating_run WHERE cycle_id = ?", rs -> rs.getLong(1), id).get(0);
			if (runs == 0) {
				throw new ProblemException(409, "Conflict", "本周期尚未评星：请先重新评星再公布",
						"The cycle has not been rated yet: re-rate it before publishing", null);
			}
			return move(c, cycle, CycleStatus.PUBLISHED, actor, ifMatch);
		});
		return require(id);
	}

	/** Archives a published cycle and releases its pin: later cycles no longer hold its plugin versions. */
	public Cycle archive(String id, String actor, String ifMatch) {
		Cycle cycle = require(id);
		cycle.status().requireTransition(CycleStatus.ARCHIVED);
		store.write(c -> move(c, cycle, CycleStatus.ARCHIVED, actor, ifMatch));
		policies.release(cycle.pinKey());
		return require(id);
	}

	/**
	 * Moves {@code cycle} to {@code target} if it is still the version the caller read
	 * ({@code ifMatch}, else 412) and no other request moved it first (then 409).
	 */
	private static Void move(Connection c, Cycle cycle, CycleStatus target, String actor, String ifMatch) throws SQLException {
		lock(c, cycle.id(), ifMatch);
		java.sql.Timestamp now = Sql.now();
		int n = Sql.update(c, "UPDATE eval_cycle SET status = ?, updated_at = ? WHERE id = ? AND status = ?", null, null,
				target.name(), now, cycle.id(), cycle.status().name());
		if (n == 0) {
			throw new ProblemException(409, "Conflict", "评价周期已被他人改动，请刷新后重试",
					"The cycle changed meanwhile; reload it and try again", null);
		}
		int seq = Sql.query(c, "SELECT COUNT(*) FROM eval_cycle_transition WHERE cycle_id = ?", rs -> rs.getInt(1), cycle.id()).get(0);
		Sql.update(c, "INSERT INTO eval_cycle_transition (cycle_id, seq, from_status, to_status, actor, happened_at)"
				+ " VALUES (?, ?, ?, ?, ?, ?)", null, null, cycle.id(), seq + 1, cycle.status().name(), target.name(), actor, now);
		return null;
	}

	/** Takes the cycle's row lock, then compares the cycle as stored now with the version the caller read. */
	private static void lock(Connection c, String id, String ifMatch) throws SQLException {
		Sql.lock(c, "eval_cycle", id);
		Preconditions.check(ifMatch, find(c, id).orElseThrow(() -> ProblemException.notFound("评价周期", "evaluation cycle", id)));
	}

	public static Optional<Cycle> find(Connection c, String id) throws SQLException {
		return Sql.one(c, "SELECT " + COLUMNS + " FROM eval_cycle WHERE id = ?", Cycles::cycle, id);
	}

	public static Cycle cycle(ResultSet rs) throws SQLException {
		CycleStatus status = CycleStatus.valueOf(rs.getString(5));
		return new Cycle(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), status, status.displayName(),
				rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getTimestamp(8).toInstant(), rs.getTimestamp(9).toInstant());
	}

	/** One step in a cycle's life: who moved it, from what to what, when. */
	public record Transition(@Nullable CycleStatus from, CycleStatus to, String actor, java.time.Instant at) {
	}
}
