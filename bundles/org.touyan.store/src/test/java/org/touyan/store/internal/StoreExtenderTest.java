package org.touyan.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.touyan.api.rest.ProblemException;

/** The store component as the framework starts it, on each database, with a framework that has no bundles to extend. */
class StoreExtenderTest {

	@TempDir
	Path dir;

	@Test
	void onPostgresqlTheStoreStartsAndItsBackupSaysToUsePgDump() throws java.sql.SQLException {
		try (TestDatabase db = TestDatabase.postgresql(1)) {
			StoreExtender store = start(Map.of("url", db.url(), "poolSize", 3), Map.of());
			try {
				assertTrue(store.ready());
				ProblemException refused = assertThrows(ProblemException.class, () -> store.backup(null));
				assertEquals(409, refused.status());
				assertTrue(refused.detail().contains("pg_dump"), refused.detail());
				assertTrue(refused.detail(Locale.ENGLISH).contains("pg_dump"), refused.detail(Locale.ENGLISH));
				assertEquals(0, store.backups().size());
				assertEquals(3.0, store.families().get(1).samples().get(0).value(), "the pool's size");
				assertEquals(1, db.count("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'touyan_schema_history'"));
			} finally {
				store.deactivate();
			}
		}
	}

	@Test
	void onHsqldbTheStoreStartsWhereItAlwaysDid() throws java.io.IOException {
		StoreExtender store = start(Map.of(), Map.of("touyan.data", dir.toString()));
		try {
			assertTrue(store.ready());
			assertEquals(0, store.backups().size());
			assertEquals(8.0, store.families().get(1).samples().get(0).value(), "the default pool size");
		} finally {
			store.deactivate();
		}
		// shut down cleanly: the script holds the history table the start created
		assertTrue(Files.readString(dir.resolve("touyan.script")).contains("TOUYAN_SCHEMA_HISTORY"));
	}

	@Test
	void aServerThatCannotBeReachedIsOneLineNamingTheKeyAndTheUrl() {
		StoreSettings.Invalid e = assertThrows(StoreSettings.Invalid.class,
				() -> start(Map.of("url", "jdbc:postgresql://127.0.0.1:1/touyan", "user", "touyan"), Map.of()));
		assertTrue(e.getMessage().startsWith("touyan.store cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/touyan as touyan"),
				e.getMessage());
	}

	private static StoreExtender start(Map<String, Object> config, Map<String, String> properties) {
		try {
			return new StoreExtender(context(properties), config(config));
		} catch (java.sql.SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	/** A framework with no bundles: the tracker opens and finds nothing to extend; a registered service can be unregistered. */
	private static BundleContext context(Map<String, String> properties) {
		return (BundleContext) Proxy.newProxyInstance(StoreExtenderTest.class.getClassLoader(), new Class<?>[] { BundleContext.class },
				(proxy, method, args) -> switch (method.getName()) {
					case "getProperty" -> properties.get((String) args[0]);
					case "getBundles" -> new Bundle[0];
					case "registerService" -> Proxy.newProxyInstance(StoreExtenderTest.class.getClassLoader(),
							new Class<?>[] { org.osgi.framework.ServiceRegistration.class }, (p, m, a) -> null);
					case "hashCode" -> System.identityHashCode(proxy);
					case "equals" -> proxy == args[0];
					default -> null;
				});
	}

	/** The component's configuration: the given values, else each attribute's default, as SCR hands it. */
	private static StoreExtender.Config config(Map<String, Object> values) {
		return (StoreExtender.Config) Proxy.newProxyInstance(StoreExtenderTest.class.getClassLoader(),
				new Class<?>[] { StoreExtender.Config.class }, (proxy, method, args) -> {
					if (method.getName().equals("annotationType")) {
						return StoreExtender.Config.class;
					}
					if (method.getDeclaringClass() == Object.class || method.getDeclaringClass() == Annotation.class) {
						return method.getName().equals("hashCode") ? 0 : method.getName().equals("toString") ? "config" : false;
					}
					return values.getOrDefault(method.getName(), method.getDefaultValue());
				});
	}
}
