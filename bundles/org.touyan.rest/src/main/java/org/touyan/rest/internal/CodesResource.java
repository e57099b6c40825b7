package org.touyan.rest.internal;

import static org.touyan.api.security.Role.DEPARTMENT_SCORER;
import static org.touyan.api.security.Role.DISTRICT_ADMIN;
import static org.touyan.api.security.Role.PLUGIN_ADMIN;
import static org.touyan.api.security.Role.SECRETARY;
import static org.touyan.api.security.Role.STREET_ADMIN;

import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.touyan.api.codes.CodeName;
import org.touyan.api.codes.Codes;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.rest.RestConstants;
import org.touyan.api.rest.Summary;
import org.touyan.api.security.Access;

/** The code catalogue over REST: every enumerated type with each value's Chinese and English name. */
@Component(service = CodesResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(RestConstants.APPLICATION_SELECT)
@Path("codes")
@Produces(MediaType.APPLICATION_JSON)
public class CodesResource {

	private final Codes codes;

	@Activate
	public CodesResource(@Reference Codes codes) {
		this.codes = codes;
	}

	@GET
	@Summary("Every enumerated type by name, each code with its names: {type: {code: {zh, en}}}")
	@Access({ DISTRICT_ADMIN, STREET_ADMIN, DEPARTMENT_SCORER, SECRETARY, PLUGIN_ADMIN })
	public Map<String, Map<String, CodeName>> all() {
		return codes.catalogue();
	}

	@GET
	@Path("{type}")
	@Summary("One type's codes with their names: {code: {zh, en}}")
	@Access({ DISTRICT_ADMIN, STREET_ADMIN, DEPARTMENT_SCORER, SECRETARY, PLUGIN_ADMIN })
	public Map<String, CodeName> type(@PathParam("type") String type) {
		return codes.type(type).orElseThrow(() -> ProblemException.notFound("代码类型", "code type", type));
	}
}
