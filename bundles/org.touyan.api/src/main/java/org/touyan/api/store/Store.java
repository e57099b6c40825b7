package org.touyan.api.store;

import java.sql.Connection;
import java.sql.SQLException;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Transactions on the platform database, registered once per migrated schema.
 *
 * <p>Work runs on a pooled connection in one transaction: it commits when the work returns and
 * rolls back when it throws, so a failed request never leaves half its rows behind.
 *
 * <p>A transaction the database rolls back because it conflicted with a concurrent one (a
 * serialization failure or a deadlock) is run again, a few times, after a short pause; when it
 * still does not get through, the store throws {@link StoreConflictException}. Work may therefore
 * run more than once: it must have no effect outside its connection until it returns (build what
 * it answers inside the work, not into a collection of the caller).
 */
@ProviderType
public interface Store {

	/** Runs {@code work} in a read-write transaction and returns its result. */
	<T> T write(SqlWork<T> work);

	/** Runs {@code work} in a read-only transaction and returns its result. */
	<T> T read(SqlWork<T> work);

	/** A unit of work on one connection. */
	@FunctionalInterface
	interface SqlWork<T> {
		T run(Connection connection) throws SQLException;
	}
}
