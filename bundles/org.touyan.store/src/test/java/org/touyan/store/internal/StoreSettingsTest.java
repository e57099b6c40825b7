package org.touyan.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touyan.api.store.Dialect;

class StoreSettingsTest {

	private static final String PG = "jdbc:postgresql://db.example:5432/touyan";

	@TempDir
	Path dir;

	private static StoreSettings.Asked asked(String url, String user, String passwordFile) {
		return new StoreSettings.Asked("", 8, 0, url, user, passwordFile);
	}

	private static StoreSettings of(StoreSettings.Asked asked, Map<String, String> properties, Map<String, String> env) {
		return StoreSettings.of(asked, properties::get, env::get);
	}

	@Test
	void nothingConfiguredIsTheHsqldbFileInTheDataDirectory() {
		StoreSettings s = of(asked("", "", ""), Map.of("touyan.data", "/srv/touyan/data"), Map.of());
		assertEquals(Dialect.HSQLDB, s.dialect());
		assertEquals("/srv/touyan/data/touyan", s.files());
		assertEquals("data/touyan", of(asked("", "", ""), Map.of(), Map.of()).files());
		assertEquals("/x/db", of(new StoreSettings.Asked("/x/db", 8, 0, "", "", ""), Map.of(), Map.of()).files());
	}

	@Test
	void theUrlComesFromTheConfigurationElseThePropertyElseTheEnvironment() {
		assertEquals(PG, of(asked(PG, "touyan", ""), Map.of("touyan.store.url", "jdbc:postgresql://other/x"), Map.of()).url());
		assertEquals(PG, of(asked("", "touyan", ""), Map.of("touyan.store.url", PG), Map.of("TOUYAN_STORE_URL", "jdbc:postgresql://o/x")).url());
		StoreSettings fromEnv = of(asked("", "", ""), Map.of(), Map.of("TOUYAN_STORE_URL", PG, "TOUYAN_STORE_USER", "node1"));
		assertEquals(Dialect.POSTGRESQL, fromEnv.dialect());
		assertEquals("node1", fromEnv.user());
		assertNull(fromEnv.password(), "no password anywhere: none (a trusting server, or the driver's ~/.pgpass)");
	}

	@Test
	void thePasswordComesFromItsFileElseTheEnvironmentAndIsNeverPrinted() throws IOException {
		Path file = dir.resolve("pg.password");
		Files.writeString(file, "s3cret-Ä\n");
		StoreSettings s = of(asked(PG, "touyan", file.toString()), Map.of(), Map.of("TOUYAN_STORE_PASSWORD", "from-env"));
		assertEquals("s3cret-Ä", s.password(), "the file's line, without its line break, before the environment");
		assertFalse(s.toString().contains("s3cret"), s.toString());
		assertFalse(s.describe().contains("s3cret"), s.describe());
		assertEquals("from-env", of(asked(PG, "touyan", ""), Map.of(), Map.of("TOUYAN_STORE_PASSWORD", "from-env")).password());
	}

	@Test
	void badConfigurationIsRefusedNamingTheKey() throws IOException {
		assertRefused("poolSize", () -> of(new StoreSettings.Asked("", 0, 0, "", "", ""), Map.of(), Map.of()));
		assertRefused("url must be a PostgreSQL JDBC URL", () -> of(asked("jdbc:mysql://db/x", "u", ""), Map.of(), Map.of()));
		assertRefused("url carries a password", () -> of(asked(PG + "?user=u&password=hunter2", "", ""), Map.of(), Map.of()));
		assertFalse(message(() -> of(asked(PG + "?password=hunter2", "u", ""), Map.of(), Map.of())).contains("hunter2"));
		assertRefused("user is not set", () -> of(asked(PG, "", ""), Map.of(), Map.of()));
		assertEquals(null, of(asked(PG + "?user=u", "", ""), Map.of(), Map.of()).user(), "a user in the URL is enough");
		assertRefused("passwordFile " + dir.resolve("missing").toAbsolutePath() + " cannot be read",
				() -> of(asked(PG, "u", dir.resolve("missing").toString()), Map.of(), Map.of()));
		Path empty = Files.writeString(dir.resolve("empty"), "\n");
		assertRefused("must hold the password alone", () -> of(asked(PG, "u", empty.toString()), Map.of(), Map.of()));
	}

	private static String message(Runnable r) {
		return assertThrows(StoreSettings.Invalid.class, r::run).getMessage();
	}

	private static void assertRefused(String part, Runnable r) {
		String m = message(r);
		assertTrue(m.startsWith("touyan.store ") && m.contains(part), m);
	}
}
