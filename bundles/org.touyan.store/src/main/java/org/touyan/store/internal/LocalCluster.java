package org.touyan.store.internal;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.touyan.api.store.Cluster;

/**
 * The one node of an embedded database: a signal is delivered in this process after its
 * transaction commits, on the store's signal thread as it would be from PostgreSQL, so listeners
 * behave the same on both databases.
 */
final class LocalCluster implements Cluster, Commits {

	private record Pending(String channel, String payload) {
	}

	private final String node = NodeName.fresh();
	private final Listeners listeners = new Listeners();
	private final Locks locks = new Locks();
	private final ExecutorService delivery;
	/** Signals of transactions still open, by their connection. */
	private final Map<Connection, List<Pending>> pending = new IdentityHashMap<>();

	LocalCluster(ExecutorService delivery) {
		this.delivery = delivery;
	}

	@Override
	public String node() {
		return node;
	}

	@Override
	public Set<String> nodes() {
		return Set.of(node);
	}

	@Override
	public void signal(Connection connection, String channel, String payload) {
		Pending p = new Pending(Listeners.channel(channel), Listeners.payload(payload));
		synchronized (pending) {
			pending.computeIfAbsent(connection, k -> new ArrayList<>()).add(p);
		}
	}

	@Override
	public void committed(Connection connection) {
		List<Pending> sent;
		synchronized (pending) {
			sent = pending.remove(connection);
		}
		if (sent != null) {
			delivery.execute(() -> sent.forEach(p -> listeners.deliver(p.channel(), Optional.of(p.payload()))));
		}
	}

	@Override
	public void rolledBack(Connection connection) {
		synchronized (pending) {
			pending.remove(connection);
		}
	}

	@Override
	public AutoCloseable listen(String channel, Consumer<Optional<String>> listener) {
		listeners.add(channel, listener);
		return () -> listeners.remove(channel, listener);
	}

	@Override
	public <T> T exclusively(String lock, Supplier<T> work) {
		return locks.holding(lock, work);
	}
}
