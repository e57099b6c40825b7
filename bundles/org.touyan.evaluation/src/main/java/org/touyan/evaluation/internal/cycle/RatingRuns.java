package org.touyan.evaluation.internal.cycle;

import static org.touyan.api.store.BulkInsert.column;
import static org.touyan.api.store.BulkInsert.Type.BIGINT;
import static org.touyan.api.store.BulkInsert.Type.DECIMAL;
import static org.touyan.api.store.BulkInsert.Type.INTEGER;
import static org.touyan.api.store.BulkInsert.Type.VARCHAR;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.touyan.api.security.Sha256;
import org.touyan.api.evaluation.StarRating;
import org.touyan.api.evaluation.StarRatingFormula;
import org.touyan.api.evaluation.StarRatingInput;
import org.touyan.api.policy.Policies;
import org.touyan.api.policy.Policies.Result;
import org.touyan.api.policy.Policies.Scope;
import org.touyan.api.policy.PolicyFailureException;
import org.touyan.api.policy.Provenance;
import org.touyan.api.registry.Archive;
import org.touyan.api.registry.People;
import org.touyan.api.registry.Post;
import org.touyan.api.registry.PostKind;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.rest.RestConstants;
import org.touyan.api.store.BulkInsert;
import org.touyan.api.store.Sql;
import org.touyan.api.store.Store;
import org.touyan.evaluation.internal.cycle.ScoreCards.Card;
import org.touyan.api.tabular.Column;
import org.touyan.api.tabular.Table;

/**
 * Rates a whole cycle: every scored community by its street's formula as pinned for the cycle,
 * stored with provenance in one transaction together with the secretaries' archive entries.
 *
 * <p>Built for a national-scale district (the benchmark rates 120,000 communities): the scores are
 * read from the communities' score cards, one row each ({@link ScoreCards}), a street's communities go to its formula in chunks of one policy call
 * each (a call's hand-over to the contained thread costs more than rating one community), and the
 * ratings are inserted in bulk ({@link BulkInsert}). Containment stays per community: a formula that throws or
 * answers out of range for one community fails that community only; one that hangs fails its chunk.
 */
@Component(service = RatingRuns.class)
public class RatingRuns {

	/** Communities per policy call: small enough that a chunk stays well inside a call's time limit. */
	public static final int CHUNK = 1000;
	private static final int EXPLANATION = 2000;
	private static final BigDecimal SCORE_LIMIT = new BigDecimal("10000000");

	private final Store store;
	private final Policies policies;
	private final People people;
	private final Archive archive;

	@Activate
	public RatingRuns(@Reference(target = "(touyan.schema=evaluation)") Store store, @Reference Policies policies,
			@Reference People people, @Reference Archive archive) {
		this.store = store;
		this.policies = policies;
		this.people = people;
		this.archive = archive;
	}

	/** Rates every scored community of {@code cycle} as a new run and stores the results. */
	public RatingRun rate(Cycle cycle, String reason, String actor) {
		long start = System.nanoTime();
		Instant startedAt = Instant.now();
		List<Card> scored = store.read(c -> ScoreCards.read(c, cycle.id()));
		List<Rating> ratings = compute(cycle, scored);
		Map<String, String> secretaries = secretaries();
		return store.write(c -> {
			Cycle now = Cycles.find(c, cycle.id()).orElseThrow(() -> ProblemException.notFound("评价周期", "evaluation cycle", cycle.id()));
			if (now.status() != CycleStatus.SCORING_CLOSED) {
				throw new ProblemException(409, "Conflict", "评价周期已被他人改动，当前为" + now.status().displayName()
						+ "（" + now.status().name() + "）",
						"The cycle changed meanwhile: it is " + now.status().name(), null);
			}
			int run = Sql.query(c, "SELECT COALESCE(MAX(run), 0) FROM eval_rating_run WHERE cycle_id = ?", rs -> rs.getInt(1),
					cycle.id()).get(0) + 1;
			Map<String, Rating> before = run == 1 ? Map.of() : previous(c, cycle.id(), secretaries);
			Sql.update(c, "DELETE FROM eval_rating WHERE cycle_id = ?", null, null, cycle.id());
			insert(c, ratings, run);
			int failed = (int) ratings.stream().filter(r -> r.failure() != null).count();
			long millis = (System.nanoTime() - start) / 1_000_000;
			RatingRun done = new RatingRun(cycle.id(), run, reason, actor, ratings.size() - failed, failed, startedAt, millis);
			Sql.update(c, "INSERT INTO eval_rating_run (cycle_id, run, reason, actor, rated, failed, started_at, millis)"
					+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", null, null, cycle.id(), run, reason, actor, done.rated(), failed,
					java.sql.Timestamp.from(startedAt), millis);
			for (Rating r : ratings) {
				String person = secretaries.get(r.communityId());
				if (person != null) {
					Rating rated = new Rating(r.cycleId(), r.communityId(), r.streetId(), run, r.score(), r.stars(), r.explanation(),
							r.failure(), r.provenance(), r.inputHash());
					archive.append(c, person, actor, run == 1 ? "star-rating.rated" : "star-rating.rerated",
							"evaluation-cycle/" + cycle.id() + "/rating/" + r.communityId(), before.get(r.communityId()), rated);
				}
			}
			return done;
		});
	}

