package org.touyan.evaluation.internal.use;

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
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.Response;

import org.touyan.api.security.Caller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.touyan.api.rest.Created;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.Preconditions;
import org.touyan.api.rest.RestConstants;
import org.touyan.api.rest.Summary;
import org.touyan.api.rest.Versioned;
import org.touyan.api.security.Access;
import org.touyan.api.security.Authorization;

/** The negative list (履职负面清单) over REST; the rules live in {@link NegativeList}. */
@Component(service = NegativeListResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(RestConstants.APPLICATION_SELECT)
@Path("negative-list")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NegativeListResource {

	private final NegativeList list;

	private final Authorization authorization;

	@Activate
	public NegativeListResource(@Reference NegativeList list, @Reference Authorization authorization) {
		this.list = list;
		this.authorization = authorization;
	}

	@GET
	@Summary("The negative list bound for a district (district=id) or one of its streets (street=id): code, name, severity, and the plugin")
	@Access({ DISTRICT_ADMIN, STREET_ADMIN, DEPARTMENT_SCORER, SECRETARY, PLUGIN_ADMIN })
	public NegativeList.Catalogue catalogue(@QueryParam("district") String district, @QueryParam("street") String street) {
		return list.catalogue(district, street);
	}

	@POST
	@Path("incidents")
	@Summary(value = "Records an incident against a serving secretary with its evidence; the bound catalogue's verdict names the items"
			+ " and decides criticism and rectification by a deadline, or adjustment, which opens a removal filing",
			returns = NegativeList.Incident.class)
	@Access(DISTRICT_ADMIN)
	public Response record(@Context SecurityContext security, NegativeList.IncidentInput input) {
		if (input != null && input.personId() != null && !input.personId().isBlank()) {
			authorization.requireOwner(Caller.of(security), "person", input.personId().strip()); // a person of the caller's district
		}
		String actor = Caller.of(security).actor();
		NegativeList.Incident i = list.record(input, actor);
		return Created.at(i, "negative-list/incidents", i.id());
	}

	@GET
	@Path("incidents")
	@Summary("Incidents of a district (district=id) or a person (person=id), of a status (RECTIFYING, RECTIFIED, ADJUSTING), newest first")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN, SECRETARY }, target = "person:?person")
	public Page<NegativeList.Incident> incidents(@QueryParam("district") String district, @QueryParam("person") String person,
			@QueryParam("status") String status, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
		return list.incidents(district, person, status, Paging.of(offset, limit));
	}

	@GET
	@Path("incidents/{id}")
	@Versioned
	@Summary(value = "One incident with its verdict, provenance and follow-ups", returns = NegativeList.Incident.class)
	@Access(value = DISTRICT_ADMIN, target = "incident:id")
	public Response incident(@PathParam("id") String id) {
		return Preconditions.ok(list.require(id));
	}

	@POST
	@Path("incidents/{id}/follow-ups")
	@Summary("Records a follow-up of a rectification; rectified=true closes it")
	@Access(value = DISTRICT_ADMIN, target = "incident:id")
	public NegativeList.Incident followUp(@Context SecurityContext security, @PathParam("id") String id,
			@HeaderParam(Preconditions.IF_MATCH) String ifMatch, NegativeList.FollowUpInput input) {
		Preconditions.required(ifMatch);
		String actor = Caller.of(security).actor();
		return list.followUp(id, input, actor, ifMatch);
	}
}
