package org.touyan.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touyan.api.store.Dialect;

/**
 * Every migration of every bundle of the reactor (each module whose bnd.bnd names a
 * {@code Touyan-Schema}), applied as the store applies them: the scripts of the database's dialect,
 * one schema after the other, on an empty database, and then once more, which must change nothing.
 * {@link PostgresAllMigrationsTest} does the same on PostgreSQL.
 */
class AllMigrationsTest {

	private static final Pattern HEADER = Pattern.compile("(?m)^Touyan-Schema:\\s*([A-Za-z0-9_]+)\\s*(?:;\\s*path\\s*=\\s*\"?([^\"\\s]+)\"?)?\\s*$");
	/** The schemas the platform has today: a test that found fewer would have looked in the wrong place. */
	private static final List<String> KNOWN = List.of("evaluation", "plugins", "registry", "security", "store", "training");

	private TestDatabase db;

	TestDatabase database() {
		return TestDatabase.hsqldb(2);
	}

	@BeforeEach
	void open() {
		db = database();
	}

	@AfterEach
	void close() {
		db.close();
	}

	@Test
	void everyBundlesMigrationsApplyAndApplyOnlyOnce() throws SQLException {
		Map<String, List<Migration>> schemas = schemas(db.dialect());
		assertTrue(schemas.keySet().containsAll(KNOWN), "found the schemas " + schemas.keySet());
		Migrator migrator = new Migrator(() -> {
			try {
				return db.dataSource().getConnection();
			} catch (SQLException e) {
				throw new IllegalStateException(e);
			}
		}, db.dialect());
		migrator.bootstrap();
		long scripts = 0;
		for (Map.Entry<String, List<Migration>> schema : schemas.entrySet()) {
			List<Migration> ms = schema.getValue();
			int newest = ms.stream().mapToInt(Migration::version).max().orElse(0);
			assertEquals(newest, migrator.migrate(schema.getKey(), ms), schema.getKey());
			scripts += ms.size();
		}
		assertEquals(scripts, db.count("SELECT COUNT(*) FROM touyan_schema_history"));
		for (Map.Entry<String, List<Migration>> schema : schemas.entrySet()) {
			migrator.migrate(schema.getKey(), schema.getValue()); // unchanged checksums: nothing to do, no refusal
		}
		assertEquals(scripts, db.count("SELECT COUNT(*) FROM touyan_schema_history"));
	}

	/** Each schema's scripts for {@code dialect}, read from the modules' sources as the bundles ship them. */
	static Map<String, List<Migration>> schemas(Dialect dialect) {
		Path root = Path.of("").toAbsolutePath().getParent().getParent();
		Map<String, List<Migration>> schemas = new TreeMap<>();
		for (String group : List.of("bundles", "plugins")) {
			try (Stream<Path> modules = Files.list(root.resolve(group))) {
				for (Path module : modules.sorted().toList()) {
					Path bnd = module.resolve("bnd.bnd");
					if (!Files.isRegularFile(bnd)) {
						continue;
					}
					Matcher m = HEADER.matcher(Files.readString(bnd, StandardCharsets.UTF_8));
					if (!m.find()) {
						continue;
					}
					String schema = m.group(1);
					Path dir = module.resolve("src/main/resources").resolve(m.group(2) == null ? "db/" + schema : m.group(2));
					schemas.put(schema, Migration.forDialect(read(dir), read(dir.resolve(dialect.folder()))));
				}
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return schemas;
	}

	private static List<Migration> read(Path dir) throws IOException {
		List<Migration> scripts = new ArrayList<>();
		if (!Files.isDirectory(dir)) {
			return scripts;
		}
		try (Stream<Path> files = Files.list(dir)) {
			for (Path f : files.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().matches("V.*\\.sql")).toList()) {
				scripts.add(Migration.of(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8)));
			}
		}
		return scripts;
	}
}