	/**
	 * Rates {@code scored} (grouped by street) with the formulas pinned for the cycle, a chunk of one
	 * street per call; chunks run on the common pool's threads as well as the caller's, so every
	 * core rates. The order of {@code scored} is kept.
	 */
	List<Rating> compute(Cycle cycle, List<Card> scored) {
		List<List<Card>> chunks = new ArrayList<>();
		int from = 0;
		while (from < scored.size()) {
			String street = scored.get(from).streetId();
			int to = from;
			while (to < scored.size() && to - from < CHUNK && scored.get(to).streetId().equals(street)) {
				to++;
			}
			chunks.add(scored.subList(from, to));
			from = to;
		}
		List<Rating> out = new ArrayList<>(scored.size());
		chunks.parallelStream().map(chunk -> chunk(cycle, chunk.get(0).streetId(), chunk)).forEachOrdered(out::addAll);
		return out;
	}

	private List<Rating> chunk(Cycle cycle, String street, List<Card> chunk) {
		Result<List<Outcome>> result;
		try {
			result = policies.apply(StarRatingFormula.class, new Scope(cycle.districtId(), street), cycle.pinKey(),
					(formula, parameters) -> {
						MessageDigest sha = Sha256.digest();
						List<Outcome> outcomes = new ArrayList<>(chunk.size());
						for (Card s : chunk) {
							StarRatingInput input = new StarRatingInput(s.communityId(), s.streetId(), cycle.period(), s.scores(), parameters);
							String hash = hash(sha, input);
							try {
								outcomes.add(new Outcome(formula.rate(input), null, hash));
							} catch (RuntimeException e) {
								outcomes.add(new Outcome(null, "运行出错：" + e, hash));
							}
						}
						return outcomes;
					});
		} catch (PolicyFailureException e) {
			// the whole call failed (it ran past its time limit): each community of the chunk says so
			MessageDigest sha = Sha256.digest();
			List<Rating> failed = new ArrayList<>(chunk.size());
			for (Card s : chunk) {
				String hash = hash(sha, new StarRatingInput(s.communityId(), s.streetId(), cycle.period(), s.scores(), Map.of()));
				failed.add(new Rating(cycle.id(), s.communityId(), s.streetId(), 0, null, null, null, clip(e.detail(null)),
						e.provenance(), hash));
			}
			return failed;
		}
		List<Rating> ratings = new ArrayList<>(chunk.size());
		for (int i = 0; i < chunk.size(); i++) {
			Card s = chunk.get(i);
			Outcome o = result.value().get(i);
			String fault = o.failure() != null ? o.failure() : fault(o.rating());
			if (fault != null) {
				ratings.add(new Rating(cycle.id(), s.communityId(), s.streetId(), 0, null, null, null, clip(fault), result.provenance(),
						o.hash()));
			} else {
				ratings.add(new Rating(cycle.id(), s.communityId(), s.streetId(), 0, o.rating().score().setScale(2, RoundingMode.HALF_UP),
						o.rating().stars(), clip(o.rating().explanation()), null, result.provenance(), o.hash()));
			}
		}
		return ratings;
	}

	/** What one community's formula call gave: a rating or the failure, and the hash of its input. */
	private record Outcome(StarRating rating, String failure, String hash) {
	}

	/** Why an answer is not a rating, in Chinese as the community's rating shows it, or null when it is one. */
	static String fault(StarRating r) {
		if (r == null || r.score() == null) {
			return "未答复得分";
		}
		if (r.score().abs().compareTo(SCORE_LIMIT) >= 0) {
			return "答复的得分超出范围：" + r.score().toPlainString();
		}
		if (r.stars() < 1 || r.stars() > 5) {
			return "答复了 " + r.stars() + " 星，不在 1–5 星之间";
		}
		if (r.explanation() == null || r.explanation().isBlank()) {
			return "答复缺少说明";
		}
		return null;
	}

	private static String clip(String text) {
		return text == null || text.length() <= EXPLANATION ? text : text.substring(0, EXPLANATION - 1) + "…";
	}

