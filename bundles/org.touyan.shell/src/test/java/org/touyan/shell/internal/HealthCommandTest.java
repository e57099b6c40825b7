package org.touyan.shell.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.touyan.api.health.HealthContributor;
import org.touyan.api.store.SchemaStatus;

class HealthCommandTest {

	private boolean storeReady = true;

	private final SchemaStatus schemas = new SchemaStatus() {
		@Override
		public List<Schema> schemas() {
			return List.of(new Schema("security", "org.touyan.security", State.MIGRATED, 7, null));
		}

		@Override
		public boolean ready() {
			return storeReady;
		}
	};

	private HealthCommand command(HealthContributor.Contribution... parts) {
		HealthCommand health = new HealthCommand(Fakes.context(Map.of()), schemas, () -> "200 UP (http://127.0.0.1:8080/api/health)");
		health.contributors = java.util.Arrays.stream(parts).<HealthContributor>map(c -> () -> c).toList();
		return health;
	}

	@Test
	void upWhenEveryPartIsReady() {
		String out = command(new HealthContributor.Contribution("demo", true, List.of(), Map.of("status", "loaded"))).health();
		assertTrue(out.startsWith("状态 status: UP （正常）\n数据库 store: 就绪 ready\nHTTP /api/health: 200 UP"), out);
		assertTrue(out.lines().anyMatch(l -> l.startsWith("demo") && l.endsWith("status=loaded")), out);
		assertTrue(out.lines().anyMatch(l -> l.startsWith("security") && l.contains("MIGRATED")), out);
	}

	@Test
	void degradedNamesTheWarningFirst() {
		String out = command(new HealthContributor.Contribution("plugins", true, true, List.of("策略 xiaozao 已隔离"), Map.of())).health();
		assertTrue(out.startsWith("状态 status: DEGRADED"), out);
		assertTrue(out.contains("警告 warnings:\n  - 策略 xiaozao 已隔离\n"), out);
	}

	@Test
	void downWhenTheStoreIsNotReady() {
		storeReady = false;
		String out = command().health();
		assertTrue(out.startsWith("状态 status: DOWN （不可用）\n数据库 store: 未就绪 NOT ready"), out);
	}

	@Test
	void longDetailsAreCut() {
		String d = HealthCommand.details(Map.of("a", "x".repeat(200)));
		assertTrue(d.length() == 100 && d.endsWith("…"), d);
	}
}
