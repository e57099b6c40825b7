package org.touyan.api.store;

import java.sql.Connection;
import java.sql.SQLException;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Transactions on the platform database, registered once per migrated schema.
 *
 * <p>Work runs on a pooled connection in one transaction: it commits when the work returns and
 * rolls back when it throws, so a failed request never leaves half its rows behind.
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
