package org.touyan.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.hsqldb.jdbc.JDBCPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touyan.api.health.HealthContributor.Contribution;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.store.DemoDataset;

/** A demo still loading is named by health, and the endpoints that would collide with it can ask. */
class DemoLoaderTest {

	private JDBCPool pool;
	private TransactionalStore store;
	private DemoLoader loader;

	@BeforeEach
	void setUp() throws Exception {
		pool = new JDBCPool(4);
		pool.setUrl("jdbc:hsqldb:mem:demo-" + UUID.randomUUID());
		pool.setUser("SA");
		pool.setPassword("");
		String ddl = new String(DemoLoader.class.getResourceAsStream("/db/store/V1__demo_datasets.sql").readAllBytes(), StandardCharsets.UTF_8);
		try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
			s.execute(ddl.replaceAll("(?m)^--.*$", ""));
		}
		store = new TransactionalStore(pool, "store", new StoreTally(2), Commits.NONE);
	}

	@AfterEach
	void tearDown() throws Exception {
		if (loader != null) {
			loader.deactivate();
		}
		pool.close(0);
	}

	private static DemoDataset dataset(String id, Set<String> requires, Runnable load) {
		return new DemoDataset() {
			@Override
			public String id() {
				return id;
			}

			@Override
			public Set<String> requires() {
				return requires;
			}

			@Override
			public void load() {
				load.run();
			}
		};
	}

	@Test
	void whileADatasetLoadsHealthNamesTheDemoAndItsDatasetIsLoading() throws Exception {
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		loader = new DemoLoader(true, store);
		assertTrue(loader.loading("registry.units"), "asked for and not loaded: loading even before its bundle registers it");
		loader.addDataset(dataset("registry.units", Set.of(), () -> {
			started.countDown();
			try {
				release.await(10, TimeUnit.SECONDS);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}));
		loader.addDataset(dataset("evaluation.cycles", Set.of("registry.units"), () -> {
		}));
		assertTrue(started.await(10, TimeUnit.SECONDS));
		Contribution during = loader.contribute();
		assertEquals("demo", during.name());
		assertFalse(during.ready(), "health answers 503 until the demo district itself is there");
		assertTrue(during.degraded());
		assertEquals("loading", during.details().get("status"));
		assertEquals("DEMO", during.details().get("district"));
		assertEquals(List.of("evaluation.cycles", "registry.units"), during.details().get("pending"));
		assertTrue(during.warnings().get(0).contains("still loading"), during.warnings().toString());
		assertTrue(loader.loading("registry.units"));
		assertTrue(loader.loading("evaluation.cycles"));
		assertTrue(loader.loading());

		release.countDown();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (loader.loading() && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		Contribution after = loader.contribute();
		assertTrue(after.ready());
		assertFalse(after.degraded());
		assertEquals("loaded", after.details().get("status"));
		assertEquals(List.of("evaluation.cycles", "registry.units"), after.details().get("loaded"));
		assertEquals(List.of(), after.warnings());
		assertFalse(loader.loading("registry.units"));
		assertFalse(loader.loading("evaluation.cycles"));
	}

	@Test
	void onceTheDemoDistrictIsThereTheRestLoadsWhileHealthIsDegraded() throws Exception {
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		loader = new DemoLoader(true, store);
		loader.addDataset(dataset("registry.units", Set.of(), () -> {
		}));
		loader.addDataset(dataset("evaluation.cycles", Set.of("registry.units"), () -> {
			started.countDown();
			try {
				release.await(10, TimeUnit.SECONDS);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}));
		assertTrue(started.await(10, TimeUnit.SECONDS));
		Contribution during = loader.contribute();
		assertTrue(during.ready());
		assertTrue(during.degraded(), "health answers DEGRADED while the rest of the demo loads");
		assertEquals(List.of("evaluation.cycles"), during.details().get("pending"));
		assertFalse(loader.loading("registry.units"), "districts can be created");
		loader.refuseWhileLoading("registry.units", "a district");
		assertTrue(loader.loading("evaluation.cycles"), "a cycle of the demo district cannot yet");
		ProblemException refused = assertThrows(ProblemException.class,
				() -> loader.refuseWhileLoading("evaluation.cycles", "a cycle of the demo district"));
		assertEquals(503, refused.status(), "REST adds Retry-After to a 503");
		assertTrue(refused.detail().contains("DEMO") && refused.detail().contains("evaluation.cycles"), refused.detail());
		release.countDown();
	}

	@Test
	void aRestartWithEverythingLoadedIsNotLoading() throws Exception {
		loader = new DemoLoader(true, store);
		loader.addDataset(dataset("registry.units", Set.of(), () -> {
		}));
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (loader.loading() && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		loader.deactivate();
		int[] loads = new int[1];
		loader = new DemoLoader(true, store);
		loader.addDataset(dataset("registry.units", Set.of(), () -> loads[0]++));
		deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (loader.loading() && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertFalse(loader.loading("registry.units"));
		assertEquals(0, loads[0], "recorded as loaded: not loaded twice");
	}

	@Test
	void withoutTheDemoNothingIsLoading() {
		loader = new DemoLoader(false, store);
		loader.addDataset(dataset("registry.units", Set.of(), () -> {
		}));
		assertFalse(loader.loading("registry.units"));
		assertFalse(loader.loading());
		Contribution c = loader.contribute();
		assertEquals("off", c.details().get("status"));
		assertFalse(c.degraded());
	}
}