	/**
	 * SHA-256 of a formula's whole input in a canonical order: community, street, period, each score
	 * and each parameter sorted by key, so the same input always gives the same hash.
	 */
	static String hash(MessageDigest sha, StarRatingInput input) {
		StringBuilder b = new StringBuilder(256);
		b.append(input.communityId()).append('\n').append(input.streetId()).append('\n').append(input.period()).append('\n');
		new TreeMap<>(input.scores()).forEach((k, v) -> b.append(k).append('=').append(v.stripTrailingZeros().toPlainString()).append('\n'));
		b.append('\n');
		new TreeMap<>(input.parameters()).forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
		sha.reset();
		return HexFormat.of().formatHex(sha.digest(b.toString().getBytes(StandardCharsets.UTF_8)));
	}

	private static void insert(Connection c, List<Rating> ratings, int run) throws SQLException {
		try (BulkInsert rows = BulkInsert.into(c, "eval_rating", column("cycle_id", VARCHAR), column("community_id", VARCHAR),
				column("street_id", VARCHAR), column("run", INTEGER), column("total", DECIMAL), column("stars", INTEGER),
				column("explanation", VARCHAR), column("failure", VARCHAR), column("plugin_bundle", VARCHAR),
				column("plugin_version", VARCHAR), column("policy_id", VARCHAR), column("binding_revision", BIGINT),
				column("input_hash", VARCHAR))) {
			for (Rating r : ratings) {
				Provenance p = r.provenance();
				rows.add(r.cycleId(), r.communityId(), r.streetId(), run, r.score(), r.stars(), r.explanation(), r.failure(),
						p == null ? null : p.bundle(), p == null ? null : p.version(), p == null ? null : p.policyId(),
						p == null ? null : p.bindingRevision(), r.inputHash());
			}
			rows.flush();
		}
	}

	static final String RATING_COLUMNS = "cycle_id, community_id, street_id, run, total, stars, explanation, failure, plugin_bundle,"
			+ " plugin_version, policy_id, binding_revision, input_hash";

	static Rating rating(ResultSet rs) throws SQLException {
		String bundle = rs.getString(9);
		Provenance p = bundle == null ? null : new Provenance(bundle, rs.getString(10), rs.getString(11), rs.getLong(12));
		int stars = rs.getInt(6);
		return new Rating(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getBigDecimal(5),
				rs.wasNull() ? null : stars, rs.getString(7), rs.getString(8), p, rs.getString(13));
	}

	/** The ratings being replaced, of the communities whose secretaries' archives record the change. */
	private static Map<String, Rating> previous(Connection c, String cycleId, Map<String, String> secretaries) throws SQLException {
		Map<String, Rating> before = new HashMap<>();
		if (secretaries.isEmpty()) {
			return before;
		}
		for (Rating r : Sql.query(c, "SELECT " + RATING_COLUMNS + " FROM eval_rating WHERE cycle_id = ?", RatingRuns::rating, cycleId)) {
			if (secretaries.containsKey(r.communityId())) {
				before.put(r.communityId(), r);
			}
		}
		return before;
	}

	/** The current Party secretary of each community (community id → person id). */
	public Map<String, String> secretaries() {
		Map<String, String> byCommunity = new HashMap<>();
		for (int offset = 0;; offset += RestConstants.MAX_LIMIT) {
			Page<Post> page = people.posts(null, null, PostKind.COMMUNITY_SECRETARY, true, Paging.of(offset, RestConstants.MAX_LIMIT));
			page.items().forEach(p -> byCommunity.put(p.unitId(), p.personId()));
			if (offset + RestConstants.MAX_LIMIT >= page.total()) {
				return byCommunity;
			}
		}
	}

	/** The ratings of a cycle, of one street or all, a page at a time. */
	public Page<Rating> ratings(String cycleId, String streetId, Paging paging) {
		return ratings(cycleId, streetId, null, paging);
	}

	/** The cycle's ratings of a street (or all), of one level when {@code stars} is 1–5 or {@code failed} (or every one when null). */
	public Page<Rating> ratings(String cycleId, String streetId, String stars, Paging paging) {
		List<Object> args = new ArrayList<>(List.of(cycleId));
		String where = " WHERE cycle_id = ?";
		if (streetId != null && !streetId.isBlank()) {
			where += " AND street_id = ?";
			args.add(streetId);
		}
		if ("failed".equals(stars)) {
			where += " AND stars IS NULL";
		} else if (stars != null) {
			where += " AND stars = ?";
			args.add(Integer.parseInt(stars));
		}
		String select = "SELECT " + RATING_COLUMNS + " FROM eval_rating" + where;
		return store.read(c -> Sql.page(c, select, "street_id, community_id", paging, RatingRuns::rating, args));
	}

