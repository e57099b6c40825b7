package org.touyan.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.touyan.api.store.BulkInsert.column;
import static org.touyan.api.store.BulkInsert.Type.BIGINT;
import static org.touyan.api.store.BulkInsert.Type.BOOLEAN;
import static org.touyan.api.store.BulkInsert.Type.DATE;
import static org.touyan.api.store.BulkInsert.Type.DECIMAL;
import static org.touyan.api.store.BulkInsert.Type.INTEGER;
import static org.touyan.api.store.BulkInsert.Type.TIMESTAMP;
import static org.touyan.api.store.BulkInsert.Type.VARCHAR;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touyan.api.store.BulkInsert;

/** Bulk inserts on HSQLDB (a batch); {@link PostgresBulkInsertTest} runs the same tests on PostgreSQL (arrays). */
class BulkInsertTest {

	private static final Instant AT = Instant.parse("2026-07-01T08:30:15.125Z");

	private TestDatabase db;

	TestDatabase database() {
		return TestDatabase.hsqldb(2);
	}

	@BeforeEach
	void open() throws Exception {
		db = database();
		try (Connection c = db.connect(); Statement s = c.createStatement()) {
			s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(100), big BIGINT, score DECIMAL(9,2), ok BOOLEAN, day DATE,"
					+ " seen_at TIMESTAMP(3) WITH TIME ZONE)");
		}
	}

	@AfterEach
	void close() {
		db.close();
	}

	private static BulkInsert rows(Connection c) throws SQLException {
		return BulkInsert.into(c, "t", column("id", INTEGER), column("name", VARCHAR), column("big", BIGINT), column("score", DECIMAL),
				column("ok", BOOLEAN), column("day", DATE), column("seen_at", TIMESTAMP));
	}

	/** More rows than one statement takes, every type, text that needs quoting in an array, and nulls: each reads back as written. */
	@Test
	void everyRowAndValueReadsBackAsWritten() throws Exception {
		int n = 2 * BulkInsert.SIZE + 7;
		try (Connection c = db.connect()) {
			c.setAutoCommit(false);
			try (BulkInsert rows = rows(c)) {
				for (int i = 0; i < n; i++) {
					boolean empty = i % 10 == 3;
					rows.add(i, empty ? null : "社区 \"" + i + "\", {a,b} \\ '" + i + "'", empty ? null : 10_000_000_000L + i,
							empty ? null : new BigDecimal("1E+2").add(BigDecimal.valueOf(i, 2)), empty ? null : i % 2 == 0,
							empty ? null : LocalDate.of(2026, 1, 1).plusDays(i % 365), empty ? null : i % 3 == 0 ? AT : Timestamp.from(AT));
				}
				rows.flush();
			}
			c.commit();
		}
		assertEquals(n, db.count("SELECT COUNT(*) FROM t"));
		try (Connection c = db.connect(); Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("SELECT id, name, big, score, ok, day, seen_at FROM t WHERE id IN (0, 3, 5001, 10006) ORDER BY id")) {
			rs.next();
			assertEquals(0, rs.getInt(1));
			assertEquals("社区 \"0\", {a,b} \\ '0'", rs.getString(2));
			assertEquals(10_000_000_000L, rs.getLong(3));
			assertEquals(new BigDecimal("100.00"), rs.getBigDecimal(4));
			assertTrue(rs.getBoolean(5));
			assertEquals(LocalDate.of(2026, 1, 1), rs.getDate(6).toLocalDate());
			assertEquals(AT, rs.getTimestamp(7).toInstant());
			rs.next();
			assertEquals(3, rs.getInt(1));
			for (int col = 2; col <= 7; col++) {
				assertNull(rs.getObject(col), "column " + col + " of an empty row");
			}
			rs.next();
			assertEquals(new BigDecimal("150.01"), rs.getBigDecimal(4));
			assertEquals(AT, rs.getTimestamp(7).toInstant());
			rs.next();
			assertEquals(10006, rs.getInt(1));
			assertEquals(new BigDecimal("200.06"), rs.getBigDecimal(4));
		}
	}

	/** A key taken twice fails as an integrity violation, and the transaction rolled back keeps none of its rows. */
	@Test
	void aDuplicateKeyFailsAndTheRolledBackTransactionKeepsNothing() throws Exception {
		try (Connection c = db.connect()) {
			c.setAutoCommit(false);
			SQLException e = assertThrows(SQLException.class, () -> {
				try (BulkInsert rows = rows(c)) {
					for (int i = 0; i < BulkInsert.SIZE + 10; i++) {
						rows.add(i == BulkInsert.SIZE + 5 ? 1 : i, null, null, null, null, null, null);
					}
					rows.flush();
				}
			});
			assertTrue(String.valueOf(e.getSQLState()).startsWith("23"), "SQLSTATE " + e.getSQLState());
			c.rollback();
		}
		assertEquals(0, db.count("SELECT COUNT(*) FROM t"));
	}

	@Test
	void aRowOfTheWrongWidthOrAnUnsafeNameIsRefusedBeforeAnyStatement() throws Exception {
		try (Connection c = db.connect(); BulkInsert rows = rows(c)) {
			assertThrows(IllegalArgumentException.class, () -> rows.add(1, "one"));
			assertThrows(IllegalArgumentException.class, () -> BulkInsert.into(c, "t; DROP TABLE t", column("id", INTEGER)));
			assertThrows(IllegalArgumentException.class, () -> column("id)", INTEGER));
		}
	}
}
