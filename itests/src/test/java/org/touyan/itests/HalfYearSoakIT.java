package org.touyan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The half-year flow on the demo district right after start, many times over, with readers
 * running beside it: create a cycle, open it, rebind one street's formula, enter the 11
 * departments' scores for the 52 communities, close scoring. Seen before: once in a few runs the
 * close answered 500, when its rating transaction and the demo loader's (still loading after
 * health turned 200) waited for each other's archive rows. Not one answer may be a 5xx.
 *
 * <p>A framework of its own (per class): the flow must start while the demo district loads, and
 * its cycles must not show in the other tests' demo district.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HalfYearSoakIT extends PlatformTest {

	private static final int FLOWS = 6;

	/** Its own bundle cache: the suite's framework holds the lock of the default one. */
	@org.ops4j.pax.exam.Configuration
	@Override
	public org.ops4j.pax.exam.Option[] configuration() throws java.io.IOException {
		List<org.ops4j.pax.exam.Option> options = new ArrayList<>(List.of(super.configuration()));
		options.add(org.ops4j.pax.exam.CoreOptions.frameworkProperty("org.osgi.framework.storage")
				.value(java.nio.file.Files.createTempDirectory("touyan-soak-cache").toString()));
		return options.toArray(org.ops4j.pax.exam.Option[]::new);
	}
	private static final String[] FORMULAS = { "safety-veto", "district-default" };

	@Test
	public void theHalfYearFlowNeverAnswers5xxWhileReadersRunBeside() throws Exception {
		String district = demoDistrict();
		List<JsonNode> communities = items("/api/communities?district=" + district + "&limit=500", 52);
		List<JsonNode> departments = new ArrayList<>();
		for (JsonNode d : items("/api/departments?district=" + district + "&limit=500", 1)) {
			if (d.path("scores").asBoolean()) {
				departments.add(d);
			}
		}
		assertEquals(11, departments.size());
		String street = communities.get(0).get("streetId").asText();
		// a cycle pins what is bound when it opens: the flows start once the demo bound its
		// district's classification policy, the last of the bindings a half-year needs
		awaitBinding("ClassificationPolicy", "district:" + district);

		Map<String, Integer> serverErrors = new ConcurrentHashMap<>();
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicInteger reads = new AtomicInteger();
		ExecutorService readers = Executors.newFixedThreadPool(2);
		List<Future<?>> reading = new ArrayList<>();
		String[] paths = { "/api/evaluation-cycles?district=" + district, "/api/communities?district=" + district + "&limit=500",
				"/api/people?district=" + district + "&limit=100", "/api/mentoring/coverage?district=" + district };
		for (int r = 0; r < 2; r++) {
			int offset = r;
			reading.add(readers.submit(() -> {
				for (int i = offset; running.get(); i++) {
					Reply reply = get(paths[i % paths.length]);
					count(serverErrors, "GET " + paths[i % paths.length], reply);
					reads.incrementAndGet();
				}
				return null;
			}));
		}
		try {
			for (int flow = 0; flow < FLOWS; flow++) {
				halfYear(district, 2030 + flow + "-H1", street, FORMULAS[flow % 2], communities, departments, serverErrors);
			}
		} finally {
			running.set(false);
			for (Future<?> f : reading) {
				f.get(60, TimeUnit.SECONDS);
			}
			readers.shutdown();
		}
		assertEquals("5xx answers", Map.of(), serverErrors);
		assertTrue(reads.get() > 0);
	}

	private void halfYear(String district, String period, String street, String formula, List<JsonNode> communities,
			List<JsonNode> departments, Map<String, Integer> serverErrors) throws Exception {
		Reply created = post("/api/evaluation-cycles", "{\"districtId\":\"" + district + "\",\"period\":\"" + period + "\"}");
		// while the demo's own cycles load, a cycle of its district waits (503, Retry-After)
		for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120); created.status() == 503
				&& created.body().contains("Demo loading") && System.nanoTime() < deadline;) {
			Thread.sleep(1000);
			created = post("/api/evaluation-cycles", "{\"districtId\":\"" + district + "\",\"period\":\"" + period + "\"}");
		}
		assertEquals(created.body(), 201, created.status());
		String cycle = created.json().get("id").asText();
		// the demo bindings come a few seconds after health: until then there is nothing to pin
		Reply opened = transition(cycle, "open");
		for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120); opened.status() == 409
				&& opened.body().contains("尚无任何绑定") && System.nanoTime() < deadline;) {
			Thread.sleep(250);
			opened = transition(cycle, "open");
		}
		count(serverErrors, "open", opened);
		assertEquals(opened.body(), "OPEN", opened.json().get("status").asText());

		Reply rebound = send("PUT", "/api/plugins/bindings", "application/json",
				"{\"spi\":\"StarRatingFormula\",\"streetId\":\"" + street + "\",\"policyId\":\"" + formula + "\"}");
		count(serverErrors, "rebind", rebound);
		assertEquals(rebound.body(), 200, rebound.status());

		for (int d = 0; d < departments.size(); d++) {
			StringBuilder rows = new StringBuilder();
			for (int c = 0; c < communities.size(); c++) {
				rows.append(c == 0 ? "" : ",").append("{\"communityId\":\"").append(communities.get(c).get("id").asText())
						.append("\",\"score\":").append(60 + (c * 7 + d) % 40).append('}');
			}
			Reply scored = post("/api/evaluation-cycles/" + cycle + "/scores", "{\"departmentId\":\"" + departments.get(d).get("id").asText()
					+ "\",\"scores\":[" + rows + "]}");
			count(serverErrors, "scores", scored);
			assertEquals(scored.body(), 200, scored.status());
		}

		Reply closed = transition(cycle, "close-scoring");
		count(serverErrors, "close-scoring", closed);
		assertEquals(closed.body(), 200, closed.status());
		assertEquals("SCORING_CLOSED", closed.json().get("status").asText());
		JsonNode ratings = get("/api/evaluation-cycles/" + cycle + "/ratings?limit=500").json();
		assertEquals(ratings.toString(), 52, ratings.get("total").asInt());
		for (JsonNode r : ratings.get("items")) {
			if (r.get("streetId").asText().equals(street)) {
				// the street was rebound after the cycle opened: it keeps the formula pinned then
				assertNotEquals(r.toString(), formula, r.get("provenance").get("policyId").asText());
			}
		}
	}

	/** A state transition of a cycle; kept in one place so that request headers it needs are added once. */
	private Reply transition(String cycle, String step) throws Exception {
		return post("/api/evaluation-cycles/" + cycle + "/" + step, "");
	}

	private Reply post(String path, String body) throws Exception {
		return send("POST", path, "application/json", body);
	}

	private static void count(Map<String, Integer> serverErrors, String what, Reply reply) {
		if (reply.status() >= 500) {
			serverErrors.merge(what + " " + reply.status() + " " + reply.body(), 1, Integer::sum);
		}
	}

	private String demoDistrict() throws Exception {
		for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120); System.nanoTime() < deadline;) {
			for (JsonNode d : get("/api/districts?limit=500").json().get("items")) {
				if (d.get("code").asText().equals("DEMO")) {
					return d.get("id").asText();
				}
			}
			Thread.sleep(100);
		}
		throw new AssertionError("no demo district within 120 s");
	}

	private void awaitBinding(String spi, String scope) throws Exception {
		for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120); System.nanoTime() < deadline;) {
			for (JsonNode b : get("/api/plugins/bindings?limit=500").json().get("items")) {
				if (b.get("spi").asText().equals(spi) && b.get("scope").asText().equals(scope)) {
					return;
				}
			}
			Thread.sleep(100);
		}
		throw new AssertionError("no " + spi + " bound for " + scope + " within 120 s");
	}

	/** The items of a list once it has at least {@code min} of them (the demo district loads in the background). */
	private List<JsonNode> items(String path, int min) throws Exception {
		for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120); System.nanoTime() < deadline;) {
			JsonNode page = get(path).json();
			if (page.get("items").size() >= min) {
				List<JsonNode> items = new ArrayList<>();
				page.get("items").forEach(items::add);
				return items;
			}
			Thread.sleep(100);
		}
		throw new AssertionError(path + " did not list " + min + " within 120 s");
	}
}
