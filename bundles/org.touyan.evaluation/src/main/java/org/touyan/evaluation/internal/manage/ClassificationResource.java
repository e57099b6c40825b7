package org.touyan.evaluation.internal.manage;

import org.touyan.evaluation.internal.cycle.Cycles;

import static org.touyan.api.security.Role.DISTRICT_ADMIN;
import static org.touyan.api.security.Role.SECRETARY;
import static org.touyan.api.security.Role.STREET_ADMIN;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.touyan.api.rest.Created;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.RestConstants;
import org.touyan.api.rest.Summary;
import org.touyan.api.security.Access;
import org.touyan.api.security.Caller;

/**
 * The cycle's classification over REST (管): each secretary's type with the street cadre helping,
 * re-classification while scoring is closed, and the measures that follow a type.
 */
@Component(service = ClassificationResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(RestConstants.APPLICATION_SELECT)
@Path("evaluation-cycles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClassificationResource {

	private final Cycles cycles;
	private final Classifications classifications;
	private final Measures measures;

	@Activate
	public ClassificationResource(@Reference Cycles cycles, @Reference Classifications classifications, @Reference Measures measures) {
		this.cycles = cycles;
		this.classifications = classifications;
		this.measures = measures;
	}

	@GET
	@Path("{id}/classifications")
	@Summary("Each secretary's type (示范/骨干/潜力/守摊) in the cycle with its measures, the street cadre helping, and provenance;"
			+ " of one community (community=id) or all")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN, SECRETARY }, target = { "cycle:id", "community:?community" })
	public Page<Classifications.Placement> classifications(@PathParam("id") String id, @QueryParam("community") String community, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
		cycles.require(id);
		return Page.of(classifications.placements(id, community), Paging.of(offset, limit));
	}

	@POST
	@Path("{id}/classifications")
	@Summary("Classifies the secretaries again with the policy pinned for the cycle, while scoring is closed")
	@Access(value = DISTRICT_ADMIN, target = "cycle:id")
	public List<Classifications.Placement> reclassify(@Context SecurityContext security, @PathParam("id") String id) {
		String actor = Caller.of(security).actor();
		return classifications.reclassify(id, actor);
	}

	@POST
	@Path("{id}/measures")
	@Summary(value = "Records a measure that follows a secretary's type: 书记工作室, 书记工作法 or 书记特色课 followed by the Organization"
			+ " Department (示范/骨干), or one-on-one help by a named street cadre (潜力/守摊)", returns = Measures.Measure.class)
	@Access(value = DISTRICT_ADMIN, target = "cycle:id")
	public Response measure(@Context SecurityContext security, @PathParam("id") String id, Measures.MeasureInput input) {
		String actor = Caller.of(security).actor();
		Measures.Measure m = measures.record(id, input, actor);
		return Created.at(m, "evaluation-cycles", id, "measures");
	}

	@GET
	@Path("{id}/measures")
	@Summary("The measures recorded in the cycle, of one secretary (person=id) or all")
	@Access(value = DISTRICT_ADMIN, target = "cycle:id")
	public Page<Measures.Measure> measures(@PathParam("id") String id, @QueryParam("person") String person, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
		return Page.of(measures.measures(id, person), Paging.of(offset, limit));
	}
}