	/** Every current rating of a cycle, by street and community. */
	public List<Rating> all(String cycleId) {
		return store.read(c -> Sql.query(c, "SELECT " + RATING_COLUMNS + " FROM eval_rating WHERE cycle_id = ? ORDER BY street_id, community_id",
				RatingRuns::rating, cycleId));
	}

	public java.util.Optional<Rating> rating(String cycleId, String communityId) {
		return store.read(c -> Sql.one(c, "SELECT " + RATING_COLUMNS + " FROM eval_rating WHERE cycle_id = ? AND community_id = ?",
				RatingRuns::rating, cycleId, communityId));
	}

	public List<RatingRun> runs(String cycleId) {
		return store.read(c -> Sql.query(c, "SELECT cycle_id, run, reason, actor, rated, failed, started_at, millis FROM eval_rating_run"
				+ " WHERE cycle_id = ? ORDER BY run", rs -> new RatingRun(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
						rs.getInt(5), rs.getInt(6), rs.getTimestamp(7).toInstant(), rs.getLong(8)), cycleId));
	}

	/** The star distribution of a cycle's current ratings, per street (by street id) and for the district. */
	public StarReport report(Cycle cycle) {
		return store.read(c -> {
			int run = Sql.query(c, "SELECT COALESCE(MAX(run), 0) FROM eval_rating_run WHERE cycle_id = ?", rs -> rs.getInt(1),
					cycle.id()).get(0);
			Map<String, int[]> counts = new TreeMap<>();
			Map<String, BigDecimal> sums = new HashMap<>();
			Sql.query(c, "SELECT street_id, stars, COUNT(*), SUM(total) FROM eval_rating WHERE cycle_id = ? GROUP BY street_id, stars",
					rs -> {
						int[] n = counts.computeIfAbsent(rs.getString(1), k -> new int[6]);
						int stars = rs.getInt(2);
						n[rs.wasNull() ? 0 : stars] += rs.getInt(3);
						BigDecimal sum = rs.getBigDecimal(4);
						if (sum != null) {
							sums.merge(rs.getString(1), sum, BigDecimal::add);
						}
						return null;
					}, cycle.id());
			List<StarReport.StreetStars> streets = new ArrayList<>();
			int[] all = new int[6];
			BigDecimal total = BigDecimal.ZERO;
			for (Map.Entry<String, int[]> e : counts.entrySet()) {
				streets.add(stars(e.getKey(), e.getValue(), sums.getOrDefault(e.getKey(), BigDecimal.ZERO)));
				for (int i = 0; i < 6; i++) {
					all[i] += e.getValue()[i];
				}
				total = total.add(sums.getOrDefault(e.getKey(), BigDecimal.ZERO));
			}
			return new StarReport(cycle.id(), cycle.period(), cycle.status(), run, stars(null, all, total), streets);
		});
	}

	private static StarReport.StreetStars stars(String street, int[] n, BigDecimal sum) {
		int rated = n[1] + n[2] + n[3] + n[4] + n[5];
		BigDecimal mean = rated == 0 ? null : sum.divide(BigDecimal.valueOf(rated), 2, RoundingMode.HALF_UP);
		return new StarReport.StreetStars(street, rated, n[0], List.of(n[1], n[2], n[3], n[4], n[5]), mean);
	}

	/** A cycle's current ratings as CSV (UTF-8 with a byte order mark, so spreadsheets read the Chinese). */
	public String csv(String cycleId) {
		return table(cycleId).csv();
	}

	/** A cycle's current ratings as a table, with explanation, provenance and input hash. */
	public Table table(String cycleId) {
		Table out = new Table("ratings", Column.of("streetId", "街道ID"), Column.of("communityId", "社区ID"), Column.of("run", "评定轮次"),
				Column.of("score", "得分"), Column.of("stars", "星级"), Column.of("explanation", "评定说明"), Column.of("failure", "评定失败原因"),
				Column.of("pluginBundle", "评星插件"), Column.of("pluginVersion", "插件版本"), Column.of("policyId", "评星规则"),
				Column.of("bindingRevision", "绑定版本"), Column.of("inputHash", "输入摘要"));
		store.read(c -> Sql.query(c, "SELECT " + RATING_COLUMNS + " FROM eval_rating WHERE cycle_id = ? ORDER BY street_id, community_id",
				RatingRuns::rating, cycleId)).forEach(r -> {
					Provenance p = r.provenance();
					out.row(r.streetId(), r.communityId(), r.run(), r.score(), r.stars(), r.explanation(), r.failure(),
							p == null ? null : p.bundle(), p == null ? null : p.version(), p == null ? null : p.policyId(),
							p == null ? null : p.bindingRevision(), r.inputHash());
				});
		return out;
	}
}
