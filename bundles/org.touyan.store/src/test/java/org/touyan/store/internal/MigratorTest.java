package org.touyan.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touyan.api.store.Dialect;

/** The migration runner on HSQLDB; {@link PostgresMigratorTest} runs the same tests on PostgreSQL. */
class MigratorTest {

	TestDatabase db;
	Migrator migrator;

	TestDatabase database() {
		return TestDatabase.hsqldb(2);
	}

	@BeforeEach
	void newDatabase() throws SQLException {
		db = database();
		migrator = migrator();
		migrator.bootstrap();
	}

	/** A runner on the test's database, as a node of its own would have. */
	Migrator migrator() {
		return new Migrator(() -> {
			try {
				return db.dataSource().getConnection();
			} catch (SQLException e) {
				throw new IllegalStateException(e);
			}
		}, db.dialect());
	}

	@AfterEach
	void shutdown() {
		db.close();
	}

	private static final Migration V1 = Migration.of("V1__create_street.sql", """
			-- streets of the district
			CREATE TABLE street (
			  id VARCHAR(36) PRIMARY KEY,
			  name VARCHAR(100) NOT NULL
			);
			INSERT INTO street VALUES ('s1', '塘桥街道');
			""");
	private static final Migration V2 = Migration.of("V2__add_code.sql", "ALTER TABLE street ADD COLUMN code VARCHAR(20);\n");

	@Test
	void appliesMigrationsOnceInOrderAndRecordsThem() throws SQLException {
		assertEquals(2, migrator.migrate("registry", List.of(V2, V1)));
		assertEquals(2, migrator.migrate("registry", List.of(V1, V2)));
		assertEquals(1, count("SELECT COUNT(*) FROM street WHERE name = '塘桥街道'"));
		assertEquals(2, count("SELECT COUNT(*) FROM touyan_schema_history WHERE schema_name = 'registry'"));
	}

	@Test
	void appliesOnlyWhatIsNewOnALaterStart() throws SQLException {
		migrator.migrate("registry", List.of(V1));
		assertEquals(2, migrator.migrate("registry", List.of(V1, V2)));
		assertEquals(0, count("SELECT COUNT(*) FROM street WHERE code IS NOT NULL"));
	}

	@Test
	void aBrokenMigrationLeavesTheDatabaseUnchanged() throws SQLException {
		Migration broken = Migration.of("V2__broken.sql", """
				CREATE TABLE community (id VARCHAR(36) PRIMARY KEY);
				ALTER TABLE no_such_table ADD COLUMN x INT;
				""");
		MigrationException e = assertThrows(MigrationException.class,
				() -> migrator.migrate("registry", List.of(V1, broken)));
		assertTrue(e.getMessage().contains("V2"), e.getMessage());
		assertTrue(e.getMessage().contains("before anything was changed"),
				e.getMessage());
		assertFalse(db.tableExists("street"), "V1 of the same run must not be applied either");
		assertFalse(db.tableExists("community"));
		assertEquals(0, count("SELECT COUNT(*) FROM touyan_schema_history"));
	}

	@Test
	void refusesAMigrationEditedAfterItWasApplied() {
		migrator.migrate("registry", List.of(V1));
		Migration edited = Migration.of("V1__create_street.sql", V1.script() + "-- edited\n");
		MigrationException e = assertThrows(MigrationException.class, () -> migrator.migrate("registry", List.of(edited)));
		assertTrue(e.getMessage().contains("changed after it was applied"), e.getMessage());
	}

	@Test
	void refusesADatabaseNewerThanTheBundle() {
		migrator.migrate("registry", List.of(V1, V2));
		MigrationException e = assertThrows(MigrationException.class, () -> migrator.migrate("registry", List.of(V1)));
		assertTrue(e.getMessage().contains("newer than the bundle"), e.getMessage());
	}

	@Test
	void refusesAGapFilledAfterANewerMigration() {
		Migration v3 = Migration.of("V3__later.sql", "CREATE TABLE later (id INT);\n");
		migrator.migrate("registry", List.of(V1, v3));
		assertThrows(MigrationException.class, () -> migrator.migrate("registry", List.of(V1, V2, v3)));
	}

	@Test
	void schemasAreIndependent() throws SQLException {
		migrator.migrate("registry", List.of(V1));
		assertEquals(1, migrator.migrate("training", List.of(Migration.of("V1__brand.sql", "CREATE TABLE brand (id INT);"))));
		assertEquals(2, count("SELECT COUNT(*) FROM touyan_schema_history"));
	}

	@Test
	void refusesBadNamesAndDuplicateVersions() {
		assertThrows(MigrationException.class, () -> Migration.of("create.sql", "x;"));
		assertThrows(MigrationException.class,
				() -> migrator.migrate("registry", List.of(V1, Migration.of("V1__again.sql", "CREATE TABLE a (id INT);"))));
	}

	@Test
	void splitsStatementsAtLineEndSemicolonsAndSkipsComments() {
		Migration m = Migration.of("V9__multi.sql", "-- c\nCREATE TABLE a (\n  x VARCHAR(5) DEFAULT ';'\n);\n\nDROP TABLE a;\n");
		assertEquals(List.of("CREATE TABLE a (\n  x VARCHAR(5) DEFAULT ';'\n)", "DROP TABLE a"), m.statements());
		assertThrows(MigrationException.class, () -> Migration.of("V9__open.sql", "CREATE TABLE a (x INT)").statements());
	}

	@Test
	void aDialectsScriptTakesThePlaceOfTheSharedOneOfItsVersion() {
		Migration shared = Migration.of("V2__add_code.sql", "ALTER TABLE street ADD COLUMN code VARCHAR(20);\n");
		Migration own = Migration.of("V2__add_code.sql", "ALTER TABLE street ADD COLUMN code VARCHAR(30);\n");
		Migration only = Migration.of("V3__dialect_only.sql", "CREATE TABLE x (id INT);\n");
		assertEquals(List.of(V1, own, only), Migration.forDialect(List.of(shared, V1), List.of(only, own)));
		assertEquals(List.of(V1, shared), Migration.forDialect(List.of(V1, shared), List.of()));
		assertThrows(MigrationException.class, () -> Migration.forDialect(List.of(V1), List.of(own, own)));
	}

	@Test
	void theChecksumIsOfTheScriptThatRan() throws SQLException {
		Migration own = Migration.of("V2__add_code.sql", "ALTER TABLE street ADD COLUMN code VARCHAR(30);\n");
		migrator.migrate("registry", Migration.forDialect(List.of(V1, V2), List.of(own)));
		try (Connection c = db.connect(); Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("SELECT checksum FROM touyan_schema_history WHERE version = 2")) {
			assertTrue(rs.next());
			assertEquals(own.checksum(), rs.getString(1));
		}
		// the same scripts again: unchanged; the shared one in its place would be a changed script
		assertEquals(2, migrator.migrate("registry", Migration.forDialect(List.of(V1, V2), List.of(own))));
		MigrationException e = assertThrows(MigrationException.class, () -> migrator.migrate("registry", List.of(V1, V2)));
		assertTrue(e.getMessage().contains("changed after it was applied"), e.getMessage());
	}

	private long count(String sql) throws SQLException {
		return db.count(sql);
	}
}
