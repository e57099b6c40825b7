package org.touyan.rest.internal;

import static org.touyan.api.security.Role.DISTRICT_ADMIN;
import static org.touyan.api.security.Role.PLUGIN_ADMIN;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.touyan.api.rest.RestConstants;
import org.touyan.api.rest.Summary;
import org.touyan.api.security.Access;

/**
 * {@code GET /api/metrics}: the platform's metrics in the Prometheus text format, for a scraper
 * that logs in. The district and plugin administrators may read it (and the auditor, as every GET).
 */
@Component(service = MetricsResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(RestConstants.APPLICATION_SELECT)
@Path("metrics")
public class MetricsResource {

	private final Metrics metrics;

	@Activate
	public MetricsResource(@Reference Metrics metrics) {
		this.metrics = metrics;
	}

	@GET
	@Produces(Metrics.CONTENT_TYPE)
	@Summary("Metrics in the Prometheus text format: API requests by operation and status, their latency, policy calls by plugin "
			+ "and outcome, plugin events, database use, JVM memory and GC")
	@Access({ DISTRICT_ADMIN, PLUGIN_ADMIN })
	public String metrics() {
		return metrics.scrape();
	}
}
