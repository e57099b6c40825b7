package org.touyan.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Every test of {@link MigratorTest} on PostgreSQL, and what only PostgreSQL gives: DDL in the
 * migration's transaction, and nodes that start at once.
 */
class PostgresMigratorTest extends MigratorTest {

	@Override
	TestDatabase database() {
		return TestDatabase.postgresql(4);
	}

	/** On HSQLDB a failure that depends on stored rows leaves the DDL before it; here nothing is left. */
	@Test
	void aFailureThatDependsOnStoredRowsLeavesNothingEither() throws SQLException {
		Migration streets = Migration.of("V1__street.sql", """
				CREATE TABLE street (id VARCHAR(36) PRIMARY KEY, name VARCHAR(100) NOT NULL);
				INSERT INTO street VALUES ('s1', '塘桥街道'), ('s2', '塘桥街道');
				""");
		migrator.migrate("registry", List.of(streets));
		Migration unique = Migration.of("V2__unique_name.sql", """
				CREATE TABLE community (id VARCHAR(36) PRIMARY KEY);
				ALTER TABLE street ADD CONSTRAINT street_name UNIQUE (name);
				""");
		MigrationException e = assertThrows(MigrationException.class, () -> migrator.migrate("registry", List.of(streets, unique)));
		assertTrue(e.getMessage().contains("V2") && e.getMessage().contains("before anything was changed"), e.getMessage());
		assertFalse(db.tableExists("community"), "the DDL before the failing statement is rolled back too");
		assertEquals(1, db.count("SELECT COUNT(*) FROM touyan_schema_history"));
	}

	/** Two nodes on one database: one migrates, the other waits for its lock and finds the work done. */
	@Test
	void nodesStartingAtOnceMigrateOnce() throws Exception {
		Migration slow = Migration.of("V1__slow.sql", """
				CREATE TABLE street (id VARCHAR(36) PRIMARY KEY);
				SELECT pg_sleep(0.5);
				INSERT INTO street VALUES ('s1');
				""");
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService nodes = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> started = List.of(nodes.submit(() -> {
				go.await();
				Migrator node = migrator();
				node.bootstrap();
				return node.migrate("registry", List.of(slow));
			}), nodes.submit(() -> {
				go.await();
				Migrator node = migrator();
				node.bootstrap();
				return node.migrate("registry", List.of(slow));
			}));
			go.countDown();
			for (Future<Integer> f : started) {
				assertEquals(1, f.get(30, TimeUnit.SECONDS));
			}
		} finally {
			nodes.shutdownNow();
		}
		assertEquals(1, db.count("SELECT COUNT(*) FROM street"));
		assertEquals(1, db.count("SELECT COUNT(*) FROM touyan_schema_history"));
	}
}
