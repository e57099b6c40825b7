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

/**
 * Applies a schema's pending migrations once, in order, and records each in
 * {@code touyan_schema_history}.
 *
 * <p>HSQLDB commits around every DDL statement, so a migration cannot simply be rolled back.
 * Pending migrations are therefore first run against a scratch in-memory database holding a copy
 * of the live schema (no rows): a script with a syntax error or a wrong table or column name fails
 * there and the live database is never touched. Only a failure that depends on the stored rows can
 * still stop a migration half-way; its DML is rolled back and the schema is reported FAILED.
 */
final class Migrator {

	static final String HISTORY_TABLE = "touyan_schema_history";

	private final Supplier<Connection> connections;

	Migrator(Supplier<Connection> connections) {
		this.connections = connections;
	}

	/** Creates the history table if this is a new database. */
	void bootstrap() throws SQLException {
		try (Connection c = connections.get(); Statement s = c.createStatement()) {
			s.execute("CREATE TABLE IF NOT EXISTS " + HISTORY_TABLE + " ("
					+ "schema_name VARCHAR(100) NOT NULL, version INTEGER NOT NULL, "
					+ "description VARCHAR(200) NOT NULL, checksum CHAR(64) NOT NULL, "
					+ "applied_at TIMESTAMP(3) WITH TIME ZONE NOT NULL, PRIMARY KEY (schema_name, version))");
		}
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
			Map<Integer, String> applied = applied(c, schema);
			int current = applied.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
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
			if (!pending.isEmpty()) {
				if (pending.get(0).version() <= current) {
					throw new MigrationException(schema + " V" + pending.get(0).version()
							+ " is older than the applied V" + current + " and was never applied");
				}
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
			try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + HISTORY_TABLE
					+ " (schema_name, version, description, checksum, applied_at) VALUES (?, ?, ?, ?, ?)")) {
				ps.setString(1, schema);
				ps.setInt(2, m.version());
				ps.setString(3, m.description());
				ps.setString(4, m.checksum());
				ps.setTimestamp(5, Timestamp.from(Instant.now()));
				ps.executeUpdate();
			}
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
