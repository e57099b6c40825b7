package org.touyan.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.touyan.api.store.Cluster;
import org.touyan.api.store.StoreException;

/**
 * The nodes on one PostgreSQL database. Each node keeps one connection of its own outside the
 * pool, named after the node ({@code application_name}): it {@code LISTEN}s on every channel a
 * listener asked for, and the server's list of connections is the list of live nodes (a node that
 * dies loses its connection, and leaves the list, at once). A signal is {@code pg_notify} in the
 * sender's transaction, so the server delivers it on commit and drops it on rollback; the lock is
 * a session advisory lock, which the server releases when its holder's connection ends.
 */
final class PostgresCluster implements Cluster, AutoCloseable {

	/** Opens a connection outside the pool. */
	@FunctionalInterface
	interface Opener {
		Connection open(String applicationName) throws SQLException;
	}

	private static final Logger LOG = LoggerFactory.getLogger(PostgresCluster.class);
	/** The first key of every advisory lock the platform takes ("Touy"), so they do not meet other software's. */
	private static final int LOCK_CLASS = 0x546f7579;
	/** How long the listening connection waits for a notification before it looks whether it should stop. */
	private static final int WAIT_MS = 250;
	private static final long MAX_BACKOFF_MS = 5_000;

	private final String node = NodeName.fresh();
	private final Listeners listeners = new Listeners();
	private final Locks locks = new Locks();
	private final Opener opener;
	private final DataSource pool;
	private final ExecutorService delivery;
	private final Thread receiver;
	private volatile boolean running = true;
	/** The listening connection while it is open; guarded by {@code this}. */
	private Connection listening;

	PostgresCluster(Opener opener, DataSource pool, ExecutorService delivery) throws SQLException {
		this.opener = opener;
		this.pool = pool;
		this.delivery = delivery;
		// the first connection is made before the store starts, so a node is in the list of nodes
		// (and listens) before any of its components can send or wait for a signal
		Connection first = connect();
		receiver = new Thread(() -> receive(first), "touyan-signals-" + node);
		receiver.setDaemon(true);
		receiver.start();
	}

	@Override
	public String node() {
		return node;
	}

	@Override
	public Set<String> nodes() {
		try (Connection c = pool.getConnection();
				PreparedStatement s = c.prepareStatement("SELECT DISTINCT application_name FROM pg_stat_activity"
						+ " WHERE datname = current_database() AND application_name LIKE ?")) {
			s.setString(1, NodeName.PREFIX + "%");
			Set<String> nodes = new HashSet<>();
			try (ResultSet rs = s.executeQuery()) {
				while (rs.next()) {
					nodes.add(rs.getString(1));
				}
			}
			nodes.add(node);
			return Set.copyOf(nodes);
		} catch (SQLException e) {
			throw new StoreException("cannot list the nodes: " + e.getMessage(), e);
		}
	}

	@Override
	public void signal(Connection connection, String channel, String payload) throws SQLException {
		try (PreparedStatement s = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
			s.setString(1, Listeners.channel(channel));
			s.setString(2, Listeners.payload(payload));
			s.execute();
		}
	}

	@Override
	public AutoCloseable listen(String channel, Consumer<Optional<String>> listener) {
		if (listeners.add(channel, listener)) {
			synchronized (this) {
				if (listening != null) {
					try {
						listenOn(listening, channel);
					} catch (SQLException e) {
						// the receiver reconnects, listens on every channel and tells every listener to read again
						LOG.warn("could not listen on {} now: {}", channel, e.getMessage());
					}
				}
			}
		}
		return () -> listeners.remove(channel, listener);
	}

	@Override
	public <T> T exclusively(String lock, Supplier<T> work) {
		// the threads of this node queue in process; only the one at the front holds a connection for the lock
		return locks.holding(lock, () -> {
			try (Connection c = pool.getConnection()) {
				advisory(c, "pg_advisory_lock", lock);
				try {
					return work.get();
				} finally {
					advisory(c, "pg_advisory_unlock", lock);
				}
			} catch (SQLException e) {
				throw new StoreException("the cluster lock " + lock + " failed: " + e.getMessage(), e);
			}
		});
	}

	private static void advisory(Connection c, String function, String lock) throws SQLException {
		try (PreparedStatement s = c.prepareStatement("SELECT " + function + "(?, ?)")) {
			s.setInt(1, LOCK_CLASS);
			s.setInt(2, lock.hashCode());
			s.execute();
		}
	}

	@Override
	public void close() {
		running = false;
		receiver.interrupt();
		try {
			receiver.join(2_000);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private Connection connect() throws SQLException {
		Connection c = opener.open(node);
		try {
			synchronized (this) {
				for (String channel : listeners.channels()) {
					listenOn(c, channel);
				}
				listening = c;
			}
			return c;
		} catch (SQLException e) {
			c.close();
			throw e;
		}
	}

	private static void listenOn(Connection c, String channel) throws SQLException {
		try (Statement s = c.createStatement()) {
			s.execute("LISTEN " + Listeners.channel(channel));
		}
	}

	/** The receiver's loop: read notifications and hand them to the delivery thread; on a lost connection, reconnect and resync. */
	private void receive(Connection first) {
		Connection c = first;
		long backoff = 100;
		while (running) {
			try {
				if (c == null) {
					c = connect();
					backoff = 100;
					LOG.info("node {} listens again; every listener reads its state again", node);
					delivery.execute(listeners::resync);
				}
				PGNotification[] received = c.unwrap(PGConnection.class).getNotifications(WAIT_MS);
				if (received != null) {
					for (PGNotification n : received) {
						String channel = n.getName();
						String payload = n.getParameter();
						delivery.execute(() -> listeners.deliver(channel, Optional.of(payload)));
					}
				}
			} catch (SQLException e) {
				if (!running) {
					break;
				}
				LOG.warn("node {} lost its listening connection ({}); reconnecting in {} ms", node, e.getMessage(), backoff);
				c = drop(c);
				try {
					Thread.sleep(backoff);
				} catch (InterruptedException interrupted) {
					break;
				}
				backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
			}
		}
		drop(c);
	}

	private Connection drop(Connection c) {
		synchronized (this) {
			listening = null;
		}
		if (c != null) {
			try {
				c.close();
			} catch (SQLException ignored) {
				// it is gone either way
			}
		}
		return null;
	}
}
