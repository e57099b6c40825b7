package org.touyan.rest.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.touyan.api.metrics.MetricSource;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The platform's metrics registry: the API's requests (counted by operation, method and status,
 * timed by operation and method), the JVM's memory, GC, threads and classes, and whatever the
 * {@link MetricSource} services report (policy calls, plugin events, the database). The requests
 * are recorded on the hot path, so {@link #request} does no more than the library's counters.
 */
@Component(service = Metrics.class)
public class Metrics {

	/** The Prometheus text format (0.0.4) with its version and charset. */
	static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

	static final String REQUESTS = "touyan_http_requests";
	static final String DURATION = "touyan_http_request_duration_seconds";
	/** Latency buckets in seconds: most reads answer within milliseconds, a rating run within seconds. */
	private static final double[] BUCKETS = { 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10 };

	private final PrometheusRegistry registry = new PrometheusRegistry();
	private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
	private final Counter requests;
	private final Histogram duration;

	@Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
	private volatile List<MetricSource> sources = List.of();

	@Activate
	public Metrics() {
		requests = Counter.builder().name(REQUESTS).help("API requests answered, by operation (path template), method and status")
				.labelNames("route", "method", "status").withoutExemplars().register(registry);
		duration = Histogram.builder().name(DURATION).help("Time to answer an API request, by operation (path template) and method")
				.labelNames("route", "method").classicOnly().classicUpperBounds(BUCKETS).withoutExemplars().register(registry);
		JvmMetrics.builder().register(registry);
		registry.register(new SourcedMetrics(() -> sources, Set.of(REQUESTS, DURATION)));
	}

	/** Records one answered request; {@code route} is a path template or a fixed word, never a raw path. */
	void request(String route, String method, String status, long nanos) {
		requests.labelValues(route, method, status).inc();
		duration.labelValues(route, method).observe(nanos / 1e9);
	}

	/** Everything the registry holds now, in the Prometheus text format. */
	String scrape() {
		ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
		try {
			writer.write(out, registry.scrape());
		} catch (IOException e) {
			throw new IllegalStateException("cannot write to memory", e);
		}
		return out.toString(StandardCharsets.UTF_8);
	}
}
