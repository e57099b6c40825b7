package org.touyan.evaluation.internal.review;

import org.touyan.evaluation.internal.cycle.Cycle;
import org.touyan.evaluation.internal.cycle.CycleStatus;
import org.touyan.evaluation.internal.cycle.Cycles;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.touyan.api.security.Sha256;
import org.touyan.api.registry.Community;
import org.touyan.api.registry.OrgUnits;
import org.touyan.api.registry.Street;
import org.touyan.api.rest.Fields;
import org.touyan.api.rest.Nullable;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.store.Sql;
import org.touyan.api.store.Store;

/**
 * The residents' review (群众评议) on 德 能 勤 绩 廉 by anonymous one-time ballots: a cycle issues
 * ballots per community, each token casts once (a second use is a 409), and the residents' part
 * counts only from {@link #MINIMUM} cast ballots of a community on.
 */
@Component(service = Ballots.class)
public class Ballots {

	/** Cast ballots a community needs before its residents' review counts. */
	public static final int MINIMUM = 10;
	private static final int MAX_ISSUE = 1000;
	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
	private static final SecureRandom RANDOM = new SecureRandom();

	/** The five aspects residents judge, by field name. */
	static final Map<String, String> ASPECTS = aspects();

	private final Store store;
	private final OrgUnits units;
	private final Cycles cycles;

	@Activate
	public Ballots(@Reference(target = "(touyan.schema=evaluation)") Store store, @Reference OrgUnits units,
			@Reference Cycles cycles) {
		this.store = store;
		this.units = units;
		this.cycles = cycles;
	}

	private static Map<String, String> aspects() {
		Map<String, String> m = new LinkedHashMap<>();
		m.put("de", "德");
		m.put("neng", "能");
		m.put("qin", "勤");
		m.put("ji", "绩");
		m.put("lian", "廉");
		return m;
	}

	/** How many ballots to issue for which community. */
	public record IssueRequest(String communityId, @Nullable Integer count) {
	}

	/** The issued tokens: shown once, never stored in the clear. */
	public record Issued(String cycleId, String communityId, List<String> tokens) {
	}

	/** A resident's ballot: each aspect 0–100. */
	public record BallotInput(BigDecimal de, BigDecimal neng, BigDecimal qin, BigDecimal ji, BigDecimal lian) {
	}

	/**
	 * A community's residents' review so far: ballots issued and cast, whether the minimum is
	 * reached, and the mean of each aspect and of all five (null before any ballot).
	 */
	public record Tally(String cycleId, String communityId, int issued, int cast, int minimum, boolean counts,
			Map<String, BigDecimal> means, @Nullable BigDecimal mean) {
	}

	/**
	 * What a resident's ballot page shows before anything is entered: the community and half-year
	 * the ballot is for, and whether it can be cast ({@code OPEN}), was cast ({@code USED}) or its
	 * cycle no longer takes ballots ({@code CLOSED}). Nothing links it to a cast ballot.
	 */
	public record BallotStatus(String communityName, String period, String state) {
	}

	/** The status of a token; an unknown token is the same 404 as casting it. */
	public BallotStatus status(String token) {
		String hash = hash(token == null ? "" : token);
		Object[] found = store.read(c -> Sql.query(c, "SELECT cycle_id, community_id, used FROM eval_ballot_token WHERE token_hash = ?",
				rs -> new Object[] { rs.getString(1), rs.getString(2), rs.getBoolean(3) }, hash).stream().findFirst().orElse(null));
		if (found == null) {
			throw unknownToken();
		}
		Cycle cycle = cycles.require((String) found[0]);
		String community = units.community((String) found[1]).map(Community::name).orElse("");
		String state = Boolean.TRUE.equals(found[2]) ? "USED" : cycle.status() == CycleStatus.OPEN ? "OPEN" : "CLOSED";
		return new BallotStatus(community, cycle.period(), state);
	}

	private static ProblemException unknownToken() {
		return new ProblemException(404, "Not found", "没有这张评议票：该票码不是本平台发放的", "No such ballot: the token was not issued here", null);
	}

	/** Issues {@code count} ballots for a community of the cycle's district while the cycle is open. */
	public Issued issue(String cycleId, IssueRequest request) {
		Cycle cycle = cycles.require(cycleId);
		if (cycle.status() != CycleStatus.OPEN) {
			throw new ProblemException(409, "Conflict", "只有评分中（OPEN）的周期才能发放群众评议票，本周期为" + cycle.status().displayName()
					+ "（" + cycle.status().name() + "）", "Ballots are issued only while the cycle is OPEN; it is " + cycle.status().name(), null);
		}
		if (request == null || request.communityId() == null || request.communityId().isBlank()) {
			throw Fields.missing("communityId");
		}
		requireCommunity(cycle, request.communityId());
		if (request.count() == null || request.count() < 1 || request.count() > MAX_ISSUE) {
			throw ProblemException.invalid("count", "发放张数为 1 至 " + MAX_ISSUE, "count is from 1 to " + MAX_ISSUE);
		}
		// the tokens are made inside the work: a transaction run again after a conflict makes new ones
		List<String> tokens = store.write(c -> {
			List<String> issued = new ArrayList<>();
			java.sql.Timestamp now = Sql.now();
			try (PreparedStatement ps = c.prepareStatement("INSERT INTO eval_ballot_token (token_hash, cycle_id, community_id, used,"
					+ " issued_at) VALUES (?, ?, ?, FALSE, ?)")) {
				for (int i = 0; i < request.count(); i++) {
					byte[] raw = new byte[18];
					RANDOM.nextBytes(raw);
					String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
					issued.add(token);
					Sql.bind(ps, hash(token), cycleId, request.communityId(), now);
					ps.addBatch();
				}
				ps.executeBatch();
			}
			return issued;
		});
		return new Issued(cycleId, request.communityId(), tokens);
	}

