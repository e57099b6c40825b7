package org.touyan.api.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The nodes that share the platform database, and what they tell each other through it. On the
 * embedded HSQLDB database there is one node, this one, and every method works in process; on
 * PostgreSQL a signal is a {@code NOTIFY} and the lock an advisory lock, so several nodes behind a
 * load balancer act as one.
 *
 * <p>A signal says "something changed, read it from the database"; it carries a short payload (a
 * revision number, an id), never the data itself, and it may be missed when a node loses its
 * connection: a listener is then called with an empty payload, which means "anything may have
 * changed: read it all again".
 */
@ProviderType
public interface Cluster {

	/** This node's name, unique among the nodes running now. */
	String node();

	/** The nodes connected to the database now, this one included. */
	Set<String> nodes();

	/**
	 * Signals {@code payload} on {@code channel} to every node, this one included, once the
	 * transaction of {@code connection} (a unit of work of a {@link Store}) commits; a rolled-back
	 * transaction signals nothing.
	 *
	 * @param channel lower-case letters, digits and underscores, at most 63 of them
	 * @param payload at most 1,000 characters
	 */
	void signal(Connection connection, String channel, String payload) throws SQLException;

	/**
	 * Calls {@code listener} with each signal's payload on {@code channel}, on a thread of the
	 * store's, one signal after another; an empty payload means signals may have been missed.
	 * Keep the listener short, or hand the work on. Closing the result stops the calls.
	 */
	AutoCloseable listen(String channel, Consumer<Optional<String>> listener);

	/**
	 * Runs {@code work} while no other node, and no other thread of this one, runs work under the
	 * same {@code lock}; waits for it as long as that takes. Not reentrant across nodes: work must
	 * not wait for another node that may itself be waiting for this lock.
	 */
	<T> T exclusively(String lock, Supplier<T> work);
}
