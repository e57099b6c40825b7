package org.touyan.store.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import java.util.concurrent.ExecutorService;

import javax.sql.DataSource;

import org.hsqldb.jdbc.JDBCPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.touyan.api.store.Cluster;
import org.touyan.api.store.Dialect;

/** The embedded HSQLDB file database, the default: opened, tuned and shut down as the store always has. */
final class HsqlDatabase implements Database {

	private static final Logger LOG = LoggerFactory.getLogger(HsqlDatabase.class);

	/** Largest data file, in MB, that HSQLDB maps into memory (address space only on a 64-bit JVM). */
	static final int NIO_MAX_MB = 16384;

	private final JDBCPool pool;

	HsqlDatabase(String files, int poolSize, Cache cache) throws SQLException {
		pool = new JDBCPool(poolSize);
		pool.setUrl(url(files, cache));
		pool.setUser("SA");
		pool.setPassword("");
		try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
			// fsync every commit: a committed row survives an OS crash, not only a process kill.
			s.execute("SET FILES WRITE DELAY FALSE");
			// readers never wait for writers.
			s.execute("SET DATABASE TRANSACTION CONTROL MVCC");
			// tables live on disk with a row cache, so a national-scale district fits.
			s.execute("SET DATABASE DEFAULT TABLE TYPE CACHED");
			// a data file is memory-mapped only up to this size, and above it every row the cache misses
			// is a read system call: one national-scale cycle's scores alone pass HSQLDB's default of
			// 256 MB. The URL sets it for a new database; a database made before takes it from its next
			// start, since the file is mapped when it opens.
			s.execute("SET FILES NIO SIZE " + NIO_MAX_MB);
			// rows the cache cannot hold are written out and read back: with HSQLDB's default of 50,000
			// rows, storing one national-scale cycle's ratings took four times as long. Like the
			// mapping, the URL sets it for a new database and these for the next start of an old one.
			s.execute("SET FILES CACHE SIZE " + cache.kilobytes());
			s.execute("SET FILES CACHE ROWS " + cache.rows());
		} catch (SQLException e) {
			close();
			throw e;
		}
	}

	@Override
	public DataSource dataSource() {
		return pool;
	}

	@Override
	public Cluster cluster(ExecutorService delivery) {
		return new LocalCluster(delivery);
	}

	@Override
	public Dialect dialect() {
		return Dialect.HSQLDB;
	}

	@Override
	public void close() {
		try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
			s.execute("SHUTDOWN");
		} catch (SQLException e) {
			LOG.warn("database did not shut down cleanly: {}", e.getMessage());
		}
		try {
			pool.close(0);
		} catch (SQLException e) {
			LOG.debug("closing the pool", e);
		}
	}

	static String url(String path, Cache cache) {
		String file = Path.of(path).toAbsolutePath().normalize().toString();
		return "jdbc:hsqldb:file:" + file + ";hsqldb.write_delay=false;hsqldb.lock_file=true;hsqldb.nio_max_size=" + NIO_MAX_MB
				+ ";hsqldb.cache_size=" + cache.kilobytes() + ";hsqldb.cache_rows=" + cache.rows();
	}

	/**
	 * HSQLDB's row cache, bounded by bytes (as stored) and by rows. A cached row of the platform
	 * takes some 200 bytes stored but some 650 of heap (measured with a national-scale cycle of 1.56
	 * million rows cached: 1.1 GB live), so the row bound, one row per 400 bytes of an eighth of the
	 * heap, keeps the cache within about a fifth of the heap. The default 6 GB heap holds 2 million
	 * rows, a national-scale cycle's scores, cards and ratings.
	 */
	record Cache(int kilobytes, int rows) {
		static final int MIN_MB = 16;
		/** HSQLDB's own upper bound, for the size in KB and for the rows alike. */
		static final int MAX = 1 << 24;

		static Cache of(int configuredMb, long maxHeap) {
			long mb = Math.max(MIN_MB, configuredMb > 0 ? configuredMb : maxHeap / 8 / (1 << 20));
			return new Cache((int) Math.min(MAX, mb * 1024), (int) Math.min(MAX, mb * (1 << 20) / 400));
		}
	}
}
