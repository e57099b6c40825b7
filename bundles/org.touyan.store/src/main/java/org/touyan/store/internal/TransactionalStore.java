package org.touyan.store.internal;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.touyan.api.store.Store;
import org.touyan.api.store.StoreException;

/** {@link Store} over a pooled data source: one connection and one transaction per unit of work. */
final class TransactionalStore implements Store {

	private final DataSource dataSource;
	private final String schema;

	TransactionalStore(DataSource dataSource, String schema) {
		this.dataSource = dataSource;
		this.schema = schema;
	}

	@Override
	public <T> T write(SqlWork<T> work) {
		return run(work, true);
	}

	@Override
	public <T> T read(SqlWork<T> work) {
		return run(work, false);
	}

	private <T> T run(SqlWork<T> work, boolean commit) {
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(false);
			try {
				T result = work.run(c);
				if (commit) {
					c.commit();
				} else {
					c.rollback();
				}
				return result;
			} catch (SQLException | RuntimeException | Error e) {
				c.rollback();
				throw e;
			} finally {
				c.setAutoCommit(true);
			}
		} catch (SQLException e) {
			throw new StoreException("database failure in schema " + schema + ": " + e.getMessage(), e);
		}
	}
}
