package org.touyan.evaluation.internal.review;

import org.touyan.evaluation.internal.cycle.Cycle;
import org.touyan.evaluation.internal.cycle.CycleStatus;
import org.touyan.evaluation.internal.cycle.Cycles;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.touyan.api.security.Sha256;
import org.touyan.api.evaluation.ReviewInput;
import org.touyan.api.evaluation.ReviewResult;
import org.touyan.api.evaluation.ReviewWeighting;
import org.touyan.api.policy.Policies;
import org.touyan.api.policy.Policies.Result;
import org.touyan.api.policy.Policies.Scope;
import org.touyan.api.policy.PolicyFailureException;
import org.touyan.api.policy.Provenance;
import org.touyan.api.registry.Archive;
import org.touyan.api.registry.Community;
import org.touyan.api.registry.OrgUnits;
import org.touyan.api.registry.People;
import org.touyan.api.registry.Post;
import org.touyan.api.registry.PostKind;
import org.touyan.api.registry.Street;
import org.touyan.api.rest.Fields;
import org.touyan.api.rest.Nullable;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.store.Sql;
import org.touyan.api.store.Store;

/**
 * The four reviews (四评) of each community's secretary in a cycle — self-review, the residents'
 * ballots ({@link Ballots}), the street's re-review and the Organization Department's final review —
 * and the assessment the district's weighting plugin (pinned for the cycle) makes of them. Each
 * review and each assessment lands in the secretary's archive in the same transaction.
 */
@Component(service = Reviews.class)
public class Reviews {

	/** The reviews given here; the residents' review comes from the ballots. */
	public enum Kind {
		SELF("自评"), STREET("街道复评"), ORGANIZATION("组织部终评");

		final String displayName;

		Kind(String displayName) {
			this.displayName = displayName;
		}

		public String displayName() {
			return displayName;
		}
	}

	/** A review given: the community whose secretary is reviewed, the kind, the score 0–100, a comment. */
	public record ReviewRequest(String communityId, String kind, BigDecimal score, @Nullable String comment) {
	}

	/** A stored review. */
	public record Review(String cycleId, String communityId, String personId, String kind, BigDecimal score, @Nullable String comment,
			String actor) {
	}

	/** A secretary's assessment result in a cycle, or why the weighting failed for it. */
	public record Assessment(String cycleId, String communityId, String personId, @Nullable BigDecimal self, @Nullable BigDecimal residents,
			int ballots, @Nullable BigDecimal street, @Nullable BigDecimal organization, @Nullable BigDecimal score, @Nullable String grade, @Nullable String explanation,
			@Nullable String failure, @Nullable Provenance provenance, @Nullable String inputHash) {
	}

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final Store store;
	private final Policies policies;
	private final OrgUnits units;
	private final People people;
	private final Archive archive;
	private final Cycles cycles;

	@Activate
	public Reviews(@Reference(target = "(touyan.schema=evaluation)") Store store, @Reference Policies policies,
			@Reference OrgUnits units, @Reference People people, @Reference Archive archive, @Reference Cycles cycles) {
		this.cycles = cycles;
		this.store = store;
		this.policies = policies;
		this.units = units;
		this.people = people;
		this.archive = archive;
	}

