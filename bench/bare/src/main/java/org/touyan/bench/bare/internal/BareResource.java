package org.touyan.bench.bare.internal;

import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.touyan.api.rest.RestConstants;
import org.touyan.api.security.Anonymous;

/**
 * GET /api/bench/body answers the body as JSON; PUT sets it. A resource of the platform's own
 * application (its filters and writers run), with no login and no store: what JAX-RS costs alone.
 * A second application of its own would be barer, but two CXF applications on this HTTP runtime
 * sometimes answer each other's requests.
 */
@Component(service = BareResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestConstants.APPLICATION_SELECT)
@Path("bench/body")
public class BareResource {

	@GET
	@Produces("application/json")
	@Anonymous("a benchmark baseline, installed for the benchmark's run only")
	public byte[] get() {
		return Body.BYTES.get();
	}

	@PUT
	@Anonymous("a benchmark baseline, installed for the benchmark's run only")
	public void put(byte[] body) {
		Body.BYTES.set(body);
	}
}
