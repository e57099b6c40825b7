package org.touyan.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.touyan.api.store.Dialect;

/**
 * Applies a schema's pending migrations once, in order, and records each in
 * {@code touyan_schema_history}.
 *
 * <p>HSQLDB commits around every DDL statement, so a migration cannot simply be rolled back.
 * Pending migrations are therefore first run against a scratch in-memory database holding a copy
 * of the live schema (no rows): a script with a syntax error or a wrong table or column name fails
 * there and the live database is never touched. Only a failure that depends on the stored rows can
 * still stop a migration half-way; its DML is rolled back and the schema is reported FAILED.
 *
 * <p>PostgreSQL runs DDL inside transactions, so there the pending migrations of a schema and
 * their history rows are applied in one transaction: any failure, whatever it depends on, leaves
 * the database as it was. That transaction first takes an advisory lock, so nodes starting at once
 * on one database migrate one after the other, and the later finds the work done.
 */
final class Migrator {

	static final String HISTORY_TABLE = "touyan_schema_history";

	/** The advisory lock (PostgreSQL) held while a node migrates; any constant other code does not use. */
	static final long LOCK = 0x746f7579616eL; // "touyan"

	private final Supplier<Connection> connections;
	private final Dialect dialect;

	Migrator(Supplier<Connection> connections, Dialect dialect) {
		this.connections = connections;
		this.dialect = dialect;
	}

	/** Creates the history table if this is a new database. */
	void bootstrap() throws SQLException {
		// the same statement on both: standard types, and IF NOT EXISTS, which both know
		String create = "CREATE TABLE IF NOT EXISTS " + HISTORY_TABLE + " ("
				+ "schema_name VARCHAR(100) NOT NULL, version INTEGER NOT NULL, "
				+ "description VARCHAR(200) NOT NULL, checksum CHAR(64) NOT NULL, "
				+ "applied_at TIMESTAMP(3) WITH TIME ZONE NOT NULL, PRIMARY KEY (schema_name, version))";
		try (Connection c = connections.get(); Statement s = c.createStatement()) {
			if (dialect == Dialect.HSQLDB) {
				s.execute(create);
				return;
			}
			// two nodes creating the table at once would collide in PostgreSQL's catalogue
			c.setAutoCommit(false);
			try {
				s.execute("SELECT pg_advisory_xact_lock(" + LOCK + ")");
				s.execute(create);
				c.commit();
			} catch (SQLException e) {
				c.rollback();
				throw e;
			} finally {
				c.setAutoCommit(true);
			}
		}
	}

	Dialect dialect() {
		return dialect;
	}

	/**
	 * Brings {@code schema} up to the newest of {@code migrations}.
	 *
	 * @return the schema's version afterwards
	 * @throws MigrationException saying which migration failed and why
	 */
	int migrate(String schema, List<Migration> migrations) {
		List<Migration> ordered = new ArrayList<>(migrations);
		ordered.sort(Comparator.comparingInt(Migration::version));
		Set<Integer> seen = new HashSet<>();
		for (Migration m : ordered) {
			if (!seen.add(m.version())) {
				throw new MigrationException(schema + " has two migrations numbered V" + m.version());
			}
		}
		try (Connection c = connections.get()) {
			if (dialect == Dialect.POSTGRESQL) {
				return migrateInOneTransaction(c, schema, ordered);
			}
			Map<Integer, String> applied = applied(c, schema);
			int current = applied.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
			List<Migration> pending = pending(schema, ordered, applied, current);
			if (!pending.isEmpty()) {
				dryRun(c, schema, pending);
				for (Migration m : pending) {
					apply(c, schema, m);
				}
			}
			return ordered.isEmpty() ? 0 : ordered.get(ordered.size() - 1).version();
		} catch (SQLException e) {
			throw new MigrationException(schema + ": " + e.getMessage(), e);
		}
	}

	/** What of {@code ordered} is still to run, once the applied scripts are checked against it. */
	private static List<Migration> pending(String schema, List<Migration> ordered, Map<Integer, String> applied, int current) {
		List<Migration> pending = new ArrayList<>();
		for (Migration m : ordered) {
			String checksum = applied.remove(m.version());
			if (checksum == null) {
				pending.add(m);
			} else if (!checksum.equals(m.checksum())) {
				throw new MigrationException(schema + " V" + m.version() + " (" + m.description()
						+ ") was changed after it was applied; add a new migration instead");
			}
		}
		if (!applied.isEmpty()) {
			throw new MigrationException(schema + " has applied migrations V" + applied.keySet()
					+ " that this bundle no longer ships: the database is newer than the bundle");
		}
		if (!pending.isEmpty() && pending.get(0).version() <= current) {
			throw new MigrationException(schema + " V" + pending.get(0).version()
					+ " is older than the applied V" + current + " and was never applied");
		}
		return pending;
	}

