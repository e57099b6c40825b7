package org.touyan.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;

import org.junit.jupiter.api.Test;
import org.touyan.api.metrics.MetricSource;
import org.touyan.api.metrics.MetricSource.Family;
import org.touyan.api.metrics.MetricSource.Kind;
import org.touyan.api.metrics.MetricSource.Sample;

/** What the registry writes: the requests by template, the latency buckets, the JVM, and the sources' families. */
class MetricsTest {

	@Path("people")
	static class People {
		@GET
		@Path("{id: [a-z0-9]+}")
		public String get() {
			return "";
		}

		@GET
		public String list() {
			return "";
		}
	}

	@Test
	void aRouteIsThePathTemplateWithoutItsRegularExpression() throws Exception {
		assertEquals("/api/people/{id}", Routes.template(People.class, People.class.getMethod("get")));
		assertEquals("/api/people", Routes.template(People.class, People.class.getMethod("list")));
		Routes routes = new Routes();
		String first = routes.of(People.class, People.class.getMethod("get"));
		assertTrue(first == routes.of(People.class, People.class.getMethod("get")), "worked out once, then looked up");
	}

	@Test
	void labelsComeFromBoundedSets() {
		assertEquals("GET", Routes.method("GET"));
		assertEquals("other", Routes.method("BREW"));
		assertEquals("200", Routes.status(200));
		assertTrue(Routes.status(404) == Routes.status(404), "no string made per request");
		assertEquals("other", Routes.status(7000));
	}

	@Test
	void theScrapeHoldsRequestsLatencyJvmAndSources() throws Exception {
		Metrics metrics = new Metrics();
		sources(metrics, List.of(() -> List.of(
				new Family("touyan_policy_calls", "calls", Kind.COUNTER, List.of("plugin", "outcome"), List.of(Sample.of(3, "p 1.0", "ok"))),
				new Family("touyan_store_connections_in_use", "in use", Kind.GAUGE, List.of(), List.of(Sample.of(2))))));
		metrics.request("/api/people/{id}", "GET", "200", 3_000_000);
		metrics.request("/api/people/{id}", "GET", "200", 3_000_000);
		String text = metrics.scrape();
		assertTrue(text.contains("touyan_http_requests_total{method=\"GET\",route=\"/api/people/{id}\",status=\"200\"} 2.0"), text);
		assertTrue(text.contains("touyan_http_request_duration_seconds_bucket{method=\"GET\",route=\"/api/people/{id}\",le=\"0.005\"} 2"), text);
		assertTrue(text.contains("touyan_http_request_duration_seconds_bucket{method=\"GET\",route=\"/api/people/{id}\",le=\"0.0025\"} 0"), text);
		assertTrue(text.contains("touyan_policy_calls_total{outcome=\"ok\",plugin=\"p 1.0\"} 3.0"), text);
		assertTrue(text.contains("# TYPE touyan_store_connections_in_use gauge"), text);
		assertTrue(text.contains("jvm_memory_used_bytes{area=\"heap\"}"), text);
	}

	@Test
	void aFailingSourceOrATakenNameIsLeftOutNotTheScrape() throws Exception {
		Metrics metrics = new Metrics();
		sources(metrics, List.of(() -> {
			throw new IllegalStateException("broken");
		}, () -> List.of(new Family(Metrics.REQUESTS, "again", Kind.COUNTER, List.of(), List.of(Sample.of(1))),
				new Family("touyan_fine", "fine", Kind.GAUGE, List.of(), List.of(Sample.of(1))))));
		String text = metrics.scrape();
		assertTrue(text.contains("touyan_fine 1.0"), text);
		assertTrue(!text.contains("again"), text);
	}

	@Test
	void aFamilyIsCheckedWhenMade() {
		assertThrows(IllegalArgumentException.class, () -> new Family("touyan_x_total", "", Kind.COUNTER, List.of(), List.of()));
		assertThrows(IllegalArgumentException.class, () -> new Family("touyan x", "", Kind.GAUGE, List.of(), List.of()));
		assertThrows(IllegalArgumentException.class,
				() -> new Family("touyan_x", "", Kind.GAUGE, List.of("a"), List.of(Sample.of(1, "a", "b"))));
	}

	private static void sources(Metrics metrics, List<MetricSource> sources) throws ReflectiveOperationException {
		Field f = Metrics.class.getDeclaredField("sources");
		f.setAccessible(true);
		f.set(metrics, sources);
	}
}
