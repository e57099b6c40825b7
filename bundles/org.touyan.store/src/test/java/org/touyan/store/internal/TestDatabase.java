package org.touyan.store.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.hsqldb.jdbc.JDBCPool;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.touyan.api.store.Cluster;
import org.touyan.api.store.Dialect;

/**
 * A fresh, empty database for one test: HSQLDB in memory, or a new database on the PostgreSQL
 * server that {@value #URL_ENV} names (created for the test, dropped after it). Without that
 * variable the PostgreSQL tests are skipped, saying why, unless {@value #REQUIRED_ENV} is set (as
 * {@code .ci/run} sets it), where its absence is a failure: CI never skips them silently.
 */
abstract class TestDatabase implements AutoCloseable {

	static final String URL_ENV = "TOUYAN_TEST_PG_URL";
	static final String REQUIRED_ENV = "TOUYAN_TEST_PG_REQUIRED";

	abstract Dialect dialect();

	/** The pool the store would use on this database. */
	abstract DataSource dataSource();

	/** The URL of this test's database (no password: the test server trusts its loopback clients). */
	abstract String url();

	/** A connection of its own, outside the pool. */
	abstract Connection connect() throws SQLException;

	/** A node on this database, as the store opens it; signals are delivered on {@code delivery}. */
	abstract Cluster cluster(ExecutorService delivery) throws SQLException;

	@Override
	public abstract void close();

	boolean tableExists(String table) throws SQLException {
		try (Connection c = connect();
				ResultSet rs = c.getMetaData().getTables(null, dialect() == Dialect.HSQLDB ? "PUBLIC" : "public",
						dialect() == Dialect.HSQLDB ? table.toUpperCase(Locale.ROOT) : table.toLowerCase(Locale.ROOT), null)) {
			return rs.next();
		}
	}

	long count(String sql) throws SQLException {
		try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	static TestDatabase hsqldb(int poolSize) {
		return new Hsql(poolSize);
	}

	/** The PostgreSQL server's URL, or a skip (a failure where CI requires it). */
	static String serverUrl() {
		String url = System.getenv(URL_ENV);
		if (url == null || url.isBlank()) {
			String why = URL_ENV + " is not set, so the PostgreSQL tests do not run here (.ci/run starts a server and sets it;"
					+ " e.g. jdbc:postgresql://127.0.0.1:5432/postgres?user=touyan)";
			if (System.getenv(REQUIRED_ENV) != null) {
				Assertions.fail(why + ", but " + REQUIRED_ENV + " requires them");
			}
			Assumptions.abort(why);
		}
		return url.strip();
	}

	static TestDatabase postgresql(int poolSize) {
		return new Postgres(serverUrl(), poolSize);
	}

	private static final class Hsql extends TestDatabase {
		private final String url = "jdbc:hsqldb:mem:test-" + UUID.randomUUID();
		private final JDBCPool pool;

		Hsql(int poolSize) {
			pool = new JDBCPool(poolSize);
			pool.setUrl(url);
			pool.setUser("SA");
			pool.setPassword("");
			try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
				s.execute("SET DATABASE TRANSACTION CONTROL MVCC"); // as the store opens it
			} catch (SQLException e) {
				throw new IllegalStateException(e);
			}
		}

		@Override
		Dialect dialect() {
			return Dialect.HSQLDB;
		}

		@Override
		DataSource dataSource() {
			return pool;
		}

		@Override
		String url() {
			return url;
		}

		@Override
		Connection connect() throws SQLException {
			return DriverManager.getConnection(url, "SA", "");
		}

		@Override
		Cluster cluster(ExecutorService delivery) {
			return new LocalCluster(delivery);
		}

		@Override
		public void close() {
			try (Connection c = connect(); Statement s = c.createStatement()) {
				s.execute("SHUTDOWN");
				pool.close(0);
			} catch (SQLException e) {
				throw new IllegalStateException(e);
			}
		}
	}

	private static final class Postgres extends TestDatabase {
		private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(\\?.*)?");

		private final String server;
		private final String name = "touyan_test_" + UUID.randomUUID().toString().replace("-", "");
		private final String url;
		private final PostgresDatabase database;

		Postgres(String server, int poolSize) {
			this.server = server;
			Matcher m = URL.matcher(server);
			if (!m.matches()) {
				throw new IllegalArgumentException(URL_ENV + " is not jdbc:postgresql://host:port/database[?…]: " + server);
			}
			url = m.group(1) + name + (m.group(3) == null ? "" : m.group(3));
			try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
				s.execute("CREATE DATABASE " + name);
			} catch (SQLException e) {
				throw new IllegalStateException("cannot create a test database on " + server + ": " + e.getMessage(), e);
			}
			database = new PostgresDatabase(url, null, null, poolSize);
		}

		@Override
		Dialect dialect() {
			return Dialect.POSTGRESQL;
		}

		@Override
		DataSource dataSource() {
			return database.dataSource();
		}

		@Override
		String url() {
			return url;
		}

		@Override
		Connection connect() throws SQLException {
			return DriverManager.getConnection(url);
		}

		@Override
		Cluster cluster(ExecutorService delivery) throws SQLException {
			return new PostgresCluster(name -> {
				Properties p = new Properties();
				p.setProperty("ApplicationName", name);
				return DriverManager.getConnection(url, p);
			}, dataSource(), delivery);
		}

		@Override
		public void close() {
			database.close();
			try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
				s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
			} catch (SQLException e) {
				throw new IllegalStateException(e);
			}
		}
	}
}
