package org.touyan.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.touyan.api.store.Store;
import org.touyan.api.store.StoreConflictException;
import org.touyan.api.store.StoreException;

/**
 * {@link Store} over a pooled data source: one connection and one transaction per unit of work.
 *
 * <p>Under MVCC, HSQLDB rolls back one of two transactions that wait for each other's rows (seen:
 * closing a cycle's scoring appends to its 52 secretaries' archives while the demo loader, still
 * loading after health turned 200, appends to the same archives in another order). Such a
 * transaction has written nothing, so it is run again, up to {@link #ATTEMPTS} times with a growing,
 * jittered pause; a conflict that outlasts them is a {@link StoreConflictException}.
 */
final class TransactionalStore implements Store {

	/** Runs of one unit of work, the first included. */
	static final int ATTEMPTS = 10;
	/**
	 * Pause before the second run; it doubles before each further one up to {@link #MAX_PAUSE_MS}
	 * (plus up to as much again at random), about 6–12 s in all: a rating run was seen to meet the
	 * demo loader's training year six times in 2 s.
	 */
	static final long FIRST_PAUSE_MS = 25;
	static final long MAX_PAUSE_MS = 1000;

	private static final Logger LOG = LoggerFactory.getLogger(TransactionalStore.class);

	private final DataSource dataSource;
	private final String schema;
	private final StoreTally tally;
	private final Commits commits;

	TransactionalStore(DataSource dataSource, String schema, StoreTally tally, Commits commits) {
		this.dataSource = dataSource;
		this.schema = schema;
		this.tally = tally;
		this.commits = commits;
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
		for (int attempt = 1;; attempt++) {
			try {
				return once(work, commit);
			} catch (RuntimeException e) {
				if (!rolledBackForConflict(e)) {
					tally.ended(schema, StoreTally.Outcome.FAILED);
					throw e;
				}
				if (attempt == ATTEMPTS) {
					tally.ended(schema, StoreTally.Outcome.CONFLICTED);
					throw new StoreConflictException("transaction in schema " + schema + " still conflicted with a concurrent one after "
							+ ATTEMPTS + " attempts: " + e.getMessage(), e);
				}
				tally.ended(schema, StoreTally.Outcome.RETRIED);
				LOG.info("transaction in schema {} conflicted with a concurrent one ({}); running it again (attempt {} of {})", schema,
						e.getMessage(), attempt + 1, ATTEMPTS);
				long pause = Math.min(MAX_PAUSE_MS, FIRST_PAUSE_MS << (attempt - 1));
				try {
					Thread.sleep(pause + ThreadLocalRandom.current().nextLong(pause));
				} catch (InterruptedException interrupted) {
					tally.ended(schema, StoreTally.Outcome.FAILED);
					Thread.currentThread().interrupt();
					throw new StoreConflictException("interrupted while waiting to run a conflicting transaction in schema " + schema
							+ " again", e);
				}
			}
		}
	}

	private <T> T once(SqlWork<T> work, boolean commit) {
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(false);
			tally.taken();
			try {
				T result = work.run(c);
				if (commit) {
					c.commit();
					commits.committed(c);
				} else {
					c.rollback();
					commits.rolledBack(c);
				}
				tally.ended(schema, commit ? StoreTally.Outcome.COMMITTED : StoreTally.Outcome.READ);
				return result;
			} catch (SQLException | RuntimeException | Error e) {
				commits.rolledBack(c);
				c.rollback();
				throw e;
			} finally {
				tally.returned();
				c.setAutoCommit(true);
			}
		} catch (SQLException e) {
			throw new StoreException("database failure in schema " + schema + ": " + e.getMessage(), e);
		}
	}

	/**
	 * Whether the database rolled the transaction back because of a concurrent one: SQLState class
	 * 40 (serialization failure, deadlock) anywhere in the causes, however the work wrapped it.
	 */
	static boolean rolledBackForConflict(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof StoreConflictException) {
				return false; // a nested unit of work gave up already
			}
			if (t instanceof SQLTransactionRollbackException
					|| t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("40")) {
				return true;
			}
		}
		return false;
	}
}
