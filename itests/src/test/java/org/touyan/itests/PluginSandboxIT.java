package org.touyan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.touyan.itests.plugins.ExitingFormula;
import org.touyan.itests.plugins.FileReadingFormula;
import org.touyan.itests.plugins.LoopingFormula;
import org.touyan.itests.plugins.PluginJars;
import org.touyan.itests.plugins.ReflectingFormula;
import org.touyan.itests.plugins.SocketFormula;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A plugin cannot take the platform down: a jar whose bytecode reaches past the allow-list
 * (System.exit, files, sockets, reflection) is refused at install, by upload and from deploy/,
 * naming the class, the method and the call; a formula that loops forever is quarantined after
 * {@code quarantineAfterTimeouts} timeouts, its street falls back to the district's formula (or
 * fails fast with a 503 where nothing is above it), health is degraded and names it, its runaway
 * threads are stopped, and a plugin administrator releases it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class PluginSandboxIT extends PlatformTest {

	private static final String LOOP = "test.sandbox.loop";

	@Test
	public void aPluginThatReachesPastTheAllowListIsRefusedNamingClassMethodAndCall() throws Exception {
		awaitPlugin("org.touyan.plugin.star.district");
		Object[][] hostile = { { ExitingFormula.class, "calls java.lang.System.exit" },
				{ FileReadingFormula.class, "creates java.io.File" }, { SocketFormula.class, "creates java.net.Socket" },
				{ ReflectingFormula.class, "calls java.lang.Class.forName" } };
		for (Object[] h : hostile) {
			Class<?> formula = (Class<?>) h[0];
			String bsn = "test.sandbox." + formula.getSimpleName().toLowerCase();
			Reply refused = upload(PluginJars.formula(bsn, "1.0.0", formula, "sandbox-" + formula.getSimpleName(), null));
			String detail = refusal(refused);
			assertTrue(detail, detail.contains(formula.getName() + ".rate " + h[1]));
			assertTrue(detail, detail.contains("已安装的版本继续运行"));
			assertFalse(formula + " is not installed", installed(bsn));
		}
		// the platform is still there and serving
		assertEquals(200, get("/api/health").status());
		assertEquals(200, get("/api/plugins").status());

		// the deploy folder goes through the same check: the refusal is recorded in the events
		Path deploy = Path.of(context.getProperty("felix.fileinstall.dir"));
		Files.write(deploy.resolve("exit.jar"), PluginJars.formula("test.sandbox.deployed", "1.0.0", ExitingFormula.class,
				"sandbox-deployed", null));
		long deadline = System.currentTimeMillis() + 20_000;
		String event = null;
		while (event == null && System.currentTimeMillis() < deadline) {
			for (JsonNode e : get("/api/plugins/events?limit=100").json().get("items")) {
				if ("test.sandbox.deployed".equals(e.get("bsn").asText()) && e.get("outcome").asText().equals("REFUSED")) {
					event = e.get("detail").asText();
				}
			}
			Thread.sleep(200);
		}
		Files.delete(deploy.resolve("exit.jar"));
		assertTrue(String.valueOf(event), event != null && event.contains(ExitingFormula.class.getName() + ".rate calls java.lang.System.exit"));
		assertFalse(installed("test.sandbox.deployed"));
		assertEquals(200, get("/api/health").status());
	}

	@Test
	public void aLoopingFormulaIsQuarantinedFallsBackOrFailsFastAndIsReleasedByThePluginAdministrator() throws Exception {
		// an open demo cycle pins every binding, and so would keep the test plugin installed
		awaitDemo();
		String code = "Q" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		String district = created("/api/districts", "{\"code\":\"" + code + "\",\"name\":\"隔离测试区\"}");
		String street = created("/api/streets", "{\"parentId\":\"" + district + "\",\"code\":\"S1\",\"name\":\"隔离街道\"}");
		String lone = created("/api/districts", "{\"code\":\"" + code + "L\",\"name\":\"无上级绑定区\"}");
		String loneStreet = created("/api/streets", "{\"parentId\":\"" + lone + "\",\"code\":\"S1\",\"name\":\"孤立街道\"}");
		assertEquals(201, upload(PluginJars.formula(LOOP, "1.0.0", LoopingFormula.class, "sandbox-loop", null)).status());
		bind("\"districtId\":\"" + district + "\"", "district-default");
		bind("\"streetId\":\"" + street + "\"", "sandbox-loop");
		try {
			quarantineFallBackAndRelease(street, loneStreet);
		} finally {
			// leave the platform as it was found: the streets back on the district formula, the plugin removed
			bind("\"streetId\":\"" + street + "\"", "district-default");
			bind("\"streetId\":\"" + loneStreet + "\"", "district-default");
			send(HttpRequest.newBuilder(URI.create(base() + "/api/plugins/" + LOOP + "/quarantine")).DELETE());
			Reply removed = send(HttpRequest.newBuilder(URI.create(base() + "/api/plugins/" + LOOP)).DELETE());
			assertEquals(removed.body(), 204, removed.status());
		}
		awaitRunaways(0);
		assertEquals("UP", get("/api/health").json().get("status").asText());
	}

	private void quarantineFallBackAndRelease(String street, String loneStreet) throws Exception {

		// each call times out (502) and leaves a thread spinning; the third quarantines the policy
		for (int i = 1; i <= 3; i++) {
			String detail = assertProblem(preview(street), 502).get("detail").asText();
			assertTrue(detail, detail.contains("毫秒内答复"));
			assertEquals(detail, i == 3, detail.contains("现已隔离"));
		}
		JsonNode health = get("/api/health").json();
		assertEquals(health.toString(), "DEGRADED", health.get("status").asText());
		assertTrue(health.toString(), health.get("warnings").toString().contains(LOOP));
		assertTrue("the calls still running are counted", health.get("components").get("plugins").get("runawayCalls").asInt() > 0);
		assertTrue(get("/api/plugins").json().get("quarantined").toString().contains("sandbox-loop"));

		// the street falls back to its district's formula at once
		Reply fallback = preview(street);
		assertEquals(fallback.body(), 200, fallback.status());
		assertEquals("district-default", fallback.json().get("provenance").get("policyId").asText());
		// where nothing is bound above it, the call fails fast naming the quarantine
		bind("\"streetId\":\"" + loneStreet + "\"", "sandbox-loop");
		long start = System.nanoTime();
		String detail = assertProblem(preview(loneStreet), 503).get("detail").asText();
		assertTrue("fails fast", System.nanoTime() - start < 1_000_000_000L);
		assertTrue(detail, detail.contains("已被隔离") && detail.contains(LOOP));

		// the runaway threads are stopped: the leak is over without a restart
		awaitRunaways(0);
		JsonNode events = get("/api/plugins/events?limit=200").json();
		assertTrue(events.toString(), events.toString().contains("\"action\":\"quarantine\""));

		// only a plugin administrator releases it (AccessMatrixIT checks the roles); then it serves again
		Reply released = send(HttpRequest.newBuilder(URI.create(base() + "/api/plugins/" + LOOP + "/quarantine")).DELETE());
		assertEquals(released.body(), 204, released.status());
		assertTrue(assertProblem(preview(street), 502).get("detail").asText().contains("毫秒内答复"));
		assertProblem(send(HttpRequest.newBuilder(URI.create(base() + "/api/plugins/" + LOOP + "/quarantine")).DELETE()), 404);
	}

	/** A refusal is a 422 problem; it names the plugin's own classes and the JDK call, so no class-name check here. */
	private static String refusal(Reply reply) throws Exception {
		assertEquals(reply.toString(), 422, reply.status());
		assertTrue(reply.toString(), reply.contentType().startsWith("application/problem+json"));
		assertFalse(reply.body(), reply.body().contains("\tat "));
		return reply.json().get("detail").asText();
	}

	private void awaitRunaways(int expected) throws Exception {
		long deadline = System.currentTimeMillis() + 30_000;
		int runaway = -1;
		while (System.currentTimeMillis() < deadline) {
			runaway = get("/api/health").json().get("components").get("plugins").get("runawayCalls").asInt();
			if (runaway == expected) {
				return;
			}
			Thread.sleep(200);
		}
		throw new AssertionError(runaway + " runaway calls, expected " + expected);
	}

	private void awaitPlugin(String bsn) throws Exception {
		long deadline = System.currentTimeMillis() + 60_000;
		while (System.currentTimeMillis() < deadline) {
			if (get("/api/plugins/" + bsn).status() == 200) {
				return;
			}
			Thread.sleep(200);
		}
		throw new AssertionError(bsn + " was not installed from deploy/");
	}

	private boolean installed(String bsn) {
		return java.util.Arrays.stream(context.getBundles()).anyMatch(b -> bsn.equals(b.getSymbolicName()));
	}

	private String created(String path, String json) throws Exception {
		Reply r = send("POST", path, "application/json", json);
		assertEquals(r.toString(), 201, r.status());
		return r.json().get("id").asText();
	}

	private void bind(String scope, String policy) throws Exception {
		Reply r = send("PUT", "/api/plugins/bindings", "application/json",
				"{\"spi\":\"StarRatingFormula\"," + scope + ",\"policyId\":\"" + policy + "\"}");
		assertEquals(r.body(), 200, r.status());
	}
}
