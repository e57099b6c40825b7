package org.touyan.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ExecutorService;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;
import org.postgresql.jdbc.AutoSave;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.touyan.api.store.Cluster;
import org.touyan.api.store.Dialect;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;

/**
 * PostgreSQL through a HikariCP pool of a fixed size. The pool is handed the driver's own data
 * source rather than a driver class name: in OSGi the pool's bundle cannot load the driver's
 * classes by name, and need not.
 */
final class PostgresDatabase implements Database {

	private static final Logger LOG = LoggerFactory.getLogger(PostgresDatabase.class);

	/** How long the start waits for the server (a node started beside its database) before it gives up. */
	static final long CONNECT_TIMEOUT_MS = 10_000;
	/** The oldest server the migrations are written for. */
	static final int MIN_MAJOR = 15;

	private final HikariDataSource pool;
	private final String url;
	private final String user;
	private final String password;

	/**
	 * @throws StoreSettings.Invalid when the server cannot be reached or refuses the login, saying so
	 *         in one line (the URL and role, never the password)
	 */
	PostgresDatabase(String url, String user, String password, int poolSize) {
		this.url = url;
		this.user = user;
		this.password = password;
		PGSimpleDataSource driver = driver("touyan");
		// A failed statement aborts a PostgreSQL transaction, where HSQLDB rolls back that statement
		// alone. Work that catches a refusal and goes on (the roster import lists every faulty row of
		// a file; Sql.insert's 409 for a row that is there already) relies on HSQLDB's behaviour, so
		// the driver puts a savepoint before each statement and rolls back to it when it fails.
		driver.setAutosave(AutoSave.ALWAYS);
		HikariConfig config = new HikariConfig();
		config.setPoolName("touyan-store");
		config.setDataSource(driver);
		// a fixed pool: as many connections as HSQLDB's pool held, none opened or closed under load
		config.setMaximumPoolSize(poolSize);
		config.setMinimumIdle(poolSize);
		config.setConnectionTimeout(30_000);
		config.setInitializationFailTimeout(CONNECT_TIMEOUT_MS);
		String where = url + (user == null ? "" : " as " + user);
		try {
			pool = new HikariDataSource(config);
		} catch (HikariPool.PoolInitializationException e) {
			Throwable cause = e.getCause() == null ? e : e.getCause();
			throw new StoreSettings.Invalid("touyan.store cannot connect to PostgreSQL at " + where + " within " + CONNECT_TIMEOUT_MS / 1000
					+ " s: " + cause.getMessage());
		}
		try (Connection c = pool.getConnection()) {
			int major = c.getMetaData().getDatabaseMajorVersion();
			if (major < MIN_MAJOR) {
				throw new StoreSettings.Invalid("touyan.store url names a PostgreSQL " + major + " server; the platform needs " + MIN_MAJOR
						+ " or newer");
			}
		} catch (SQLException e) {
			pool.close();
			throw new StoreSettings.Invalid("touyan.store cannot use PostgreSQL at " + where + ": " + e.getMessage());
		} catch (StoreSettings.Invalid e) {
			pool.close();
			throw e;
		}
	}

	private PGSimpleDataSource driver(String applicationName) {
		PGSimpleDataSource driver = new PGSimpleDataSource();
		try {
			driver.setURL(url);
		} catch (IllegalArgumentException e) {
			throw new StoreSettings.Invalid("touyan.store url is not a valid PostgreSQL JDBC URL: " + e.getMessage());
		}
		if (user != null) {
			driver.setUser(user);
		}
		if (password != null) {
			driver.setPassword(password);
		}
		driver.setApplicationName(applicationName);
		return driver;
	}

	/**
	 * A connection of its own, outside the pool, named {@code applicationName} in the server's list
	 * of connections; keepalives let a silent network failure end it.
	 */
	Connection open(String applicationName) throws SQLException {
		PGSimpleDataSource driver = driver(applicationName);
		driver.setTcpKeepAlive(true);
		return driver.getConnection();
	}

	@Override
	public DataSource dataSource() {
		return pool;
	}

	@Override
	public Cluster cluster(ExecutorService delivery) throws SQLException {
		return new PostgresCluster(this::open, pool, delivery);
	}

	@Override
	public Dialect dialect() {
		return Dialect.POSTGRESQL;
	}

	@Override
	public void close() {
		try {
			pool.close();
		} catch (RuntimeException e) {
			LOG.warn("the PostgreSQL pool did not close cleanly: {}", e.getMessage());
		}
	}
}
