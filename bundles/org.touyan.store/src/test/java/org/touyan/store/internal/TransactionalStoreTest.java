package org.touyan.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touyan.api.store.StoreConflictException;
import org.touyan.api.store.StoreException;

/** Units of work on HSQLDB; {@link PostgresTransactionalStoreTest} runs the same tests on PostgreSQL through its pool. */
class TransactionalStoreTest {

	private final StoreTally tally = new StoreTally(4);
	private TestDatabase db;
	private TransactionalStore store;

	TestDatabase database() {
		return TestDatabase.hsqldb(4);
	}

	@BeforeEach
	void open() throws Exception {
		db = database();
		try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
			s.execute("CREATE TABLE counter (id INT PRIMARY KEY, v INT NOT NULL)");
			s.execute("INSERT INTO counter VALUES (1, 0), (2, 0)");
		}
		store = new TransactionalStore(db.dataSource(), "test", tally, Commits.NONE);
	}

	@AfterEach
	void close() throws Exception {
		db.close();
	}

	/** Two transactions that each wait for the other's row: the one the database rolls back runs again and both count. */
	@Test
	void aDeadlockedTransactionRunsAgainAndBothCommit() throws Exception {
		CountDownLatch bothHoldOneRow = new CountDownLatch(2);
		ExecutorService two = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> done = List.of(two.submit(() -> crossing(bothHoldOneRow, 1, 2)),
					two.submit(() -> crossing(bothHoldOneRow, 2, 1)));
			for (Future<Integer> f : done) {
				f.get(30, TimeUnit.SECONDS);
			}
		} finally {
			two.shutdownNow();
		}
		assertEquals(List.of(2, 2), store.read(TransactionalStoreTest::values));
	}

	private int crossing(CountDownLatch bothHoldOneRow, int first, int second) {
		return store.write(c -> {
			try (Statement s = c.createStatement()) {
				s.executeUpdate("UPDATE counter SET v = v + 1 WHERE id = " + first);
				bothHoldOneRow.countDown();
				// on a second run the other transaction has committed: nothing to wait for
				bothHoldOneRow.await(10, TimeUnit.SECONDS);
				return s.executeUpdate("UPDATE counter SET v = v + 1 WHERE id = " + second);
			} catch (InterruptedException e) {
				throw new IllegalStateException(e);
			}
		});
	}

	private static List<Integer> values(Connection c) throws java.sql.SQLException {
		try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT v FROM counter ORDER BY id")) {
			List<Integer> v = new java.util.ArrayList<>();
			while (rs.next()) {
				v.add(rs.getInt(1));
			}
			return v;
		}
	}

	@Test
	void aConflictThatPassesIsInvisibleToTheCaller() {
		AtomicInteger runs = new AtomicInteger();
		String answer = store.write(c -> {
			if (runs.incrementAndGet() < 3) {
				throw new SQLTransactionRollbackException("transaction rollback: serialization failure", "40001");
			}
			return "written";
		});
		assertEquals("written", answer);
		assertEquals(3, runs.get());
		assertEquals(2, units("retried"));
		assertEquals(1, units("committed"));
		assertEquals(0, inUse(), "every connection taken was given back");
	}

	@Test
	void aConflictThatOutlastsTheAttemptsIsAStoreConflictAndNothingIsWritten() {
		AtomicInteger runs = new AtomicInteger();
		StoreConflictException e = assertThrows(StoreConflictException.class, () -> store.write(c -> {
			runs.incrementAndGet();
			try (Statement s = c.createStatement()) {
				s.executeUpdate("UPDATE counter SET v = 99 WHERE id = 1");
			}
			// wrapped by the work: still recognised by its SQLState
			throw new IllegalStateException(new java.sql.SQLException("deadlock", "40001"));
		}));
		assertEquals(TransactionalStore.ATTEMPTS, runs.get());
		assertInstanceOf(StoreException.class, e);
		assertEquals(List.of(0, 0), store.read(TransactionalStoreTest::values));
		assertEquals(1, units("conflicted"));
		assertEquals(1, units("read"));
		assertEquals(0, inUse());
	}

	@Test
	void aConnectionHeldByAUnitOfWorkIsInUseUntilItEnds() {
		double during = store.read(c -> inUse());
		assertEquals(1, during);
		assertEquals(0, inUse());
		assertThrows(IllegalStateException.class, () -> store.write(c -> {
			throw new IllegalStateException("broken");
		}));
		assertEquals(1, units("failed"));
		assertEquals(0, inUse());
		assertEquals(4, tally.families().get(1).samples().get(0).value(), "the pool's size");
	}

	private double inUse() {
		return tally.families().get(0).samples().get(0).value();
	}

	private double units(String outcome) {
		return tally.families().get(2).samples().stream().filter(s -> s.labelValues().equals(List.of("test", outcome)))
				.mapToDouble(s -> s.value()).sum();
	}

	@Test
	void otherFailuresAreNotRunAgain() {
		AtomicInteger runs = new AtomicInteger();
		StoreException e = assertThrows(StoreException.class, () -> store.write(c -> {
			runs.incrementAndGet();
			throw new SQLIntegrityConstraintViolationException("duplicate", "23505");
		}));
		assertEquals(1, runs.get());
		assertEquals(StoreException.class, e.getClass());
	}

	/** A statement that fails is undone alone: work that catches its failure goes on in the same transaction, on either database. */
	@Test
	void aFailedStatementCaughtByTheWorkLeavesItsTransactionUsable() {
		String answer = store.write(c -> {
			try (Statement s = c.createStatement()) {
				s.executeUpdate("UPDATE counter SET v = 5 WHERE id = 1");
				try {
					s.executeUpdate("INSERT INTO counter VALUES (2, 0)");
					throw new IllegalStateException("the duplicate key was taken");
				} catch (java.sql.SQLException duplicate) {
					assertEquals("23", duplicate.getSQLState().substring(0, 2), duplicate.getMessage());
				}
				s.executeUpdate("UPDATE counter SET v = 7 WHERE id = 2");
				return "went on";
			}
		});
		assertEquals("went on", answer);
		assertEquals(List.of(5, 7), store.read(TransactionalStoreTest::values), "both updates kept, the failed insert alone undone");
	}
}
