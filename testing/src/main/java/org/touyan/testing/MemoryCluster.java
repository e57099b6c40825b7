package org.touyan.testing;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.touyan.api.store.Cluster;

/**
 * Nodes in one test process: every node made by {@link #node()} hears every signal at once, on the
 * sender's thread (the test's own units of work commit before they return). The lock is one
 * monitor for all of them.
 */
public final class MemoryCluster {

	private record Listener(String channel, Consumer<Optional<String>> call) {
	}

	private final List<Listener> listeners = new CopyOnWriteArrayList<>();
	private final List<String> nodes = new CopyOnWriteArrayList<>();
	private final Object lock = new Object();

	/** A new node of this cluster. */
	public Cluster node() {
		String name = "test-node-" + nodes.size();
		nodes.add(name);
		return new Cluster() {
			@Override
			public String node() {
				return name;
			}

			@Override
			public Set<String> nodes() {
				return Set.copyOf(nodes);
			}

			@Override
			public void signal(Connection connection, String channel, String payload) {
				listeners.stream().filter(l -> l.channel().equals(channel)).forEach(l -> l.call().accept(Optional.of(payload)));
			}

			@Override
			public AutoCloseable listen(String channel, Consumer<Optional<String>> call) {
				Listener l = new Listener(channel, call);
				listeners.add(l);
				return () -> listeners.remove(l);
			}

			@Override
			public <T> T exclusively(String name, Supplier<T> work) {
				synchronized (lock) {
					return work.get();
				}
			}
		};
	}
}