	/** PostgreSQL: checks, applies and records every pending script under the advisory lock, in one transaction. */
	private static int migrateInOneTransaction(Connection c, String schema, List<Migration> ordered) throws SQLException {
		boolean autoCommit = c.getAutoCommit();
		c.setAutoCommit(false);
		Migration running = null;
		try (Statement s = c.createStatement()) {
			s.execute("SELECT pg_advisory_xact_lock(" + LOCK + ")");
			Map<Integer, String> applied = applied(c, schema);
			int current = applied.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
			for (Migration m : pending(schema, ordered, applied, current)) {
				running = m;
				for (String statement : m.statements()) {
					s.execute(statement);
				}
				record(c, schema, m);
			}
			c.commit();
			return ordered.isEmpty() ? 0 : ordered.get(ordered.size() - 1).version();
		} catch (SQLException | RuntimeException e) {
			c.rollback();
			if (running != null && e instanceof SQLException) {
				throw new MigrationException(schema + " V" + running.version() + " (" + running.description()
						+ ") failed before anything was changed (every migration of this start was rolled back): " + e.getMessage(), e);
			}
			throw e;
		} finally {
			c.setAutoCommit(autoCommit);
		}
	}

	private static void record(Connection c, String schema, Migration m) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + HISTORY_TABLE
				+ " (schema_name, version, description, checksum, applied_at) VALUES (?, ?, ?, ?, ?)")) {
			ps.setString(1, schema);
			ps.setInt(2, m.version());
			ps.setString(3, m.description());
			ps.setString(4, m.checksum());
			ps.setTimestamp(5, Timestamp.from(Instant.now()));
			ps.executeUpdate();
		}
	}

	private static Map<Integer, String> applied(Connection c, String schema) throws SQLException {
		Map<Integer, String> applied = new LinkedHashMap<>();
		try (PreparedStatement ps = c.prepareStatement(
				"SELECT version, checksum FROM " + HISTORY_TABLE + " WHERE schema_name = ? ORDER BY version")) {
			ps.setString(1, schema);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					applied.put(rs.getInt(1), rs.getString(2));
				}
			}
		}
		return applied;
	}

	private static void apply(Connection c, String schema, Migration m) throws SQLException {
		boolean autoCommit = c.getAutoCommit();
		c.setAutoCommit(false);
		try (Statement s = c.createStatement()) {
			for (String statement : m.statements()) {
				s.execute(statement);
			}
			record(c, schema, m);
			c.commit();
		} catch (SQLException e) {
			c.rollback();
			throw new MigrationException(schema + " V" + m.version() + " (" + m.description() + ") failed: "
					+ e.getMessage(), e);
		} finally {
			c.setAutoCommit(autoCommit);
		}
	}

	/** Runs {@code pending} on an empty copy of the live schema; throws on the first failure. */
	private static void dryRun(Connection live, String schema, List<Migration> pending) throws SQLException {
		List<String> ddl = new ArrayList<>();
		try (Statement s = live.createStatement(); ResultSet rs = s.executeQuery("SCRIPT")) {
			while (rs.next()) {
				String line = rs.getString(1);
				if (replayable(line)) {
					ddl.add(line);
				}
			}
		}
		String url = "jdbc:hsqldb:mem:dryrun-" + UUID.randomUUID();
		try (Connection scratch = new org.hsqldb.jdbc.JDBCDriver().connect(url, props());
				Statement s = scratch.createStatement()) {
			for (String line : ddl) {
				s.execute(line);
			}
			for (Migration m : pending) {
				for (String statement : m.statements()) {
					try {
						s.execute(statement);
					} catch (SQLException e) {
						throw new MigrationException(schema + " V" + m.version() + " (" + m.description()
								+ ") failed before anything was changed: " + e.getMessage(), e);
					}
				}
			}
			s.execute("SHUTDOWN");
		}
	}

	private static boolean replayable(String line) {
		return (line.startsWith("CREATE ") && !line.startsWith("CREATE USER ")
				&& !line.startsWith("CREATE SCHEMA PUBLIC ")) || line.startsWith("ALTER TABLE ")
				|| line.startsWith("SET DATABASE SQL ");
	}

	private static java.util.Properties props() {
		java.util.Properties p = new java.util.Properties();
		p.setProperty("user", "SA");
		p.setProperty("password", "");
		return p;
	}
}
