package org.touyan.training.internal;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.RestConstants;
import org.touyan.api.rest.Summary;
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

	@Activate
	public PairingResource(@Reference Pairing pairing) {
		this.pairing = pairing;
	}

	@GET
	@Path("programme")
	@Summary("The pairing programme bound for a district: partner, cooperation contents, dispatch report fields, provenance")
	public Pairing.Programme programme(@QueryParam("district") String district) {
		return pairing.programme(district);
	}

	@POST
	@Path("dispatches")
	@Summary(value = "Dispatches a secretary when the programme allows it (422 with its reasons otherwise; 409 when dates overlap)",
			returns = Dispatch.class)
	public Response dispatch(@HeaderParam(Input.ACTOR_HEADER) String actor, DispatchInput input) {
		String who = Input.actor(actor);
		return Response.status(201).entity(pairing.dispatch(input, who)).build();
	}

	@GET
	@Path("dispatches")
	@Summary("A district's dispatches by start date")
	public Page<Dispatch> dispatches(@QueryParam("district") String district, @QueryParam("offset") String offset,
			@QueryParam("limit") String limit) {
		Paging paging = Paging.of(offset, limit);
		return pairing.dispatches(district, paging);
	}

	@GET
	@Path("dispatches/{id}")
	@Summary("A dispatch")
	public Dispatch dispatch(@PathParam("id") String id) {
		return pairing.dispatch(id);
	}

	@POST
	@Path("dispatches/{id}/report")
	@Summary("The dispatch report, with every field the programme requires")
	public Dispatch report(@HeaderParam(Input.ACTOR_HEADER) String actor, @PathParam("id") String id, DispatchReport input) {
		return pairing.report(id, input, Input.actor(actor));
	}

	@POST
	@Path("projects")
	@Summary(value = "Starts an experience-transfer project with its owner (required), community and number of milestones",
			returns = Project.class)
	public Response createProject(@HeaderParam(Input.ACTOR_HEADER) String actor, ProjectInput input) {
		String who = Input.actor(actor);
		return Response.status(201).entity(pairing.createProject(input, who)).build();
	}

	@GET
	@Path("projects")
	@Summary("A district's experience-transfer projects, optionally of one status")
	public Page<Project> projects(@QueryParam("district") String district, @QueryParam("status") String status,
			@QueryParam("offset") String offset, @QueryParam("limit") String limit) {
		Paging paging = Paging.of(offset, limit);
		return pairing.projects(district, status, paging);
	}

	@GET
	@Path("projects/{id}")
	@Summary("An experience-transfer project")
	public Project project(@PathParam("id") String id) {
		return pairing.project(id);
	}

	@POST
	@Path("projects/{id}/progress")
	@Summary("Records a project's milestones done, status and outcome")
	public Project progress(@HeaderParam(Input.ACTOR_HEADER) String actor, @PathParam("id") String id, ProgressInput input) {
		return pairing.progress(id, input, Input.actor(actor));
	}

	@POST
	@Path("projects/{id}/assessment")
	@Summary("Grades a project with the district's programme; the grade is stored with the programme's provenance")
	public Project assess(@HeaderParam(Input.ACTOR_HEADER) String actor, @PathParam("id") String id) {
		return pairing.assess(id, Input.actor(actor));
	}
}
