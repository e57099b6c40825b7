package org.touyan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;

@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class HealthIT extends PlatformTest {

	@Test
	public void healthIsUpWithEverySchemaMigratedAndNoBundleInactive() throws Exception {
		Reply reply = get("/api/health");
		assertEquals(200, reply.status());
		JsonNode health = reply.json();
		assertEquals("UP", health.get("status").asText());
		assertTrue(health.get("version").asText().matches("\\d+\\.\\d+\\.\\d+.*"));
		assertTrue(health.get("storeReady").asBoolean());
		assertTrue(health.get("applicationReady").asBoolean());
		assertEquals(reply.body(), 0, health.get("inactiveBundles").size());
		assertEquals(0, health.get("applicationFailures").size());
		java.util.Set<String> migrated = new java.util.HashSet<>();
		health.get("schemas").forEach(s -> {
			assertEquals(s.toString(), "MIGRATED", s.get("state").asText());
			migrated.add(s.get("name").asText());
		});
		assertTrue(migrated.toString(), migrated.containsAll(java.util.List.of("store", "registry")));
	}

	@Test
	public void theDemoDistrictIsLoadedOnFirstStartWhenAsked() throws Exception {
		long deadline = System.currentTimeMillis() + 20_000;
		JsonNode districts;
		do {
			districts = get("/api/districts?limit=500").json();
			if (districts.get("total").asLong() > 0) {
				break;
			}
			Thread.sleep(100);
		} while (System.currentTimeMillis() < deadline);
		JsonNode demo = null;
		for (JsonNode d : districts.get("items")) {
			if (d.get("code").asText().equals("DEMO")) {
				demo = d;
			}
		}
		assertTrue(districts.toString(), demo != null);
		assertEquals("示范区", demo.get("name").asText());
		assertEquals(6, get("/api/streets?district=" + demo.get("id").asText()).json().get("total").asInt());
	}
}
