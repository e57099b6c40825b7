package org.touyan.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touyan.api.store.Cluster;

/** Signals and the cluster lock of one node on HSQLDB; {@link PostgresClusterTest} runs them on PostgreSQL and adds a second node. */
class ClusterTest {

	TestDatabase db;
	final List<ExecutorService> executors = new ArrayList<>();
	Cluster cluster;
	TransactionalStore store;

	TestDatabase database() {
		return TestDatabase.hsqldb(4);
	}

	@BeforeEach
	void open() throws Exception {
		db = database();
		cluster = node();
		store = storeOf(cluster);
	}

	Cluster node() throws Exception {
		ExecutorService delivery = Executors.newSingleThreadExecutor();
		executors.add(delivery);
		return db.cluster(delivery);
	}

	TransactionalStore storeOf(Cluster node) {
		return new TransactionalStore(db.dataSource(), "test", new StoreTally(4), node instanceof Commits c ? c : Commits.NONE);
	}

	@AfterEach
	void close() throws Exception {
		if (cluster instanceof AutoCloseable c) {
			c.close();
		}
		executors.forEach(ExecutorService::shutdownNow);
		db.close();
	}

	static BlockingQueue<Optional<String>> listening(Cluster node, String channel) {
		BlockingQueue<Optional<String>> received = new LinkedBlockingQueue<>();
		node.listen(channel, received::add);
		return received;
	}

	void send(TransactionalStore on, Cluster node, String channel, String payload) {
		on.write(c -> {
			node.signal(c, channel, payload);
			return null;
		});
	}

	@Test
	void aSignalArrivesOnceItsTransactionCommitsAndNotWhenItRollsBack() throws Exception {
		BlockingQueue<Optional<String>> received = listening(cluster, "plugins");
		send(store, cluster, "plugins", "7");
		assertEquals(Optional.of("7"), received.poll(5, TimeUnit.SECONDS));

		assertThrows(IllegalStateException.class, () -> store.write(c -> {
			cluster.signal(c, "plugins", "8");
			throw new IllegalStateException("the work fails after it signalled");
		}));
		send(store, cluster, "plugins", "9");
		assertEquals(Optional.of("9"), received.poll(5, TimeUnit.SECONDS), "the rolled-back signal 8 never arrives");
		assertNull(received.poll(300, TimeUnit.MILLISECONDS));
	}

	@Test
	void aListenerHearsOnlyItsChannelAndCanStop() throws Exception {
		BlockingQueue<Optional<String>> plugins = listening(cluster, "plugins");
		BlockingQueue<Optional<String>> sessions = new LinkedBlockingQueue<>();
		AutoCloseable subscription = cluster.listen("sessions", sessions::add);
		send(store, cluster, "sessions", "a");
		assertEquals(Optional.of("a"), sessions.poll(5, TimeUnit.SECONDS));
		subscription.close();
		send(store, cluster, "sessions", "b");
		send(store, cluster, "plugins", "c");
		assertEquals(Optional.of("c"), plugins.poll(5, TimeUnit.SECONDS));
		assertNull(sessions.poll(300, TimeUnit.MILLISECONDS), "a closed subscription hears nothing more");
	}

	@Test
	void channelsAndPayloadsAreChecked() throws Exception {
		assertThrows(IllegalArgumentException.class, () -> cluster.listen("Plugins; DROP TABLE x", p -> {
		}));
		try (Connection c = db.dataSource().getConnection()) {
			assertThrows(IllegalArgumentException.class, () -> cluster.signal(c, "plugins", "x".repeat(1001)));
		}
	}

	@Test
	void theNodeListsItself() {
		assertTrue(cluster.nodes().contains(cluster.node()), cluster.nodes() + " lists " + cluster.node());
		assertTrue(cluster.node().startsWith(NodeName.PREFIX));
	}

	/** Work under one lock never overlaps, whichever thread runs it. */
	@Test
	void workUnderOneLockRunsOneAtATime() throws Exception {
		assertExclusive(List.of(cluster, cluster, cluster, cluster));
	}

	static void assertExclusive(List<Cluster> nodes) throws Exception {
		AtomicInteger inside = new AtomicInteger();
		AtomicInteger most = new AtomicInteger();
		ExecutorService threads = Executors.newFixedThreadPool(nodes.size());
		try {
			List<Future<?>> done = new ArrayList<>();
			for (Cluster node : nodes) {
				done.add(threads.submit(() -> {
					for (int i = 0; i < 5; i++) {
						node.exclusively("plugins", () -> {
							most.accumulateAndGet(inside.incrementAndGet(), Math::max);
							sleep(10);
							inside.decrementAndGet();
							return null;
						});
					}
				}));
			}
			for (Future<?> f : done) {
				f.get(60, TimeUnit.SECONDS);
			}
		} finally {
			threads.shutdownNow();
		}
		assertEquals(1, most.get(), "work under the lock overlapped");
	}

	static void sleep(long ms) {
		try {
			Thread.sleep(ms);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
