package org.touyan.plugins.internal;

import org.touyan.api.security.AuditLog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touyan.api.policy.Provenance;
import org.touyan.testing.MemoryStore;

class QuarantineTest {

	static final Provenance LOOP = new Provenance("test.loop", "1.0.0", "loop", 7);

	private MemoryStore store;
	private final List<String> audited = new ArrayList<>();
	private Quarantine quarantine;

	static MemoryStore pluginsStore() throws Exception {
		return new MemoryStore("plugins", "V1__plugins.sql", "V2__governance.sql", "V3__quarantine.sql");
	}

	@BeforeEach
	void setUp() throws Exception {
		store = pluginsStore();
		quarantine = new Quarantine(store, new PluginEvents(store, audit(audited), new PluginTally()));
		quarantine.load();
	}

	@Test
	void theNthTimeoutQuarantinesThePolicyAndTheEventsSaySo() {
		assertFalse(quarantine.timedOut(LOOP, 3, 2000));
		assertFalse(quarantine.timedOut(LOOP, 3, 2000));
		assertFalse(quarantine.holds("test.loop", "1.0.0", "loop"));
		assertTrue(quarantine.timedOut(LOOP, 3, 2000));
		assertTrue(quarantine.holds("test.loop", "1.0.0", "loop"));
		assertFalse(quarantine.timedOut(LOOP, 3, 2000), "a fourth does not quarantine it again");
		assertFalse(quarantine.holds("test.loop", "1.0.1", "loop"));
		assertEquals(List.of("plugin.quarantine"), audited);
		String event = new PluginEvents(store, audit(new ArrayList<>()), new PluginTally()).page(org.touyan.api.rest.Paging.of(null, null)).items().get(0).detail();
		assertTrue(event.contains("after 3 calls ran past 2000 ms"), event);
	}

	@Test
	void zeroNeverQuarantines() {
		for (int i = 0; i < 10; i++) {
			assertFalse(quarantine.timedOut(LOOP, 0, 2000));
		}
		assertTrue(quarantine.all().isEmpty());
	}

	@Test
	void aQuarantineSurvivesARestartUntilItIsReleased() {
		quarantine.timedOut(LOOP, 1, 2000);
		Quarantine restarted = new Quarantine(store, new PluginEvents(store, audit(new ArrayList<>()), new PluginTally()));
		restarted.load();
		assertTrue(restarted.holds("test.loop", "1.0.0", "loop"));
		assertEquals(1, restarted.release("test.loop", "插件管理员 (pa)").size());
		assertFalse(restarted.holds("test.loop", "1.0.0", "loop"));
		assertTrue(restarted.release("test.loop", "插件管理员 (pa)").isEmpty());
		// released, the count starts again
		assertFalse(restarted.timedOut(LOOP, 2, 2000));
	}

	@Test
	void aVersionThatNoLongerServesIsForgotten() {
		quarantine.timedOut(LOOP, 1, 2000);
		quarantine.timedOut(new Provenance("test.loop", "1.0.1", "loop", 8), 1, 2000);
		quarantine.forget("test.loop", "1.0.0");
		assertEquals(List.of("test.loop 1.0.1 'loop'"), quarantine.all().stream().map(e -> e.key().toString()).toList());
	}

	/** An audit log that keeps the actions it is given. */
	static AuditLog audit(List<String> actions) {
		return new AuditLog() {
			@Override
			public void record(String actor, String action, String target, String outcome, String detail) {
				actions.add(action);
			}

			@Override
			public void recordNow(String actor, String action, String target, String outcome, String detail) {
				record(actor, action, target, outcome, detail);
			}

			@Override
			public Verification verify() {
				return new Verification(actions.size(), true, null);
			}
		};
	}
}
