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
		// a demo still loading is DEGRADED (the next test): UP is once it is loaded
		long loaded = System.currentTimeMillis() + 180_000;
		while (get("/api/health").json().get("components").get("demo").get("status").asText().equals("loading")
				&& System.currentTimeMillis() < loaded) {
			Thread.sleep(250);
		}
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
	public void healthNamesTheDemoUntilItIsLoaded() throws Exception {
		JsonNode demo = get("/api/health").json().get("components").get("demo");
		assertEquals(demo.toString(), "DEMO", demo.get("district").asText());
		long deadline = System.currentTimeMillis() + 180_000;
		while (!demo.get("status").asText().equals("loaded") && System.currentTimeMillis() < deadline) {
			assertEquals(demo.toString(), "loading", demo.get("status").asText());
			assertTrue(demo.toString(), demo.get("pending").size() > 0);
			Thread.sleep(250);
			demo = get("/api/health").json().get("components").get("demo");
		}
		assertEquals(demo.toString(), "loaded", demo.get("status").asText());
		assertEquals(0, demo.get("pending").size());
		assertTrue(demo.toString(), demo.get("loaded").toString().contains("evaluation.cycles"));
		// loaded: a cycle of the demo district may be created again (and is refused for its own reasons, not 503)
		assertTrue(post("/api/evaluation-cycles", "{\"districtId\":\"" + demoId() + "\",\"period\":\"bad\"}").status() != 503);
	}

	private Reply post(String path, String json) throws Exception {
		return send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base() + path)).header("Content-Type", "application/json")
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString(json, java.nio.charset.StandardCharsets.UTF_8)));
	}

	private String demoId() throws Exception {
		for (JsonNode d : get("/api/districts?limit=500").json().get("items")) {
			if (d.get("code").asText().equals("DEMO")) {
				return d.get("id").asText();
			}
		}
		throw new AssertionError("no demo district");
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
