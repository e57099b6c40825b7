package org.touyan.training.internal;

import static org.touyan.api.security.Role.DEPARTMENT_SCORER;
import static org.touyan.api.security.Role.DISTRICT_ADMIN;
import static org.touyan.api.security.Role.PLUGIN_ADMIN;
import static org.touyan.api.security.Role.SECRETARY;
import static org.touyan.api.security.Role.STREET_ADMIN;

import java.time.LocalDate;

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
import org.touyan.api.rest.ProblemException;
import org.touyan.api.rest.RestConstants;
import org.touyan.api.rest.Preconditions;
import org.touyan.api.rest.Summary;
import org.touyan.api.rest.Versioned;
import org.touyan.api.security.Access;
import org.touyan.api.security.Authorization;
import org.touyan.training.internal.Pairing.Dispatch;
import org.touyan.training.internal.Pairing.DispatchInput;
import org.touyan.training.internal.Pairing.DispatchReport;
import org.touyan.training.internal.Pairing.ProgressInput;
import org.touyan.training.internal.Pairing.Project;
import org.touyan.training.internal.Pairing.ProjectInput;

/** Pairing programmes over REST: the bound programme, dispatches with reports, experience-transfer projects. */
@Component(service = PairingResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(RestConstants.APPLICATION_SELECT)
@Path("pairing")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PairingResource {

	private final Pairing pairing;
	private final Authorization authorization;

	@Activate
	public PairingResource(@Reference Pairing pairing, @Reference Authorization authorization) {
		this.pairing = pairing;
		this.authorization = authorization;
	}

	@GET
	@Path("programme")
	@Summary("The pairing programme bound for a district: partner, cooperation contents, dispatch report fields, provenance")
	@Access({ DISTRICT_ADMIN, STREET_ADMIN, DEPARTMENT_SCORER, SECRETARY, PLUGIN_ADMIN })
	public Pairing.Programme programme(@QueryParam("district") String district) {
		return pairing.programme(district);
	}

	@POST
	@Path("dispatches")
	@Summary(value = "Dispatches a secretary when the programme allows it (422 with its reasons otherwise; 409 when dates overlap)",
			returns = Dispatch.class)
	@Access(DISTRICT_ADMIN)
	public Response dispatch(@Context SecurityContext security, DispatchInput input) {
		if (input != null && input.districtId() != null && !input.districtId().isBlank()) {
			authorization.requireOwner(Caller.of(security), "district", input.districtId().strip());
		}
		if (input != null && input.personId() != null && !input.personId().isBlank()) {
			authorization.requireOwner(Caller.of(security), "person", input.personId().strip());
		}
		String actor = Caller.of(security).actor();
		var created = pairing.dispatch(input, actor);
		return Created.at(created, "pairing/dispatches", created.id());
	}

	@GET
	@Path("dispatches")
	@Summary("A district's dispatches by start date, of the people of one street (street=id) or all, and of those running in a year"
			+ " (year=2026) or at some day from one ISO date to another (from=, to=, both included)")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN }, target = "street:?street")
	public Page<Dispatch> dispatches(@QueryParam("district") String district, @QueryParam("street") String street,
			@QueryParam("year") String year, @QueryParam("from") String from, @QueryParam("to") String to,
			@QueryParam("offset") String offset, @QueryParam("limit") String limit) {
		Paging paging = Paging.of(offset, limit);
		Integer y = Input.year("year", year);
		LocalDate start = Input.date("from", from);
		LocalDate end = Input.date("to", to);
		if (y != null) {
			if (start != null || end != null) {
				throw ProblemException.invalid("year", "year 与 from、to 不能同时指定", "year is given alone, or from and to instead");
			}
			start = LocalDate.of(y, 1, 1);
			end = LocalDate.of(y, 12, 31);
		}
		return pairing.dispatches(district, street, start, end, paging);
	}

	@GET
	@Path("dispatches/{id}")
	@Versioned
	@Summary(value = "A dispatch", returns = Dispatch.class)
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN, SECRETARY }, target = "dispatch:id")
	public Response dispatch(@PathParam("id") String id) {
		return Preconditions.ok(pairing.dispatch(id));
	}

	@POST
	@Path("dispatches/{id}/report")
	@Summary("The dispatch report, with every field the programme requires")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN, SECRETARY }, target = "dispatch:id")
	public Dispatch report(@Context SecurityContext security, @PathParam("id") String id,
			@HeaderParam(Preconditions.IF_MATCH) String ifMatch, DispatchReport input) {
		Preconditions.required(ifMatch);
		String actor = Caller.of(security).actor();
		return pairing.report(id, input, actor, ifMatch);
	}

	@POST
	@Path("projects")
	@Summary(value = "Starts an experience-transfer project with its owner (required), community and number of milestones",
			returns = Project.class)
	@Access({ DISTRICT_ADMIN, STREET_ADMIN })
	public Response createProject(@Context SecurityContext security,
			ProjectInput input) {
		String actor = Caller.of(security).actor();
		if (input != null) {
			// where the project belongs is only in the body: a street starts projects in its communities, with its people
			if (input.communityId() != null) {
				authorization.requireOwner(Caller.of(security), "community", input.communityId());
			}
			if (input.ownerId() != null) {
				authorization.requireOwner(Caller.of(security), "person", input.ownerId());
			}
		}
		var created = pairing.createProject(input, actor);
		return Created.at(created, "pairing/projects", created.id());
	}

	@GET
	@Path("projects")
	@Summary("A district's experience-transfer projects, optionally of one status and of one street (street=id)")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN }, target = "street:?street")
	public Page<Project> projects(@QueryParam("district") String district, @QueryParam("street") String street,
			@QueryParam("status") String status, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
		Paging paging = Paging.of(offset, limit);
		return pairing.projects(district, street, status, paging);
	}

	@GET
	@Path("projects/{id}")
	@Versioned
	@Summary(value = "An experience-transfer project", returns = Project.class)
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN, SECRETARY }, target = "project:id")
	public Response project(@PathParam("id") String id) {
		return Preconditions.ok(pairing.project(id));
	}

	@POST
	@Path("projects/{id}/progress")
	@Summary("Records a project's milestones done, status and outcome")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN, SECRETARY }, target = "project:id")
	public Project progress(@Context SecurityContext security, @PathParam("id") String id,
			@HeaderParam(Preconditions.IF_MATCH) String ifMatch, ProgressInput input) {
		Preconditions.required(ifMatch);
		String actor = Caller.of(security).actor();
		return pairing.progress(id, input, actor, ifMatch);
	}

	@POST
	@Path("projects/{id}/assessment")
	@Summary("Grades a project with the district's programme; the grade is stored with the programme's provenance")
	@Access(value = DISTRICT_ADMIN, target = "project:id")
	public Project assess(@Context SecurityContext security, @PathParam("id") String id,
			@HeaderParam(Preconditions.IF_MATCH) String ifMatch) {
		Preconditions.required(ifMatch);
		String actor = Caller.of(security).actor();
		return pairing.assess(id, actor, ifMatch);
	}
}
