package org.touyan.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.touyan.api.store.Cluster;

/** {@link ClusterTest} on PostgreSQL, and what only several nodes show: each sees the others, their signals and their lock. */
class PostgresClusterTest extends ClusterTest {

	@Override
	TestDatabase database() {
		return TestDatabase.postgresql(6);
	}

	@Test
	void twoNodesSeeEachOtherAndASignalReachesBoth() throws Exception {
		PostgresCluster other = (PostgresCluster) node();
		try {
			assertEquals(java.util.Set.of(cluster.node(), other.node()), cluster.nodes());
			BlockingQueue<Optional<String>> here = listening(cluster, "plugins");
			BlockingQueue<Optional<String>> there = listening(other, "plugins");
			send(storeOf(other), other, "plugins", "42");
			assertEquals(Optional.of("42"), there.poll(5, TimeUnit.SECONDS), "the sender hears its own signal");
			assertEquals(Optional.of("42"), here.poll(5, TimeUnit.SECONDS), "the other node hears it");
		} finally {
			other.close();
		}
		assertFalse(cluster.nodes().contains(other.node()), "a node that stopped leaves the list at once");
	}

	@Test
	void theLockHoldsAcrossNodes() throws Exception {
		PostgresCluster other = (PostgresCluster) node();
		try {
			assertExclusive(List.of(cluster, other, cluster, other));
		} finally {
			other.close();
		}
	}

	/** A node whose listening connection the server ends connects again and tells its listeners to read everything again. */
	@Test
	void aLostConnectionIsReplacedAndListenersResync() throws Exception {
		BlockingQueue<Optional<String>> received = listening(cluster, "plugins");
		try (Connection c = db.connect();
				PreparedStatement s = c.prepareStatement("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?")) {
			s.setString(1, cluster.node());
			s.execute();
		}
		assertEquals(Optional.empty(), received.poll(10, TimeUnit.SECONDS), "the listener is told it may have missed signals");
		assertTrue(cluster.nodes().contains(cluster.node()));
		send(store, cluster, "plugins", "after");
		assertEquals(Optional.of("after"), received.poll(5, TimeUnit.SECONDS));
	}
}