	/** Casts one ballot: the token must exist, be unused, and its cycle open; every aspect is 0–100. */
	public void cast(String token, BallotInput input) {
		if (input == null) {
			throw ProblemException.invalid(null, "请求须带 JSON 正文：de、neng、qin、ji、lian", "A JSON body is required: de, neng, qin, ji, lian");
		}
		BigDecimal[] values = { input.de(), input.neng(), input.qin(), input.ji(), input.lian() };
		String[] names = ASPECTS.keySet().toArray(String[]::new);
		for (int i = 0; i < values.length; i++) {
			if (values[i] == null || values[i].signum() < 0 || values[i].compareTo(HUNDRED) > 0 || values[i].stripTrailingZeros().scale() > 2) {
				throw ProblemException.invalid(names[i], "“" + ASPECTS.get(names[i]) + "”（" + names[i] + "）的分数为 0 至 100",
						names[i] + " (" + ASPECTS.get(names[i]) + ") is a score from 0 to 100");
			}
		}
		String hash = hash(token == null ? "" : token);
		store.write(c -> {
			List<String[]> found = Sql.query(c, "SELECT cycle_id, community_id FROM eval_ballot_token WHERE token_hash = ?",
					rs -> new String[] { rs.getString(1), rs.getString(2) }, hash);
			if (found.isEmpty()) {
				throw unknownToken();
			}
			Cycle cycle = Cycles.find(c, found.get(0)[0]).orElseThrow();
			if (cycle.status() != CycleStatus.OPEN) {
				throw new ProblemException(409, "Conflict", "只有评分中（OPEN）的周期才能投票，本周期为" + cycle.status().displayName()
						+ "（" + cycle.status().name() + "）", "Ballots are cast only while the cycle is OPEN; it is " + cycle.status().name(), null);
			}
			int n = Sql.update(c, "UPDATE eval_ballot_token SET used = TRUE WHERE token_hash = ? AND used = FALSE", null, null, hash);
			if (n == 0) {
				throw new ProblemException(409, "Conflict", "这张评议票已投过，每张票只计一次",
						"This ballot has been cast already: each ballot counts once", null);
			}
			Sql.update(c, "INSERT INTO eval_ballot (cycle_id, community_id, de, neng, qin, ji, lian) VALUES (?, ?, ?, ?, ?, ?, ?)", null, null,
					found.get(0)[0], found.get(0)[1], values[0], values[1], values[2], values[3], values[4]);
			return null;
		});
	}

	/** The residents' review of a community in a cycle. */
	public Tally tally(String cycleId, String communityId) {
		Cycle cycle = cycles.require(cycleId);
		requireCommunity(cycle, communityId);
		return store.read(c -> {
			int issued = Sql.query(c, "SELECT COUNT(*) FROM eval_ballot_token WHERE cycle_id = ? AND community_id = ?",
					rs -> rs.getInt(1), cycleId, communityId).get(0);
			return Sql.query(c, "SELECT COUNT(*), AVG(de), AVG(neng), AVG(qin), AVG(ji), AVG(lian) FROM eval_ballot"
					+ " WHERE cycle_id = ? AND community_id = ?", rs -> {
						int cast = rs.getInt(1);
						Map<String, BigDecimal> means = new LinkedHashMap<>();
						BigDecimal sum = BigDecimal.ZERO;
						int i = 2;
						for (String aspect : ASPECTS.keySet()) {
							BigDecimal avg = rs.getBigDecimal(i++);
							if (avg != null) {
								avg = avg.setScale(2, RoundingMode.HALF_UP);
								means.put(aspect, avg);
								sum = sum.add(avg);
							}
						}
						BigDecimal mean = cast == 0 ? null : sum.divide(BigDecimal.valueOf(ASPECTS.size()), 2, RoundingMode.HALF_UP);
						return new Tally(cycleId, communityId, issued, cast, MINIMUM, cast >= MINIMUM, means, mean);
					}, cycleId, communityId).get(0);
		});
	}

	private void requireCommunity(Cycle cycle, String communityId) {
		Community community = units.community(communityId)
				.orElseThrow(() -> ProblemException.invalid("communityId", "没有这个社区：" + communityId, "No community with id '" + communityId + "'"));
		Street street = units.street(community.streetId()).orElseThrow();
		if (!street.districtId().equals(cycle.districtId())) {
			throw ProblemException.invalid("communityId", community.name() + " 不在本周期所在区", community.name() + " is not in the cycle's district");
		}
	}

	static String hash(String token) {
		return Sha256.hex(token);
	}
}
