package org.touyan.evaluation.internal.cycle;

import static org.touyan.api.security.Role.DEPARTMENT_SCORER;
import static org.touyan.api.security.Role.DISTRICT_ADMIN;
import static org.touyan.api.security.Role.PLUGIN_ADMIN;
import static org.touyan.api.security.Role.SECRETARY;
import static org.touyan.api.security.Role.STREET_ADMIN;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
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
import org.touyan.api.registry.OrgUnits;
import org.touyan.api.rest.Created;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.Preconditions;
import org.touyan.api.rest.RestConstants;
import org.touyan.api.rest.Summary;
import org.touyan.api.rest.Versioned;
import org.touyan.api.security.Access;
import org.touyan.api.security.Authorization;
import org.touyan.api.security.Caller;
import org.touyan.api.store.DemoStatus;

/**
 * Evaluation cycles over REST: create, list and read a half-year cycle, and move it through its
 * life (open with its pins, publish, archive). Closing scoring spans the rooms above this one and
 * is served by the cycle flow. The rules live in {@link Cycles}.
 */
@Component(service = CycleResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(RestConstants.APPLICATION_SELECT)
@Path("evaluation-cycles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CycleResource {

	private final Cycles cycles;
	private final OrgUnits units;
	private final DemoStatus demo;

	private final Authorization authorization;

	@Activate
	public CycleResource(@Reference Cycles cycles, @Reference OrgUnits units, @Reference DemoStatus demo,
			@Reference Authorization authorization) {
		this.authorization = authorization;
		this.cycles = cycles;
		this.units = units;
		this.demo = demo;
	}

	@POST
	@Summary(value = "Creates a half-year evaluation cycle of a district as a draft, with the departments' score range; in the demo"
			+ " district, 503 with Retry-After while its cycles are still loading", returns = Cycle.class)
	@Access(DISTRICT_ADMIN)
	public Response create(@Context SecurityContext security, CycleInput input) {
		if (input != null && input.districtId() != null && !input.districtId().isBlank()) {
			authorization.requireOwner(Caller.of(security), "district", input.districtId().strip()); // a district's own cycles only
		}
		if (input != null && input.districtId() != null
				&& units.district(input.districtId()).filter(d -> DemoStatus.DISTRICT_CODE.equals(d.code())).isPresent()) {
			demo.refuseWhileLoading(Cycles.DEMO_LOADER, "a cycle of the demo district");
		}
		String actor = Caller.of(security).actor();
		Cycle c = cycles.create(input, actor);
		return Created.at(c, "evaluation-cycles", c.id());
	}

	@GET
	@Summary("Evaluation cycles of a district (district=id), newest first, a page at a time")
	@Access({ DISTRICT_ADMIN, STREET_ADMIN, DEPARTMENT_SCORER, SECRETARY, PLUGIN_ADMIN })
	public Page<Cycle> list(@QueryParam("district") String district, @QueryParam("offset") String offset,
			@QueryParam("limit") String limit) {
		return cycles.cycles(district, Paging.of(offset, limit));
	}

	@GET
	@Path("{id}")
	@Versioned
	@Summary(value = "One evaluation cycle", returns = Cycle.class)
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN, DEPARTMENT_SCORER, SECRETARY, PLUGIN_ADMIN }, target = "cycle:id")
	public Response cycle(@PathParam("id") String id) {
		return Preconditions.ok(cycles.require(id));
	}

	@GET
	@Path("{id}/transitions")
	@Summary("The cycle's transitions, who made them and when")
	@Access(value = DISTRICT_ADMIN, target = "cycle:id")
	public Page<Cycles.Transition> transitions(@PathParam("id") String id, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
		return Page.of(cycles.transitions(id), Paging.of(offset, limit));
	}

	@POST
	@Path("{id}/open")
	@Summary("Opens a draft cycle: pins every policy binding for it and starts taking scores")
	@Access(value = DISTRICT_ADMIN, target = "cycle:id")
	public Cycle open(@Context SecurityContext security, @PathParam("id") String id,
			@HeaderParam(Preconditions.IF_MATCH) String ifMatch) {
		Preconditions.required(ifMatch);
		String actor = Caller.of(security).actor();
		return cycles.open(id, actor, ifMatch);
	}

	@POST
	@Path("{id}/publish")
	@Summary("Publishes a rated cycle's results")
	@Access(value = DISTRICT_ADMIN, target = "cycle:id")
	public Cycle publish(@Context SecurityContext security, @PathParam("id") String id,
			@HeaderParam(Preconditions.IF_MATCH) String ifMatch) {
		Preconditions.required(ifMatch);
		String actor = Caller.of(security).actor();
		return cycles.publish(id, actor, ifMatch);
	}

	@POST
	@Path("{id}/archive")
	@Summary("Archives a published cycle and releases its pinned policy versions")
	@Access(value = DISTRICT_ADMIN, target = "cycle:id")
	public Cycle archive(@Context SecurityContext security, @PathParam("id") String id,
			@HeaderParam(Preconditions.IF_MATCH) String ifMatch) {
		Preconditions.required(ifMatch);
		String actor = Caller.of(security).actor();
		return cycles.archive(id, actor, ifMatch);
	}
}
