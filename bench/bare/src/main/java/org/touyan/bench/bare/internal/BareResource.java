package org.touyan.bench.bare.internal;

import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** GET /bare-jaxrs/body answers the body as JSON; PUT sets it. */
@Component(service = BareResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=" + BareApplication.NAME + ")")
@Path("body")
public class BareResource {

	@GET
	@Produces("application/json")
	public byte[] get() {
		return Body.BYTES.get();
	}

	@PUT
	public void put(byte[] body) {
		Body.BYTES.set(body);
	}
}
