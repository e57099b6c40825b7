package org.touyan.api.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.ProblemException;

class SqlTest {

	private Connection c;

	@BeforeEach
	void open() throws SQLException {
		c = DriverManager.getConnection("jdbc:hsqldb:mem:sql-" + UUID.randomUUID(), "SA", "");
		try (Statement s = c.createStatement()) {
			s.execute("CREATE TABLE unit (id VARCHAR(36) PRIMARY KEY, code VARCHAR(20) NOT NULL UNIQUE, kind VARCHAR(10),"
					+ " founded DATE, updated_at TIMESTAMP)");
		}
	}

	@AfterEach
	void close() throws SQLException {
		try (Statement s = c.createStatement()) {
			s.execute("SHUTDOWN");
		}
		c.close();
	}

	private void unit(String id, String code, String kind) throws SQLException {
		Sql.update(c, "INSERT INTO unit (id, code, kind, founded, updated_at) VALUES (?, ?, ?, ?, ?)", "code", null, id, code, kind,
				LocalDate.of(2020, 1, 2), Sql.now());
	}

	@Test
	void aPageHoldsItsRowsInOrderAndTheTotalOfAll() throws SQLException {
		for (int i = 9; i >= 1; i--) {
			unit("u" + i, "C" + i, i % 2 == 0 ? "even" : "odd");
		}
		Page<String> page = Sql.page(c, "SELECT code FROM unit WHERE kind = ?", "code", Paging.of(1, 2), rs -> rs.getString(1),
				List.of("odd"));
		assertEquals(List.of("C3", "C5"), page.items());
		assertEquals(5, page.total());
		assertEquals(1, page.offset());
		assertEquals(2, page.limit());
	}

	@Test
	void optionalFiltersBindOnlyTheArgumentsGiven() throws SQLException {
		unit("u1", "C1", "odd");
		unit("u2", "C2", "even");
		for (String kind : new String[] { "odd", null }) {
			String where = kind == null ? "" : " WHERE kind = ?";
			assertEquals(kind == null ? 2 : 1, Sql.count(c, "SELECT COUNT(*) FROM unit" + where, Sql.args(kind)));
		}
		List<Object> args = new ArrayList<>();
		assertEquals(List.of("C2"), Sql.query(c, "SELECT code FROM unit WHERE 1 = 1" + Sql.in("id", List.of("u2", "u3"), args),
				rs -> rs.getString(1), args.toArray()));
		assertEquals(List.of(), Sql.query(c, "SELECT code FROM unit WHERE 1 = 1" + Sql.in("id", List.of(), new ArrayList<>()),
				rs -> rs.getString(1)));
		assertEquals(LocalDate.of(2020, 1, 2), Sql.one(c, "SELECT founded FROM unit WHERE founded = ?",
				rs -> rs.getDate(1).toLocalDate(), LocalDate.of(2020, 1, 2)).orElseThrow());
	}

	@Test
	void aUniqueViolationAnswers409NamingTheField() throws SQLException {
		unit("u1", "C1", "odd");
		ProblemException e = assertThrows(ProblemException.class, () -> unit("u2", "C1", "odd"));
		assertEquals(409, e.status());
		assertEquals("code", e.field());
		assertEquals("数据已被他人修改，请刷新后重试", e.detail());
		assertEquals("the change conflicts with data stored meanwhile; reload and try again", e.detail(Locale.ENGLISH));

		e = assertThrows(ProblemException.class, () -> Sql.update(c, "INSERT INTO unit (id, code) VALUES (?, ?)", "code", "编号已存在",
				"u3", "C1"));
		assertEquals("编号已存在", e.detail());
		assertEquals("code", e.field());

		e = assertThrows(ProblemException.class, () -> Sql.insert(c, "INSERT INTO unit (id, code) VALUES (?, ?)",
				new Sql.Conflict("该单位已存在", "the unit exists already"), "u1", "C9"));
		assertEquals(409, e.status());
		assertNull(e.field());
		assertEquals("该单位已存在", e.detail());
		assertEquals("the unit exists already", e.detail(Locale.ENGLISH));
	}

	@Test
	void aTimestampKeepsMilliseconds() {
		assertEquals(0, Sql.now().getNanos() % 1_000_000);
	}

	@Test
	void aBatchSendsEveryRowInBatchesAndNeverAnEmptyOne() throws SQLException {
		int[] sent = new int[1];
		try (PreparedStatement ps = counting(c.prepareStatement("INSERT INTO unit (id, code) VALUES (?, ?)"), sent)) {
			Sql.Batch batch = new Sql.Batch(ps);
			for (int i = 0; i < 12_001; i++) {
				Sql.bind(ps, "u" + i, "C" + i);
				batch.add();
			}
			batch.flush();
			batch.flush();
		}
		assertEquals(12_001, Sql.count(c, "SELECT COUNT(*) FROM unit"));
		assertEquals(3, sent[0]);

		try (PreparedStatement ps = counting(c.prepareStatement("INSERT INTO unit (id, code) VALUES (?, ?)"), sent)) {
			new Sql.Batch(ps).flush();
		}
		assertEquals(3, sent[0]);
	}

	/** The statement, counting the batches it sends in {@code sent[0]}. */
	private static PreparedStatement counting(PreparedStatement ps, int[] sent) {
		return (PreparedStatement) Proxy.newProxyInstance(SqlTest.class.getClassLoader(), new Class<?>[] { PreparedStatement.class },
				(proxy, method, args) -> {
					if (method.getName().equals("executeBatch")) {
						sent[0]++;
					}
					try {
						return method.invoke(ps, args);
					} catch (InvocationTargetException e) {
						throw e.getCause();
					}
				});
	}

	@Test
	void aSequenceGivesItsNextValueInTheConnectionsDialect() throws SQLException {
		assertEquals(Dialect.HSQLDB, Dialect.of(c));
		try (Statement s = c.createStatement()) {
			s.execute("CREATE SEQUENCE revision AS BIGINT START WITH 7");
		}
		assertEquals(7, Sql.nextValue(c, "revision"));
		assertEquals(8, Sql.nextValue(c, "revision"));
		assertThrows(IllegalArgumentException.class, () -> Sql.nextValue(c, "revision); DROP TABLE unit; --"));
	}
}
