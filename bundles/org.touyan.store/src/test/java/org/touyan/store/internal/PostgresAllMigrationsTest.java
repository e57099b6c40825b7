package org.touyan.store.internal;

/** Every bundle's migrations on PostgreSQL, with its {@code postgresql/} scripts in place of the shared ones they override. */
class PostgresAllMigrationsTest extends AllMigrationsTest {

	@Override
	TestDatabase database() {
		return TestDatabase.postgresql(2);
	}
}
