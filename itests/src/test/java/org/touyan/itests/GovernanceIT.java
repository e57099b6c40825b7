package org.touyan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.touyan.itests.plugins.MeanFormula;
import org.touyan.itests.plugins.PluginJars;
import org.touyan.itests.plugins.RenamedFormula;
import org.touyan.itests.plugins.Signing;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Plugin governance on the live platform: fixtures checked before a version may serve, signatures
 * checked in production mode, what-if between the current and a staged version, and versions pinned
 * for an evaluation cycle. It uses its own plugin and street so the other tests' plugins are untouched.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class GovernanceIT extends PlatformTest {

	private static final String BSN = "test.gov.formula";
	private static final String FIXTURE = """
			{"policy": "gov", "cases": [{"name": "平均", "scores": {"MZJ": 90, "ZFW": 80}, "expect": {"stars": %d}}]}""";

	@Test
	public void fixturesSignaturesWhatIfAndPins() throws Exception {
		awaitDemo();
		String street = newStreet();

		// fixtures: a version whose own fixtures fail is refused; one whose fixtures pass serves
		Reply failing = upload(PluginJars.withFixture(BSN, "1.0.0", MeanFormula.class, "gov", FIXTURE.formatted(5)), false);
		assertTrue(assertProblem(failing, 422).get("detail").asText().contains("expected 5 stars, got 4"));
		assertEquals(201, upload(PluginJars.withFixture(BSN, "1.0.0", MeanFormula.class, "gov", FIXTURE.formatted(4)), false).status());
		bind(street, "gov");
		assertEquals("1.0.0", rate(street, null).get("provenance").get("version").asText());

		// production mode: only jars signed by a trusted key
		Signing signing = Signing.create();
		Path cfg = Path.of(context.getProperty("felix.fileinstall.dir")).resolve("touyan.plugins.cfg");
		Files.writeString(cfg, "mode=production\ntrustStore=" + signing.trustStore().toString().replace("\\", "/")
				+ "\ntrustStorePassword=" + Signing.PASSWORD + "\n");
		try {
			awaitMode("production");
			assertFalse(get("/api/health").json().get("warnings").toString().contains("DEVELOPMENT"));
			JsonNode overview = get("/api/plugins").json();
			assertEquals("production", overview.get("mode").asText());
			assertTrue(overview.get("trustedKeys").toString().contains("Demo District"));
			byte[] next = PluginJars.withFixture(BSN, "1.1.0", MeanFormula.class, "gov", FIXTURE.formatted(4));
			assertTrue(assertProblem(upload(next, false), 422).get("detail").asText().contains("未签名"));
			byte[] byStranger = signing.sign(next, false);
			assertTrue(assertProblem(upload(byStranger, false), 422).get("detail").asText().contains("不在本区的信任库中"));
			byte[] tampered = Signing.tamper(signing.sign(next, true), "OSGI-INF/formula.xml");
			assertTrue(assertProblem(upload(tampered, false), 422).get("detail").asText().contains("在签名后被改动"));
			assertEquals("refusals leave the old version serving", "1.0.0", rate(street, null).get("provenance").get("version").asText());

			Reply signed = upload(signing.sign(next, true), false);
			assertEquals(signed.body(), 201, signed.status());
			assertTrue(signed.json().get("signer").asText().contains("Demo District"));
			assertEquals("1.1.0", rate(street, null).get("provenance").get("version").asText());
		} finally {
			Files.delete(cfg);
			awaitMode("development");
		}

		// what-if: stage a candidate beside 1.1.0 and compare on the same scores before switching
		Reply staged = upload(PluginJars.formula(BSN, "2.0.0", RenamedFormula.class, "gov", null), true);
		assertEquals(staged.body(), 201, staged.status());
		assertEquals("2.0.0", staged.json().get("staged").asText());
		assertEquals("staging binds nothing", "1.1.0", rate(street, null).get("provenance").get("version").asText());
		Reply again = upload(PluginJars.formula(BSN, "2.0.0", RenamedFormula.class, "gov", null), true);
		assertEquals("staging the same jar again changes nothing", "2.0.0", again.json().get("staged").asText());
		assertEquals(2, installed(BSN));
		JsonNode report = send("POST", "/api/plugins/what-if", "application/json", """
				{"spi": "StarRatingFormula", "bsn": "%s", "policyId": "gov", "cases": [
				  {"communityId": "A", "streetId": "%s", "period": "2026-H1", "scores": {"MZJ": 95, "ZFW": 92}},
				  {"communityId": "B", "streetId": "%s", "period": "2026-H1", "scores": {"MZJ": 85, "ZFW": 80}}]}
				""".formatted(BSN, street, street)).json();
		assertEquals(report.toString(), 1, report.get("changed").asInt());
		assertEquals(5, report.get("rows").get(0).get("currentStars").asInt());
		assertEquals(4, report.get("rows").get(0).get("candidateStars").asInt());
		assertFalse(report.get("rows").get(1).get("changed").asBoolean());
		// and on stored scores: a demo cycle's 52 communities, rated by both versions, nothing stored
		String demoCycle = demoCycle();
		JsonNode stored = send("POST", "/api/evaluation-cycles/" + demoCycle + "/what-if", "application/json",
				"{\"bsn\": \"" + BSN + "\", \"policyId\": \"gov\"}").json();
		assertEquals(stored.toString(), 52, stored.get("compared").asInt());
		assertEquals("1.1.0", stored.get("currentVersion").asText());
		assertEquals("2.0.0", stored.get("candidateVersion").asText());
		assertTrue(stored.toString(), stored.get("changed").asInt() > 0);
		stored.get("rows").forEach(row -> assertEquals(4, row.get("candidateStars").asInt()));
		assertEquals("policyId", assertProblem(send("POST", "/api/evaluation-cycles/" + demoCycle + "/what-if", "application/json",
				"{\"bsn\": \"" + BSN + "\", \"policyId\": \"safety-veto\"}"), 400).get("field").asText());
		assertProblem(send("POST", "/api/plugins/what-if", "application/json",
				"{\"spi\": \"TrainingBrand\", \"bsn\": \"" + BSN + "\", \"policyId\": \"gov\", \"cases\": []}"), 400);

		// pins: the open cycle keeps 1.1.0 after the candidate is promoted; a new cycle takes 2.0.0
		assertEquals(200, send("PUT", "/api/plugins/pins/2026-H1", "application/json", "").status());
		Reply promoted = send(HttpRequest.newBuilder(URI.create(base() + "/api/plugins/" + BSN + "/promote"))
				.POST(HttpRequest.BodyPublishers.noBody()));
		assertEquals(promoted.body(), 200, promoted.status());
		assertEquals("2.0.0", rate(street, null).get("provenance").get("version").asText());
		assertEquals("1.1.0", rate(street, "2026-H1").get("provenance").get("version").asText());
		assertEquals(200, send("PUT", "/api/plugins/pins/2026-H2", "application/json", "").status());
		assertEquals("2.0.0", rate(street, "2026-H2").get("provenance").get("version").asText());

		// a pinned plugin is not removed until its cycles close
		bind(street, "district-default");
		assertTrue(assertProblem(send(HttpRequest.newBuilder(URI.create(base() + "/api/plugins/" + BSN)).DELETE()), 409)
				.get("detail").asText().contains("被锁定于"));
		// a release names the pin as read: without If-Match 428, with another version 412, and the pin stays
		assertProblem(sendAsIs(HttpRequest.newBuilder(URI.create(base() + "/api/plugins/pins/2026-H1")).DELETE()), 428);
		assertProblem(sendAsIs(HttpRequest.newBuilder(URI.create(base() + "/api/plugins/pins/2026-H1")).header("If-Match", "\"old\"")
				.DELETE()), 412);
		assertEquals(200, get("/api/plugins/pins/2026-H1").status());
		assertEquals(204, send(HttpRequest.newBuilder(URI.create(base() + "/api/plugins/pins/2026-H1")).DELETE()).status());
		assertEquals("releasing the pin removes the version nothing holds", 1, installed(BSN));
		assertEquals(204, send(HttpRequest.newBuilder(URI.create(base() + "/api/plugins/pins/2026-H2")).DELETE()).status());
		assertEquals(204, send(HttpRequest.newBuilder(URI.create(base() + "/api/plugins/" + BSN)).DELETE()).status());
		assertEquals(0, installed(BSN));
	}

	/** An archived demo cycle: its scores are stored. */
	private String demoCycle() throws Exception {
		for (JsonNode d : get("/api/districts?limit=500").json().get("items")) {
			if (d.get("code").asText().equals("DEMO")) {
				return get("/api/evaluation-cycles?district=" + d.get("id").asText()).json().get("items").get(0).get("id").asText();
			}
		}
		throw new AssertionError("no demo district");
	}

	private String newStreet() throws Exception {
		// a district of its own, so the demo district stays as the other tests expect it
		Reply created = send("POST", "/api/districts", "application/json", "{\"code\":\"GOVD\",\"name\":\"治理测试区\"}");
		assertEquals(created.body(), 201, created.status());
		String district = created.json().get("id").asText();
		Reply street = send("POST", "/api/streets", "application/json",
				"{\"parentId\":\"" + district + "\",\"code\":\"GOV\",\"name\":\"治理测试街道\"}");
		assertEquals(street.body(), 201, street.status());
		return street.json().get("id").asText();
	}

	private void bind(String street, String policy) throws Exception {
		Reply r = send("PUT", "/api/plugins/bindings", "application/json",
				"{\"spi\":\"StarRatingFormula\",\"streetId\":\"" + street + "\",\"policyId\":\"" + policy + "\"}");
		assertEquals(r.body(), 200, r.status());
	}

	private JsonNode rate(String street, String cycle) throws Exception {
		Reply r = send("POST", "/api/star-ratings/preview", "application/json", "{\"communityId\":\"c\",\"streetId\":\"" + street
				+ "\",\"period\":\"2026-H1\",\"scores\":{\"MZJ\":95,\"ZFW\":92}" + (cycle == null ? "" : ",\"cycle\":\"" + cycle + "\"") + "}");
		assertEquals(r.body(), 200, r.status());
		return r.json();
	}

	private Reply upload(byte[] jar, boolean stage) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(base() + "/api/plugins" + (stage ? "?stage=true" : "")))
				.header("Content-Type", "application/java-archive").POST(HttpRequest.BodyPublishers.ofByteArray(jar)));
	}

	private long installed(String bsn) {
		return java.util.Arrays.stream(context.getBundles()).filter(b -> bsn.equals(b.getSymbolicName())).count();
	}

	/** Waits until the plugin manager runs in {@code mode} (the configuration file is polled). */
	private void awaitMode(String mode) throws Exception {
		long deadline = System.currentTimeMillis() + 20_000;
		while (System.currentTimeMillis() < deadline) {
			try {
				Reply health = get("/api/health");
				JsonNode plugins = health.json().path("components").path("plugins");
				if (mode.equals(plugins.path("mode").asText()) && get("/api/plugins").status() == 200) {
					return;
				}
			} catch (java.io.IOException notYet) {
				// a connection refused or reset while the platform is busy: ask again
			}
			Thread.sleep(200);
		}
		throw new AssertionError("the plugin manager did not switch to " + mode);
	}
}
