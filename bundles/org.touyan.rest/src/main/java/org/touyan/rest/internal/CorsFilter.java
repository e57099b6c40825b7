package org.touyan.rest.internal;

import java.util.Set;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.touyan.api.rest.RestConstants;

/**
 * Cross-origin access, off unless origins are configured: with none, no answer carries CORS
 * headers and browsers keep other sites' pages away from the API. A configured origin (a web UI
 * served elsewhere) gets its preflights answered and may read answers; tokens travel in the
 * Authorization header, never cookies, so credentials are not allowed.
 */
@Component(service = { ContainerRequestFilter.class, ContainerResponseFilter.class }, configurationPid = CorsFilter.PID)
@Designate(ocd = CorsFilter.Config.class)
@JaxrsExtension
@JaxrsApplicationSelect(RestConstants.APPLICATION_SELECT)
@PreMatching
public class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {

	static final String PID = "touyan.rest.cors";

	@ObjectClassDefinition(name = "Touyan CORS", description = "Origins allowed to call the REST API from a browser")
	public @interface Config {
		@AttributeDefinition(description = "Allowed origins, e.g. https://touyan.example.gov.cn; none: cross-origin access is off", required = false)
		String[] origins() default {};
	}

	private volatile Set<String> origins;

	@Activate
	public CorsFilter(Config config) {
		modified(config);
	}

	/** Applied in place: re-registering would rebuild the core application. */
	@Modified
	void modified(Config config) {
		this.origins = Set.of(config.origins());
	}

	@Override
	public void filter(ContainerRequestContext request) {
		String origin = request.getHeaderString("Origin");
		if ("OPTIONS".equals(request.getMethod()) && request.getHeaderString("Access-Control-Request-Method") != null
				&& origin != null && origins.contains(origin)) {
			request.abortWith(Response.noContent().header("Access-Control-Allow-Origin", origin).header("Vary", "Origin")
					.header("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE")
					.header("Access-Control-Allow-Headers", "Authorization, Content-Type")
					.header("Access-Control-Max-Age", "600").build());
		}
	}

	@Override
	public void filter(ContainerRequestContext request, ContainerResponseContext response) {
		String origin = request.getHeaderString("Origin");
		if (origin != null && origins.contains(origin) && !response.getHeaders().containsKey("Access-Control-Allow-Origin")) {
			response.getHeaders().putSingle("Access-Control-Allow-Origin", origin);
			response.getHeaders().add("Vary", "Origin");
			response.getHeaders().putSingle("Access-Control-Expose-Headers", "Location");
		}
	}
}
