package org.touyan.store.internal;

/** Every test of {@link BulkInsertTest} on PostgreSQL, where the rows go as one array per column. */
class PostgresBulkInsertTest extends BulkInsertTest {

	@Override
	TestDatabase database() {
		return TestDatabase.postgresql(2);
	}
}
