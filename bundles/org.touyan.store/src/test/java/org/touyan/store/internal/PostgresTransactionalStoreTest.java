package org.touyan.store.internal;

/** Every test of {@link TransactionalStoreTest} on PostgreSQL, whose deadlocks are SQLState 40P01, through the HikariCP pool. */
class PostgresTransactionalStoreTest extends TransactionalStoreTest {

	@Override
	TestDatabase database() {
		return TestDatabase.postgresql(4);
	}
}
