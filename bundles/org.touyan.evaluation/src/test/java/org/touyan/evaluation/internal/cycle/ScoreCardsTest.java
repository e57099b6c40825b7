package org.touyan.evaluation.internal.cycle;

import org.touyan.evaluation.internal.MemoryStore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.touyan.api.store.Sql;

class ScoreCardsTest {

	@Test
	void aCardListsTheScoresByDimensionWithTwoDecimals() {
		Map<String, BigDecimal> scores = Map.of("ZFW", new BigDecimal("60.5"), "JWJW", new BigDecimal("100"), "MZJ", new BigDecimal("0.25"));
		String card = ScoreCards.encode(scores);
		assertEquals("JWJW=100.00;MZJ=0.25;ZFW=60.50", card);
		assertEquals(Map.of("JWJW", new BigDecimal("100.00"), "MZJ", new BigDecimal("0.25"), "ZFW", new BigDecimal("60.50")),
				ScoreCards.decode(card));
	}

	/** A database that had scores before the cards existed gets the cards the entries would have made. */
	@Test
	void theMigrationMakesTheCardsOfScoresEnteredBefore() throws Exception {
		String migration = "V13__score_cards.sql";
		String[] before = Arrays.copyOf(MemoryStore.MIGRATIONS, Arrays.asList(MemoryStore.MIGRATIONS).indexOf(migration));
		org.touyan.testing.MemoryStore store = new org.touyan.testing.MemoryStore("evaluation", before);
		try (Connection c = store.connect(); Statement s = c.createStatement()) {
			s.execute("INSERT INTO eval_cycle (id, district_id, period, pin_key, status, score_min, score_max, created_at, updated_at)"
					+ " VALUES ('y', 'd1', '2026-H1', 'T', 'OPEN', 0, 100, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
			for (String[] row : List.of(new String[] { "c1", "ZFW", "60.5" }, new String[] { "c1", "MZJ", "99" },
					new String[] { "c2", "MZJ", "70.25" })) {
				s.execute("INSERT INTO eval_score (cycle_id, community_id, street_id, department_id, dimension, score, actor, entered_at)"
						+ " VALUES ('y', '" + row[0] + "', 's1', 'dep-" + row[1] + "', '" + row[1] + "', " + row[2] + ", 'x', CURRENT_TIMESTAMP)");
			}
			try (InputStream in = getClass().getResourceAsStream("/db/evaluation/" + migration)) {
				for (String statement : new String(in.readAllBytes(), StandardCharsets.UTF_8).split(";\\s*\\n")) {
					if (!statement.replaceAll("(?m)^--.*$", "").isBlank()) {
						s.execute(statement);
					}
				}
			}
		}
		List<ScoreCards.Card> cards = store.read(c -> ScoreCards.read(c, "y"));
		assertEquals(List.of(new ScoreCards.Card("c1", "s1", ScoreCards.decode("MZJ=99.00;ZFW=60.50")),
				new ScoreCards.Card("c2", "s1", ScoreCards.decode("MZJ=70.25"))),
				cards.stream().sorted(java.util.Comparator.comparing(ScoreCards.Card::communityId)).toList());
		assertEquals("MZJ=99.00;ZFW=60.50", store.read(c -> Sql.one(c, "SELECT scores FROM eval_score_card WHERE community_id = 'c1'",
				rs -> rs.getString(1))).orElseThrow(), "the same text the entries write");
	}
}
