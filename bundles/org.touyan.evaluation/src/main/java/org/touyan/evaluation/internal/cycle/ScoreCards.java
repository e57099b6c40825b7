package org.touyan.evaluation.internal.cycle;

import static org.touyan.api.store.BulkInsert.column;
import static org.touyan.api.store.BulkInsert.Type.VARCHAR;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.touyan.api.store.BulkInsert;
import org.touyan.api.store.Sql;

/**
 * A community's score card of a cycle: all its departments' scores in one row of
 * {@code eval_score_card}, written in the transaction that writes {@code eval_score}. Rating reads
 * the cards, one row a community, since reading a national-scale cycle's 1.32 million score rows
 * alone took longer than the whole rating may.
 *
 * <p>A card is {@code CODE=score;CODE=score…} sorted by dimension, each score with two decimals.
 * Department codes are letters, digits, {@code _} and {@code -}, so neither separator occurs in them.
 */
public final class ScoreCards {

	private ScoreCards() {
	}

	/** One community's scores in a cycle by dimension, with its street. */
	record Card(String communityId, String streetId, Map<String, BigDecimal> scores) {
	}

	/** One department's score of one community, as entered. */
	public record Entry(String communityId, String streetId, BigDecimal score) {
	}

	static String encode(Map<String, BigDecimal> scores) {
		StringBuilder b = new StringBuilder(scores.size() * 16);
		new TreeMap<>(scores).forEach((dimension, score) -> {
			if (b.length() > 0) {
				b.append(';');
			}
			b.append(dimension).append('=').append(score.setScale(2, RoundingMode.UNNECESSARY).toPlainString());
		});
		return b.toString();
	}

	static Map<String, BigDecimal> decode(String card) {
		Map<String, BigDecimal> scores = new HashMap<>();
		int from = 0;
		while (from < card.length()) {
			int end = card.indexOf(';', from);
			if (end < 0) {
				end = card.length();
			}
			int eq = card.indexOf('=', from);
			scores.put(card.substring(from, eq), new BigDecimal(card.substring(eq + 1, end)));
			from = end + 1;
		}
		return Map.copyOf(scores);
	}

	/** Adds one department's newly entered scores to the communities' cards, making the missing cards. */
	public static void enter(Connection c, String cycleId, String dimension, Collection<Entry> entries) throws SQLException {
		Map<String, String> cards = new HashMap<>();
		try (PreparedStatement ps = c.prepareStatement("SELECT community_id, scores FROM eval_score_card WHERE cycle_id = ?")) {
			ps.setString(1, cycleId);
			ps.setFetchSize(10_000);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					cards.put(rs.getString(1), rs.getString(2));
				}
			}
		}
		try (PreparedStatement update = c.prepareStatement("UPDATE eval_score_card SET scores = ? WHERE cycle_id = ? AND community_id = ?");
				BulkInsert inserts = BulkInsert.into(c, "eval_score_card", column("cycle_id", VARCHAR), column("community_id", VARCHAR),
						column("street_id", VARCHAR), column("scores", VARCHAR))) {
			Sql.Batch updates = new Sql.Batch(update);
			for (Entry e : entries) {
				String card = cards.get(e.communityId());
				if (card == null) {
					inserts.add(cycleId, e.communityId(), e.streetId(), encode(Map.of(dimension, e.score())));
				} else {
					Map<String, BigDecimal> scores = new HashMap<>(decode(card));
					scores.put(dimension, e.score());
					Sql.bind(update, encode(scores), cycleId, e.communityId());
					updates.add();
				}
			}
			updates.flush();
			inserts.flush();
		}
	}

	/** Sets one department's corrected score on a community's card. */
	static void correct(Connection c, String cycleId, String communityId, String dimension, BigDecimal score) throws SQLException {
		String card = Sql.one(c, "SELECT scores FROM eval_score_card WHERE cycle_id = ? AND community_id = ?", rs -> rs.getString(1),
				cycleId, communityId).orElseThrow(() -> new IllegalStateException("a stored score without its card: " + communityId));
		Map<String, BigDecimal> scores = new HashMap<>(decode(card));
		scores.put(dimension, score);
		Sql.update(c, "UPDATE eval_score_card SET scores = ? WHERE cycle_id = ? AND community_id = ?", null, null, encode(scores), cycleId,
				communityId);
	}

	/** Every card of the cycle, a street's communities together. */
	static List<Card> read(Connection c, String cycleId) throws SQLException {
		Map<String, List<Card>> byStreet = new LinkedHashMap<>();
		try (PreparedStatement ps = c.prepareStatement("SELECT community_id, street_id, scores FROM eval_score_card WHERE cycle_id = ?")) {
			ps.setString(1, cycleId);
			ps.setFetchSize(10_000);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					String street = rs.getString(2);
					byStreet.computeIfAbsent(street, k -> new ArrayList<>()).add(new Card(rs.getString(1), street, decode(rs.getString(3))));
				}
			}
		}
		List<Card> out = new ArrayList<>();
		byStreet.values().forEach(out::addAll);
		return out;
	}
}
