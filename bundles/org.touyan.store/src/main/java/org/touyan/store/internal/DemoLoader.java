package org.touyan.store.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
import org.touyan.api.health.HealthContributor;
import org.touyan.api.store.DemoDataset;
import org.touyan.api.store.DemoStatus;
import org.touyan.api.store.Store;

/**
 * Loads the demo district when asked: by the framework property {@code touyan.demo=true} or the
 * configuration {@code touyan.demo} with {@code enabled=true}. Each {@link DemoDataset} is loaded
 * once, after those it requires, on a background thread so start-up does not wait for it; the
 * loaded ids are recorded in the database, so a restart loads nothing twice.
 *
 * <p>While a dataset is still to load, health names the demo as loading ({@code components.demo}:
 * {@code status}, {@code district}, {@code pending}, {@code loaded}, {@code failed}): not ready (503)
 * until the datasets that need no other (the demo district itself) are loaded, then
 * {@code DEGRADED} until the last one is, and
 * {@link DemoStatus} lets the endpoints that would collide with the demo refuse meanwhile.
 */
@Component(immediate = true, configurationPid = DemoLoader.PID, service = { DemoStatus.class, HealthContributor.class })
@Designate(ocd = DemoLoader.Config.class)
public class DemoLoader implements DemoStatus, HealthContributor {

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
	/** The datasets recorded as loaded; {@code null} until the records are first read. */
	private volatile Set<String> loadedIds;
	/** Datasets that failed every attempt. */
	private final Set<String> givenUp = ConcurrentHashMap.newKeySet();

	@Activate
	public DemoLoader(BundleContext context, Config config,
			@Reference(target = "(touyan.schema=store)") Store store) {
		this(config.enabled() || Boolean.parseBoolean(context.getProperty(PID)), store);
	}

	DemoLoader(boolean enabled, Store store) {
		this.store = store;
		this.enabled = enabled;
		if (enabled) {
			worker.execute(this::loadPending);
		}
	}

	@Override
	public boolean loading(String datasetId) {
		Set<String> loaded = loadedIds;
		return enabled && !givenUp.contains(datasetId) && !afterGivenUp(datasetId, 0) && (loaded == null || !loaded.contains(datasetId));
	}

	/** Whether a dataset waits, directly or through others, for one that was given up: it will not load. */
	private boolean afterGivenUp(String datasetId, int depth) {
		if (depth > datasets.size()) {
			return false;
		}
		for (DemoDataset d : datasets) {
			if (d.id().equals(datasetId)) {
				for (String r : d.requires()) {
					if (givenUp.contains(r) || afterGivenUp(r, depth + 1)) {
						return true;
					}
				}
			}
		}
		return false;
	}

	@Override
	public boolean loading() {
		return !pending().isEmpty();
	}

	/** The datasets asked for and not loaded yet; {@code "*"} while the records are not read yet. */
	private Set<String> pending() {
		Set<String> pending = new TreeSet<>();
		if (!enabled) {
			return pending;
		}
		if (loadedIds == null) {
			pending.add("*");
		}
		for (DemoDataset d : datasets) {
			if (loading(d.id())) {
				pending.add(d.id());
			}
		}
		return pending;
	}

	@Override
	public Contribution contribute() {
		Map<String, Object> details = new LinkedHashMap<>();
		List<String> warnings = new ArrayList<>();
		Set<String> pending = pending();
		String status = !enabled ? "off" : !pending.isEmpty() ? "loading" : givenUp.isEmpty() ? "loaded" : "failed";
		details.put("status", status);
		if (enabled) {
			details.put("district", DISTRICT_CODE);
			details.put("pending", List.copyOf(pending));
			Set<String> loaded = loadedIds;
			details.put("loaded", loaded == null ? List.of() : List.copyOf(new TreeSet<>(loaded)));
			details.put("failed", List.copyOf(new TreeSet<>(givenUp)));
		}
		if (!pending.isEmpty()) {
			warnings.add("the demo district " + DISTRICT_CODE + " is still loading (" + String.join(", ", pending)
					+ "): creating a district, or a cycle of the demo district, answers 503 until it is loaded");
		}
		givenUp.forEach(id -> warnings.add("demo dataset " + id + " failed after " + ATTEMPTS + " attempts; see the log"));
		// the demo district itself (the datasets that need no other) not there yet: not ready; the rest loading: degraded
		boolean foundation = pending.contains("*") || datasets.stream().anyMatch(d -> d.requires().isEmpty() && pending.contains(d.id()));
		return new Contribution("demo", !foundation, !pending.isEmpty(), warnings, details);
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
		Set<String> loaded = ConcurrentHashMap.newKeySet();
		loaded.addAll(loaded());
		loadedIds = loaded;
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
							givenUp.add(dataset.id());
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
