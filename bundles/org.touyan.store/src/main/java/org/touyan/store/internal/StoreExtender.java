package org.touyan.store.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

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
import org.touyan.api.rest.ProblemException;
import org.touyan.api.store.Cluster;
import org.touyan.api.store.Dialect;
import org.touyan.api.store.SchemaConstants;
import org.touyan.api.store.SchemaStatus;
import org.touyan.api.store.Store;
import org.touyan.api.store.StoreBackup;

/**
 * Opens the platform database (embedded HSQLDB by default, or PostgreSQL when {@code url} names
 * one: {@link StoreSettings}) and acts as the schema extender: for every started bundle with a
 * {@code Touyan-Schema} header it applies the bundle's migrations of the database's dialect and
 * then registers a {@link Store} for that schema in the bundle's name, so the service leaves with
 * the bundle. It also takes the HSQLDB database's online backups ({@link Backups}).
 */
@Component(service = { SchemaStatus.class, MetricSource.class, StoreBackup.class }, immediate = true, configurationPid = StoreExtender.PID)
@Designate(ocd = StoreExtender.Config.class)
public class StoreExtender implements SchemaStatus, MetricSource, StoreBackup {

	static final String PID = "touyan.store";

	@ObjectClassDefinition(name = "Touyan store", description = "The platform database: embedded HSQLDB, or PostgreSQL")
	public @interface Config {
		@AttributeDefinition(description = "HSQLDB: database files, without extension; empty means 'touyan' in the data directory "
				+ "(framework property touyan.data, default 'data' below the working directory)")
		String path() default "";

		@AttributeDefinition(description = "Pooled connections")
		int poolSize() default 8;

		@AttributeDefinition(description = "HSQLDB: row cache in MB; 0 means an eighth of the maximum heap. A change applies from the next start")
		int cacheMb() default 0;

		@AttributeDefinition(description = "PostgreSQL JDBC URL (jdbc:postgresql://host:port/database), without a password; empty means "
				+ "the framework property touyan.store.url, else the environment variable TOUYAN_STORE_URL, else the embedded HSQLDB database")
		String url() default "";

		@AttributeDefinition(description = "PostgreSQL role; empty means touyan.store.user, else TOUYAN_STORE_USER")
		String user() default "";

		@AttributeDefinition(description = "File holding the PostgreSQL password alone; empty means touyan.store.passwordFile, else "
				+ "TOUYAN_STORE_PASSWORD_FILE, else the password in the environment variable TOUYAN_STORE_PASSWORD, else none")
		String passwordFile() default "";
	}

	private static final Logger LOG = LoggerFactory.getLogger(StoreExtender.class);

	private final Database database;
	private final DataSource pool;
	private final StoreTally tally;
	private final Migrator migrator;
	private final Map<String, Schema> schemas = Collections.synchronizedMap(new TreeMap<>());
	private final BundleTracker<Extended> tracker;
	/** HSQLDB's online backups; null on PostgreSQL, whose backups are pg_dump's. */
	private final Backups backups;
	/** The thread that hands signals to their listeners, one after another. */
	private final ExecutorService delivery = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "touyan-signal-delivery");
		t.setDaemon(true);
		return t;
	});
	private final Cluster cluster;
	private final Commits commits;
	private final ServiceRegistration<Cluster> clusterRegistration;

	@Activate
	public StoreExtender(BundleContext context, Config config) throws SQLException {
		StoreSettings settings;
		try {
			settings = StoreSettings.of(new StoreSettings.Asked(config.path(), config.poolSize(), config.cacheMb(), config.url(), config.user(),
					config.passwordFile()), context::getProperty, System::getenv);
			database = open(settings);
		} catch (StoreSettings.Invalid e) {
			// one line that says what to fix, before SCR logs the activation failure with its stack trace
			LOG.error("the store does not start: {}", e.getMessage());
			throw e;
		}
		pool = database.dataSource();
		LOG.info("store: {}", settings.describe());
		tally = new StoreTally(config.poolSize());
		backups = database.dialect() == Dialect.HSQLDB ? new Backups(pool, Path.of(settings.files()), Clock.systemUTC()) : null;
		migrator = new Migrator(this::connection, database.dialect());
		try {
			migrator.bootstrap();
			cluster = database.cluster(delivery);
		} catch (SQLException e) {
			database.close();
			throw e;
		}
		commits = cluster instanceof Commits c ? c : Commits.NONE;
		LOG.info("store: this node is {}", cluster.node());
		clusterRegistration = context.registerService(Cluster.class, cluster, null);
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

	private static Database open(StoreSettings settings) throws SQLException {
		if (settings.dialect() == Dialect.HSQLDB) {
			return new HsqlDatabase(settings.files(), settings.poolSize(),
					HsqlDatabase.Cache.of(settings.cacheMb(), Runtime.getRuntime().maxMemory()));
		}
		return new PostgresDatabase(settings.url(), settings.user(), settings.password(), settings.poolSize());
	}

	/** The pool's use and the units of work, for {@code GET /api/metrics}. */
	@Override
	public List<Family> families() {
		return tally.families();
	}

	@Override
	public Backup backup(String note) {
		if (backups == null) {
			throw new ProblemException(409, "Conflict", "数据库为 PostgreSQL：平台不做在线备份，请用 pg_dump 备份（见 docs/DEPLOYMENT.md）",
					"the database is PostgreSQL: the platform takes no online backup of it; back it up with pg_dump (docs/DEPLOYMENT.md)",
					null);
		}
		return backups.take(note);
	}

	@Override
	public List<Backup> backups() {
		return backups == null ? List.of() : backups.list();
	}

	@Override
	public Optional<Backup> named(String name) {
		return backups == null ? Optional.empty() : backups.named(name);
	}

	@Deactivate
	void deactivate() {
		tracker.close();
		clusterRegistration.unregister();
		if (cluster instanceof AutoCloseable closing) {
			try {
				closing.close();
			} catch (Exception e) {
				LOG.warn("the cluster's connection did not close cleanly: {}", e.getMessage());
			}
		}
		delivery.shutdown();
		database.close();
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
			int version = migrator.migrate(schema, Migration.forDialect(migrations(bundle, path), migrations(bundle,
					path + "/" + migrator.dialect().folder())));
			schemas.put(schema, new Schema(schema, owner, State.MIGRATED, version, null));
			BundleContext context = bundle.getBundleContext();
			if (context == null) {
				return new Extended(schema, null);
			}
			Dictionary<String, Object> props = new Hashtable<>();
			props.put(SchemaConstants.SCHEMA_PROPERTY, schema);
			return new Extended(schema,
					context.registerService(Store.class, new TransactionalStore(pool, schema, tally, commits), props));
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
}
