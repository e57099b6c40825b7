package org.touyan.store.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.touyan.api.store.DemoDataset;
import org.touyan.api.store.Store;

/**
 * Loads the demo district when asked: by the framework property {@code touyan.demo=true} or the
 * configuration {@code touyan.demo} with {@code enabled=true}. Each {@link DemoDataset} is loaded
 * once, after those it requires, on a background thread so start-up does not wait for it; the
 * loaded ids are recorded in the database, so a restart loads nothing twice.
 */
@Component(immediate = true, configurationPid = DemoLoader.PID)
@Designate(ocd = DemoLoader.Config.class)
public class DemoLoader {

	static final String PID = "touyan.demo";

	@ObjectClassDefinition(name = "Touyan demo data", description = "Loads the demo district into an empty store")
	public @interface Config {
		@AttributeDefinition(description = "Load the demo district; the framework property touyan.demo=true also turns it on")
		boolean enabled() default false;
	}

	private static final Logger LOG = LoggerFactory.getLogger(DemoLoader.class);

	private final Store store;
	private final boolean enabled;
	private final List<DemoDataset> datasets = new CopyOnWriteArrayList<>();
	/** How often a dataset that failed is tried again: it may wait for a plugin still being installed. */
	private static final int ATTEMPTS = 60;
	private static final long RETRY_SECONDS = 2;

	private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread t = new Thread(r, "touyan-demo");
		t.setDaemon(true);
		return t;
	});
	private final Map<String, Integer> failures = new ConcurrentHashMap<>();

	@Activate
	public DemoLoader(BundleContext context, Config config,
			@Reference(target = "(touyan.schema=store)") Store store) {
		this.store = store;
		this.enabled = config.enabled() || Boolean.parseBoolean(context.getProperty(PID));
		if (enabled) {
			worker.execute(this::loadPending);
		}
	}

	@Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
	void addDataset(DemoDataset dataset) {
		datasets.add(dataset);
		if (enabled) {
			worker.execute(this::loadPending);
		}
	}

	void removeDataset(DemoDataset dataset) {
		datasets.remove(dataset);
	}

	@Deactivate
	void deactivate() throws InterruptedException {
		worker.shutdownNow();
		worker.awaitTermination(10, TimeUnit.SECONDS);
	}

	/**
	 * Loads every dataset whose requirements are loaded, until no more can be; a dataset that
	 * fails is tried again a little later, a limited number of times.
	 */
	void loadPending() {
		Set<String> loaded = loaded();
		boolean progress = true;
		boolean retry = false;
		while (progress && !Thread.currentThread().isInterrupted()) {
			progress = false;
			for (DemoDataset dataset : datasets) {
				if (!loaded.contains(dataset.id()) && loaded.containsAll(dataset.requires())) {
					try {
						dataset.load();
						record(dataset.id());
						loaded.add(dataset.id());
						LOG.info("demo dataset {} loaded", dataset.id());
						progress = true;
					} catch (RuntimeException e) {
						int attempts = failures.merge(dataset.id(), 1, Integer::sum);
						if (attempts < ATTEMPTS) {
							LOG.info("demo dataset {} not loaded yet ({}); trying again", dataset.id(), e.getMessage());
							retry = true;
						} else {
							LOG.error("demo dataset {} failed: {}", dataset.id(), e.getMessage(), e);
						}
					}
				}
			}
		}
		if (retry && !worker.isShutdown()) {
			worker.schedule(this::loadPending, RETRY_SECONDS, TimeUnit.SECONDS);
		}
	}

	private Set<String> loaded() {
		return store.read(c -> {
			Set<String> ids = new HashSet<>();
			try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM touyan_demo_dataset")) {
				while (rs.next()) {
					ids.add(rs.getString(1));
				}
			}
			return ids;
		});
	}

	private void record(String id) {
		store.write(c -> {
			try (PreparedStatement ps = c.prepareStatement("INSERT INTO touyan_demo_dataset (id, loaded_at) VALUES (?, ?)")) {
				ps.setString(1, id);
				ps.setTimestamp(2, Timestamp.from(Instant.now()));
				return ps.executeUpdate();
			}
		});
	}
}
