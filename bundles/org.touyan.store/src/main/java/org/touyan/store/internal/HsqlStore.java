package org.touyan.store.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.hsqldb.jdbc.JDBCPool;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.util.tracker.BundleTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.touyan.api.metrics.MetricSource;
import org.touyan.api.store.SchemaConstants;
import org.touyan.api.store.SchemaStatus;
import org.touyan.api.store.Store;
import org.touyan.api.store.StoreBackup;

/**
 * Opens the platform database and acts as the schema extender: for every started bundle with a
 * {@code Touyan-Schema} header it applies the bundle's migrations and then registers a
 * {@link Store} for that schema in the bundle's name, so the service leaves with the bundle. It
 * also takes the database's online backups ({@link Backups}).
 */
@Component(service = { SchemaStatus.class, MetricSource.class, StoreBackup.class }, immediate = true, configurationPid = HsqlStore.PID)
@Designate(ocd = HsqlStore.Config.class)
public class HsqlStore implements SchemaStatus, MetricSource, StoreBackup {

	static final String PID = "touyan.store";

	@ObjectClassDefinition(name = "Touyan store", description = "The embedded HSQLDB database")
	public @interface Config {
		@AttributeDefinition(description = "Database files, without extension; empty means 'touyan' in the data directory "
				+ "(framework property touyan.data, default 'data' below the working directory)")
		String path() default "";

		@AttributeDefinition(description = "Pooled connections")
		int poolSize() default 8;

		@AttributeDefinition(description = "Row cache in MB; 0 means an eighth of the maximum heap. A change applies from the next start")
		int cacheMb() default 0;
	}

	private static final Logger LOG = LoggerFactory.getLogger(HsqlStore.class);

	/** Largest data file, in MB, that HSQLDB maps into memory (address space only on a 64-bit JVM). */
	static final int NIO_MAX_MB = 16384;

	private final JDBCPool pool;
	private final StoreTally tally;
	private final Migrator migrator;
	private final Map<String, Schema> schemas = Collections.synchronizedMap(new TreeMap<>());
	private final BundleTracker<Extended> tracker;
	private final Backups backups;

	@Activate
	public HsqlStore(BundleContext context, Config config) throws SQLException {
		pool = new JDBCPool(config.poolSize());
		tally = new StoreTally(config.poolSize());
		Cache cache = Cache.of(config.cacheMb(), Runtime.getRuntime().maxMemory());
		String files = config.path().isBlank() ? dataDirectory(context) + "/touyan" : config.path();
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
		}
		backups = new Backups(pool, Path.of(files), Clock.systemUTC());
		migrator = new Migrator(this::connection);
		migrator.bootstrap();
		tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, null) {
			@Override
			public Extended addingBundle(Bundle bundle, BundleEvent event) {
				String header = bundle.getHeaders("").get(SchemaConstants.SCHEMA_HEADER);
				return header == null ? null : extend(bundle, header);
			}

			@Override
			public void removedBundle(Bundle bundle, BundleEvent event, Extended extended) {
				schemas.remove(extended.schema());
				if (extended.registration() != null) {
					try {
						extended.registration().unregister();
					} catch (IllegalStateException alreadyGone) {
						// the bundle's context unregistered it when the bundle stopped
					}
				}
			}
		};
		tracker.open();
	}

	/** The pool's use and the units of work, for {@code GET /api/metrics}. */
	@Override
	public List<Family> families() {
		return tally.families();
	}

	@Override
	public Backup backup(String note) {
		return backups.take(note);
	}

	@Override
	public List<Backup> backups() {
		return backups.list();
	}

	@Override
	public Optional<Backup> named(String name) {
		return backups.named(name);
	}

	@Deactivate
	void deactivate() {
		tracker.close();
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

	@Override
	public List<Schema> schemas() {
		synchronized (schemas) {
			return List.copyOf(schemas.values());
		}
	}

	@Override
	public boolean ready() {
		return schemas().stream().allMatch(s -> s.state() == State.MIGRATED);
	}

	/** A bundle whose schema the store handled, and its store service if migration succeeded. */
	private record Extended(String schema, ServiceRegistration<Store> registration) {
	}

	private Extended extend(Bundle bundle, String header) {
		String[] parts = header.split(";");
		String schema = parts[0].strip();
		String path = "db/" + schema;
		for (int i = 1; i < parts.length; i++) {
			String[] kv = parts[i].split("=", 2);
			if (kv.length == 2 && kv[0].strip().equals(SchemaConstants.PATH_ATTRIBUTE)) {
				path = kv[1].strip().replace("\"", "");
			}
		}
		String owner = bundle.getSymbolicName() + " " + bundle.getVersion();
		try {
			int version = migrator.migrate(schema, migrations(bundle, path));
			schemas.put(schema, new Schema(schema, owner, State.MIGRATED, version, null));
			BundleContext context = bundle.getBundleContext();
			if (context == null) {
				return new Extended(schema, null);
			}
			Dictionary<String, Object> props = new Hashtable<>();
			props.put(SchemaConstants.SCHEMA_PROPERTY, schema);
			return new Extended(schema,
					context.registerService(Store.class, new TransactionalStore(pool, schema, tally), props));
		} catch (MigrationException e) {
			LOG.error("schema {} of {} is not migrated: {}", schema, owner, e.getMessage());
			schemas.put(schema, new Schema(schema, owner, State.FAILED, 0, e.getMessage()));
			return new Extended(schema, null);
		}
	}

	private static List<Migration> migrations(Bundle bundle, String path) {
		List<Migration> migrations = new ArrayList<>();
		Enumeration<URL> entries = bundle.findEntries(path, "V*.sql", false);
		while (entries != null && entries.hasMoreElements()) {
			URL url = entries.nextElement();
			String name = url.getPath().substring(url.getPath().lastIndexOf('/') + 1);
			try (InputStream in = url.openStream()) {
				migrations.add(Migration.of(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
			} catch (IOException e) {
				throw new MigrationException("cannot read " + name + ": " + e.getMessage(), e);
			}
		}
		return migrations;
	}

	private Connection connection() {
		try {
			return pool.getConnection();
		} catch (SQLException e) {
			throw new MigrationException("no database connection: " + e.getMessage(), e);
		}
	}

	private static String dataDirectory(BundleContext context) {
		String dir = context.getProperty("touyan.data");
		return dir == null || dir.isBlank() ? "data" : dir;
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