	/** Records one review of a community's current secretary while the cycle is open; each kind once. */
	public Review review(String cycleId, ReviewRequest request, String actor) {
		if (request == null) {
			throw ProblemException.invalid(null, "请求须带 JSON 正文：communityId、kind、score", "A JSON body is required: communityId, kind, score");
		}
		Kind kind;
		try {
			kind = Kind.valueOf(request.kind() == null ? "" : request.kind().strip().toUpperCase(Locale.ROOT));
		} catch (IllegalArgumentException e) {
			throw ProblemException.invalid("kind", "评议类型为自评（SELF）、街道复评（STREET）或组织部终评（ORGANIZATION）；"
					+ "社区居民点评通过评议票投票",
					"kind is SELF (自评), STREET (街道复评) or ORGANIZATION (组织部终评); the residents' review is cast by ballots");
		}
		if (request.score() == null || request.score().signum() < 0 || request.score().compareTo(HUNDRED) > 0
				|| request.score().stripTrailingZeros().scale() > 2) {
			throw ProblemException.invalid("score", "分数为 0 至 100，最多两位小数", "score is from 0 to 100 with at most two decimals");
		}
		String comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().strip();
		if (comment != null && comment.length() > 2000) {
			throw ProblemException.invalid("comment", "评语最多 2000 字", "comment is at most 2000 characters");
		}
		Cycle cycle = store.read(c -> Cycles.find(c, cycleId)).orElseThrow(() -> ProblemException.notFound("评价周期", "evaluation cycle", cycleId));
		if (cycle.status() != CycleStatus.OPEN) {
			throw new ProblemException(409, "Conflict", "只有评分中（OPEN）的周期才能评议，本周期为" + cycle.status().displayName()
					+ "（" + cycle.status().name() + "）", "Reviews are given only while the cycle is OPEN; it is " + cycle.status().name(), null);
		}
		Community community = community(cycle, request.communityId());
		String person = people.posts(community.id(), null, PostKind.COMMUNITY_SECRETARY, true, Paging.of(0, 1)).items().stream()
				.map(Post::personId).findFirst()
				.orElseThrow(() -> new ProblemException(409, "Conflict", community.name() + " 目前没有在任书记，无人可评议",
						community.name() + " has no current secretary to review", null));
		Review review = new Review(cycleId, community.id(), person, kind.name(), request.score(), comment, actor);
		store.write(c -> {
			Sql.insert(c, "INSERT INTO eval_review (cycle_id, community_id, person_id, kind, score, comment, actor, reviewed_at)"
					+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", new Sql.Conflict("该书记本周期已有" + kind.displayName,
							"the " + kind.displayName + " of this secretary in the cycle is given already"),
					cycleId, community.id(), person, kind.name(), request.score(), comment, actor, Sql.now());
			archive.append(c, person, actor, "review." + kind.name().toLowerCase(Locale.ROOT),
					"evaluation-cycle/" + cycleId + "/review/" + kind.name().toLowerCase(Locale.ROOT), null, review);
			return null;
		});
		return review;
	}

	/** The reviews of a cycle, of one community when {@code communityId} is not null. */
	public List<Review> reviews(String cycleId, String communityId) {
		return store.read(c -> Sql.query(c, "SELECT cycle_id, community_id, person_id, kind, score, comment, actor FROM eval_review"
				+ " WHERE cycle_id = ?" + (communityId == null ? "" : " AND community_id = ?") + " ORDER BY community_id, kind",
				rs -> new Review(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5),
						rs.getString(6), rs.getString(7)), Sql.args(cycleId, communityId)));
	}

	/** Assesses the reviewed secretaries again (a weighting now bound, a failure fixed) while scoring is closed. */
	public List<Assessment> reassess(String cycleId, String actor) {
		return assess(cycles.requireScoringClosed(cycleId, "重新研判", "re-assessed"), actor);
	}

	/**
	 * Assesses every reviewed secretary of the cycle with the weighting pinned for it and stores the
	 * results (replacing earlier ones) with the archive entries, in one transaction.
	 */
	public List<Assessment> assess(Cycle cycle, String actor) {
		Map<String, Map<String, Object>> byCommunity = new TreeMap<>();
		store.read(c -> Sql.query(c, "SELECT community_id, person_id, kind, score FROM eval_review WHERE cycle_id = ?", rs -> {
			Map<String, Object> m = byCommunity.computeIfAbsent(rs.getString(1), k -> new HashMap<>());
			m.put("person", rs.getString(2));
			m.put(rs.getString(3), rs.getBigDecimal(4));
			return null;
		}, cycle.id()));
		List<Assessment> results = new ArrayList<>();
		MessageDigest sha = Sha256.digest();
		for (Map.Entry<String, Map<String, Object>> e : byCommunity.entrySet()) {
			String communityId = e.getKey();
			Map<String, Object> m = e.getValue();
			int[] ballots = new int[1];
			BigDecimal residents = store.read(c -> residents(c, cycle.id(), communityId, ballots));
			Community community = units.community(communityId).orElseThrow(() -> ProblemException.notFound("社区", "community", communityId));
			ReviewInput unbound = new ReviewInput((String) m.get("person"), communityId, cycle.period(), (BigDecimal) m.get("SELF"),
					residents, ballots[0], (BigDecimal) m.get("STREET"), (BigDecimal) m.get("ORGANIZATION"), Map.of());
			try {
				Result<Object[]> r = policies.apply(ReviewWeighting.class, new Scope(cycle.districtId(), community.streetId()),
						cycle.pinKey(), (weighting, parameters) -> {
							ReviewInput input = new ReviewInput(unbound.personId(), communityId, cycle.period(), unbound.self(),
									residents, ballots[0], unbound.street(), unbound.organization(), parameters);
							return new Object[] { weighting.combine(input), hash(sha, input) };
						});
				ReviewResult result = (ReviewResult) r.value()[0];
				String fault = fault(result);
				results.add(new Assessment(cycle.id(), communityId, unbound.personId(), unbound.self(), residents, ballots[0],
						unbound.street(), unbound.organization(), fault == null ? result.score().setScale(2, RoundingMode.HALF_UP) : null,
						fault == null ? result.grade() : null, fault == null ? result.explanation() : null, fault, r.provenance(),
						(String) r.value()[1]));
			} catch (PolicyFailureException f) {
				results.add(new Assessment(cycle.id(), communityId, unbound.personId(), unbound.self(), residents, ballots[0],
						unbound.street(), unbound.organization(), null, null, null, f.detail(null), f.provenance(), hash(sha, unbound)));
			}
		}
		return store.write(c -> {
			Map<String, Assessment> before = new HashMap<>();
			assessments(c, cycle.id(), null).forEach(a -> before.put(a.communityId(), a));
			Sql.update(c, "DELETE FROM eval_assessment WHERE cycle_id = ?", null, null, cycle.id());
			for (Assessment a : results) {
				Provenance p = a.provenance();
				Sql.update(c, "INSERT INTO eval_assessment (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", null,
						null, a.cycleId(), a.communityId(), a.personId(), a.self(), a.residents(), a.ballots(), a.street(),
						a.organization(), a.score(), a.grade(), clip(a.explanation()), clip(a.failure()), p == null ? null : p.bundle(),
						p == null ? null : p.version(), p == null ? null : p.policyId(), p == null ? null : p.bindingRevision(), a.inputHash());
				archive.append(c, a.personId(), actor, "assessment.graded", "evaluation-cycle/" + cycle.id() + "/assessment",
						before.get(a.communityId()), a);
			}
			return results;
		});
	}

	/** The assessments of a cycle, of one community when {@code communityId} is not null. */
	public List<Assessment> assessments(String cycleId, String communityId) {
		return store.read(c -> assessments(c, cycleId, communityId));
	}

	private static final String COLUMNS = "cycle_id, community_id, person_id, self_score, residents_score, ballots, street_score,"
			+ " org_score, total, grade, explanation, failure, plugin_bundle, plugin_version, policy_id, binding_revision, input_hash";

	private static List<Assessment> assessments(Connection c, String cycleId, String communityId) throws SQLException {
		return Sql.query(c, "SELECT " + COLUMNS + " FROM eval_assessment WHERE cycle_id = ?"
				+ (communityId == null ? "" : " AND community_id = ?") + " ORDER BY community_id", Reviews::assessment,
				Sql.args(cycleId, communityId));
	}

	private static Assessment assessment(ResultSet rs) throws SQLException {
		String bundle = rs.getString(13);
		Provenance p = bundle == null ? null : new Provenance(bundle, rs.getString(14), rs.getString(15), rs.getLong(16));
		return new Assessment(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getInt(6),
				rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getString(10), rs.getString(11), rs.getString(12), p,
				rs.getString(17));
	}

	/** The mean of a community's cast ballots over the five aspects, or null below the minimum; the count in {@code ballots}. */
	private static BigDecimal residents(Connection c, String cycleId, String communityId, int[] ballots) throws SQLException {
		return Sql.query(c, "SELECT COUNT(*), AVG((de + neng + qin + ji + lian) / 5) FROM eval_ballot WHERE cycle_id = ? AND community_id = ?",
				rs -> {
					ballots[0] = rs.getInt(1);
					BigDecimal mean = rs.getBigDecimal(2);
					return ballots[0] < Ballots.MINIMUM || mean == null ? null : mean.setScale(2, RoundingMode.HALF_UP);
				}, cycleId, communityId).get(0);
	}

	/** Why an answer is not an assessment, or null when it is one. */
	static String fault(ReviewResult r) {
		if (r == null || r.score() == null) {
			return "answered no score";
		}
		if (r.score().signum() < 0 || r.score().compareTo(HUNDRED) > 0) {
			return "answered a score outside 0–100: " + r.score().toPlainString();
		}
		if (!ReviewResult.GRADES.contains(r.grade())) {
			return "answered the grade '" + r.grade() + "', not one of " + ReviewResult.GRADES;
		}
		if (r.explanation() == null || r.explanation().isBlank()) {
			return "answered without an explanation";
		}
		return null;
	}

	private static String clip(String text) {
		return text == null || text.length() <= 1000 ? text : text.substring(0, 999) + "…";
	}

	private static String hash(MessageDigest sha, ReviewInput in) {
		StringBuilder b = new StringBuilder();
		b.append(in.personId()).append('\n').append(in.communityId()).append('\n').append(in.period()).append('\n');
		for (BigDecimal v : new BigDecimal[] { in.self(), in.residents(), in.street(), in.organization() }) {
			b.append(v == null ? "-" : v.stripTrailingZeros().toPlainString()).append('\n');
		}
		b.append(in.ballots()).append("\n\n");
		new TreeMap<>(in.parameters()).forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
		sha.reset();
		return HexFormat.of().formatHex(sha.digest(b.toString().getBytes(StandardCharsets.UTF_8)));
	}

	private Community community(Cycle cycle, String communityId) {
		if (communityId == null || communityId.isBlank()) {
			throw Fields.missing("communityId");
		}
		Community community = units.community(communityId)
				.orElseThrow(() -> ProblemException.invalid("communityId", "没有这个社区：" + communityId, "No community with id '" + communityId + "'"));
		Street street = units.street(community.streetId()).orElseThrow();
		if (!street.districtId().equals(cycle.districtId())) {
			throw ProblemException.invalid("communityId", community.name() + " 不在本周期所在区", community.name() + " is not in the cycle's district");
		}
		return community;
	}
}
