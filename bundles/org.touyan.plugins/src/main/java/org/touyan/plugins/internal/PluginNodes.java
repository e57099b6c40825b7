package org.touyan.plugins.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.touyan.api.store.Cluster;
import org.touyan.api.store.Sql;
import org.touyan.api.store.Store;

/**
 * Keeps the plugin set of every node the same. A change of the plugin set (an install, update,
 * promotion, rollback, removal, binding, pin or release) is made under the cluster's lock, after
 * this node has caught up with the database; it moves the set's generation on and signals it. Every
 * node, on the signal, converges to the database (installs what is in service and missing, reads
 * bindings, pins and quarantines again, retires what left service) and records the generation it
 * has applied; the node that made the change answers only once every live node has applied it, so
 * no request that starts after a change answered is served by the set before it, on any node.
 */
final class PluginNodes implements AutoCloseable {

	static final String CHANGED = "touyan_plugins";
	static final String APPLIED = "touyan_plugins_applied";
	/** How long a change waits for the other nodes before it answers anyway (a node that hangs must not stop administration). */
	static final Duration CONVERGENCE = Duration.ofSeconds(10);

	private static final Logger LOG = LoggerFactory.getLogger(PluginNodes.class);

	private final Store store;
	private final Cluster cluster;
	private final Runnable converge;
	private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "touyan-plugins-converge");
		t.setDaemon(true);
		return t;
	});
	private final Object applied = new Object();
	private final AutoCloseable changes;
	private final AutoCloseable acks;

	/** {@code converge} brings this node's plugin set to what the database says; it runs on a thread of its own. */
	PluginNodes(Store store, Cluster cluster, Runnable converge) {
		this.store = store;
		this.cluster = cluster;
		this.converge = converge;
		// listening starts before the first convergence, so a change made meanwhile is not missed
		this.changes = cluster.listen(CHANGED, payload -> worker.execute(this::catchUp));
		this.acks = cluster.listen(APPLIED, payload -> {
			synchronized (applied) {
				applied.notifyAll();
			}
		});
	}

	/** Brings this node up to the database now, on the caller's thread, and records it. */
	void catchUpNow() {
		long generation = generation();
		converge.run();
		record(generation);
	}

	private void catchUp() {
		try {
			catchUpNow();
		} catch (RuntimeException e) {
			LOG.error("node {} could not converge to the plugin set in the database: {}", cluster.node(), e.toString(), e);
		}
	}

	/**
	 * Runs a change of the plugin set on this node with no other node changing it meanwhile, then
	 * tells every node and waits for them. {@code caughtUp} brings this node up to the database
	 * first (another node may have changed the set a moment ago).
	 */
	<T> T change(Runnable caughtUp, Supplier<T> change) {
		long[] generation = { 0 };
		T result = cluster.exclusively("plugins", () -> {
			caughtUp.run();
			try {
				return change.get();
			} finally {
				generation[0] = store.write(this::moveOn);
			}
		});
		awaitNodes(generation[0]);
		return result;
	}

	private long moveOn(Connection c) throws SQLException {
		Sql.update(c, "UPDATE plugin_generation SET generation = generation + 1 WHERE id = 1", null, null);
		long generation = Sql.count(c, "SELECT generation FROM plugin_generation WHERE id = 1");
		// this node applied it already: the change was made here
		upsertApplied(c, generation);
		cluster.signal(c, CHANGED, Long.toString(generation));
		return generation;
	}

	long generation() {
		return store.read(c -> Sql.count(c, "SELECT generation FROM plugin_generation WHERE id = 1"));
	}

	private void record(long generation) {
		store.write(c -> {
			upsertApplied(c, generation);
			cluster.signal(c, APPLIED, cluster.node() + " " + generation);
			return null;
		});
	}

	private void upsertApplied(Connection c, long generation) throws SQLException {
		if (Sql.update(c, "UPDATE plugin_node SET generation = GREATEST(generation, ?), seen_at = ? WHERE node = ?", null, null,
				generation, Sql.now(), cluster.node()) == 0) {
			Sql.update(c, "INSERT INTO plugin_node (node, generation, seen_at) VALUES (?, ?, ?)", null, null, cluster.node(), generation,
					Sql.now());
		}
	}

	/** The live nodes that have not applied {@code generation} yet, waiting until there are none or {@link #CONVERGENCE} has passed. */
	Set<String> awaitNodes(long generation) {
		long deadline = System.nanoTime() + CONVERGENCE.toNanos();
		while (true) {
			Set<String> behind = behind(generation);
			long left = deadline - System.nanoTime();
			if (behind.isEmpty() || left <= 0) {
				if (!behind.isEmpty()) {
					LOG.warn("plugin generation {}: nodes {} have not applied it after {} s; answering anyway", generation, behind,
							CONVERGENCE.toSeconds());
				}
				return behind;
			}
			synchronized (applied) {
				try {
					// woken by each node's signal; the bound covers a node that leaves the list instead of answering
					applied.wait(Math.max(1, Math.min(left / 1_000_000, 200)));
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return behind;
				}
			}
		}
	}

	private Set<String> behind(long generation) {
		Map<String, Long> appliedBy = store.read(c -> {
			Map<String, Long> rows = new TreeMap<>();
			for (Map.Entry<String, Long> e : Sql.query(c, "SELECT node, generation FROM plugin_node",
					rs -> Map.entry(rs.getString(1), rs.getLong(2)))) {
				rows.put(e.getKey(), e.getValue());
			}
			return rows;
		});
		Set<String> behind = new TreeSet<>();
		for (String node : cluster.nodes()) {
			if (Optional.ofNullable(appliedBy.get(node)).orElse(-1L) < generation) {
				behind.add(node);
			}
		}
		return behind;
	}

	/** The nodes connected now and the generation each has applied, for the administrators' overview. */
	Map<String, Long> nodes() {
		Set<String> live = cluster.nodes();
		return store.read(c -> {
			Map<String, Long> rows = new TreeMap<>();
			for (String node : live) {
				rows.put(node, Sql.one(c, "SELECT generation FROM plugin_node WHERE node = ?", rs -> rs.getLong(1), node).orElse(-1L));
			}
			return rows;
		});
	}

	@Override
	public void close() {
		for (AutoCloseable subscription : new AutoCloseable[] { changes, acks }) {
			try {
				subscription.close();
			} catch (Exception e) {
				LOG.warn("could not stop listening: {}", e.getMessage());
			}
		}
		worker.shutdownNow();
	}
}
