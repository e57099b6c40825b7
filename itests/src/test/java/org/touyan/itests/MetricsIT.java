package org.touyan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code GET /api/metrics} as an operator's scraper reads it: refused without a login and to a
 * street administrator, and for a district or plugin administrator the Prometheus text format with
 * the API's requests by operation template and status, their latency buckets, the JVM's memory and
 * GC, the policy calls by plugin and outcome, and the database's connections.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class MetricsIT extends PlatformTest {

	private static final Pattern LINE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)(?: \\d+)?");
	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	/** One sample line of the exposition: its metric name, its labels and its value. */
	record Sample(String name, Map<String, String> labels, double value) {
	}

	@Test
	public void anonymousIs401AndAStreetAdministratorIs403() throws Exception {
		awaitDemo();
		assertProblem(anonymous(HttpRequest.newBuilder(URI.create(base() + "/api/metrics")).GET()), 401);
		String street = get("/api/streets?limit=1").json().get("items").get(0).get("id").asText();
		String token = newUser("metrics.street", "街道管理员周", "STREET_ADMIN", "street", street);
		assertProblem(as(token), 403);
	}

	@Test
	public void requestsLatencyJvmPolicyCallsAndTheDatabaseAreThere() throws Exception {
		awaitDemo();
		String person = get("/api/people?limit=1").json().get("items").get(0).get("id").asText();
		String street = streetBoundToAFormula();
		List<Sample> before = scrape(get("/api/metrics"));
		for (int i = 0; i < 3; i++) {
			assertEquals(200, get("/api/people/" + person).status());
		}
		Reply rated = preview(street);
		assertEquals(rated.toString(), 200, rated.status());
		JsonNode provenance = rated.json().get("provenance");
		Map<String, String> call = Map.of("plugin", provenance.get("bundle").asText(), "version", provenance.get("version").asText(),
				"policy", provenance.get("policyId").asText(), "outcome", "ok");

		Reply reply = get("/api/metrics");
		List<Sample> after = scrape(reply);
		Map<String, String> personRead = Map.of("route", "/api/people/{id}", "method", "GET", "status", "200");
		assertTrue("three reads of one person are counted under the operation's template",
				value(after, "touyan_http_requests_total", personRead) - value(before, "touyan_http_requests_total", personRead) >= 3);
		assertTrue("the latency histogram counts them in its +Inf bucket", value(after, "touyan_http_request_duration_seconds_bucket",
				Map.of("route", "/api/people/{id}", "method", "GET", "le", "+Inf")) >= 3);
		assertTrue("a bucket below one second", after.stream().anyMatch(s -> s.name().equals("touyan_http_request_duration_seconds_bucket")
				&& s.labels().get("route").equals("/api/people/{id}") && !s.labels().get("le").equals("+Inf")
				&& Double.parseDouble(s.labels().get("le")) < 1));
		for (Sample s : after) {
			String route = s.labels().get("route");
			assertFalse("a raw path is no label: " + s, route != null && route.contains(person));
		}
		assertTrue("the rating's policy call is counted for " + call,
				value(after, "touyan_policy_calls_total", call) - value(before, "touyan_policy_calls_total", call) >= 1);
		assertTrue("heap in use", value(after, "jvm_memory_used_bytes", Map.of("area", "heap")) > 0);
		assertTrue("GC is reported", after.stream().anyMatch(s -> s.name().equals("jvm_gc_collection_seconds_count")));
		assertTrue("the pool's size", value(after, "touyan_store_connections_max", Map.of()) > 0);
		assertTrue("a plugin install of the demo is a plugin event",
				value(after, "touyan_plugin_events_total", Map.of("action", "install", "outcome", "done")) >= 1);
	}

	@Test
	public void refusalsAreCountedUnderTheOperationTheyWereFor() throws Exception {
		awaitDemo();
		anonymous(HttpRequest.newBuilder(URI.create(base() + "/api/metrics")).GET());
		String token = newUser("metrics.plugins", "插件管理员吴", "PLUGIN_ADMIN", null, null);
		List<Sample> samples = scrape(as(token));
		assertTrue("a plugin administrator reads the metrics, and they hold the refused call",
				value(samples, "touyan_http_requests_total", Map.of("route", "/api/metrics", "method", "GET", "status", "401")) >= 1);
	}

	private Reply as(String token) throws Exception {
		return sendAsIs(HttpRequest.newBuilder(URI.create(base() + "/api/metrics")).header("Authorization", "Bearer " + token).GET());
	}

	/** A street whose star rating the demo bound to a formula plugin. */
	private String streetBoundToAFormula() throws Exception {
		for (JsonNode s : get("/api/streets?limit=500").json().get("items")) {
			if (preview(s.get("id").asText()).status() == 200) {
				return s.get("id").asText();
			}
		}
		throw new AssertionError("no street of the demo rates with a formula");
	}

	/** The samples of a 200 answer in the Prometheus text format (0.0.4), line by line. */
	private static List<Sample> scrape(Reply reply) {
		assertEquals(reply.toString(), 200, reply.status());
		List<String> type = List.of(reply.contentType().replace(" ", "").split(";"));
		assertEquals(reply.contentType(), "text/plain", type.get(0));
		assertTrue(reply.contentType(), type.contains("version=0.0.4"));
		List<Sample> samples = new ArrayList<>();
		for (String line : reply.body().split("\n")) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			Matcher m = LINE.matcher(line);
			assertTrue("not a sample line: " + line, m.matches());
			Map<String, String> labels = new LinkedHashMap<>();
			Matcher l = LABEL.matcher(m.group(2) == null ? "" : m.group(2));
			while (l.find()) {
				labels.put(l.group(1), l.group(2));
			}
			samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(3))));
		}
		return samples;
	}

	/** The value of the one sample of {@code name} whose labels include {@code labels}; 0 when there is none. */
	private static double value(List<Sample> samples, String name, Map<String, String> labels) {
		List<Sample> found = samples.stream().filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet()))
				.toList();
		assertTrue(name + labels + " is ambiguous: " + found, found.size() <= 1);
		return found.isEmpty() ? 0 : found.get(0).value();
	}
}
