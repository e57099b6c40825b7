package org.touyan.registry.internal;

import static org.touyan.api.security.Role.DISTRICT_ADMIN;
import static org.touyan.api.security.Role.STREET_ADMIN;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
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
import org.touyan.api.registry.Filing;
import org.touyan.api.registry.FilingInput;
import org.touyan.api.registry.FilingNote;
import org.touyan.api.registry.FilingStatus;
import org.touyan.api.registry.FilingStepDefinition;
import org.touyan.api.registry.Filings;
import org.touyan.api.registry.VettingInput;
import org.touyan.api.rest.Created;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.Preconditions;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.rest.RestConstants;
import org.touyan.api.rest.Summary;
import org.touyan.api.rest.Versioned;
import org.touyan.api.security.Access;
import org.touyan.api.security.Authorization;

/** Mid-term adjustment filings (规范备案) over REST; the procedure's rules live in {@link Filings}. */
@Component(service = FilingResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(RestConstants.APPLICATION_SELECT)
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FilingResource {

	private final Filings filings;
	private final Authorization authorization;

	/** The district's procedure: its steps are one resource, read and replaced whole, not a page. */
	public record Procedure(List<FilingStepDefinition> steps) {
	}

	@Activate
	public FilingResource(@Reference Filings filings, @Reference Authorization authorization) {
		this.filings = filings;
		this.authorization = authorization;
	}

	@GET
	@Path("districts/{id}/filing-steps")
	@Versioned
	@Summary(value = "The six steps of the district's filing procedure, as one resource (its ETag guards their change)", returns = Procedure.class)
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN }, target = "district:id")
	public Response steps(@PathParam("id") String id) {
		List<FilingStepDefinition> steps = filings.steps(id);
		return Preconditions.ok(new Procedure(steps), steps);
	}

	@PUT
	@Path("districts/{id}/filing-steps")
	@Summary("Sets the district's six filing steps; the first three are fixed")
	@Access(value = DISTRICT_ADMIN, target = "district:id")
	public List<FilingStepDefinition> configureSteps(@PathParam("id") String id,
			@HeaderParam(Preconditions.IF_MATCH) String ifMatch, List<FilingStepDefinition> steps) {
		return filings.configureSteps(id, steps, Preconditions.required(ifMatch));
	}

	@GET
	@Path("filings")
	@Summary("Filings of a district (district=id) or of a street's communities (street=id), by status"
			+ " (status=OPEN|FILED|WITHDRAWN), a page at a time")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN }, target = "street:?street")
	public Page<Filing> filings(@QueryParam("district") String district, @QueryParam("street") String street,
			@QueryParam("status") String status, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
		return filings.filings(district, street, status(status), Paging.of(offset, limit));
	}

	@GET
	@Path("filings/{id}")
	@Versioned
	@Summary(value = "One filing with its steps and vetting verdicts", returns = Filing.class)
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN }, target = "filing:id")
	public Response filing(@PathParam("id") String id) {
		return Preconditions.ok(filings.filing(id).orElseThrow(() -> ProblemException.notFound("备案", "filing", id)));
	}

	@POST
	@Path("filings")
	@Summary(value = "Opens a filing for an appointment or removal of a community Party secretary", returns = Filing.class)
	@Access({ DISTRICT_ADMIN, STREET_ADMIN })
	public Response open(@Context SecurityContext security,
			FilingInput input) {
		String actor = Caller.of(security).actor();
		if (input != null && input.communityId() != null) {
			// the community is only in the body: a street files for its own communities
			authorization.requireOwner(Caller.of(security), "community", input.communityId());
		}
		Filing f = filings.open(input, actor);
		return Created.at(f, "filings", f.id());
	}

	@POST
	@Path("filings/{id}/steps/{position}/complete")
	@Summary("Marks a step done; steps are done in order")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN }, target = "filing:id")
	public Filing completeStep(@Context SecurityContext security, @PathParam("id") String id,
			@PathParam("position") String position, @HeaderParam(Preconditions.IF_MATCH) String ifMatch, FilingNote note) {
		Preconditions.required(ifMatch);
		String actor = Caller.of(security).actor();
		int n;
		try {
			n = Integer.parseInt(position);
		} catch (NumberFormatException e) {
			throw ProblemException.invalid("position", "步骤编号应为 1 至 6", "position must be a step number from 1 to 6");
		}
		return filings.completeStep(id, n, note, actor, ifMatch);
	}

	@POST
	@Path("filings/{id}/vettings")
	@Summary("Records a vetting department's pass or fail (联查联审)")
	@Access(value = DISTRICT_ADMIN, target = "filing:id")
	public Filing vet(@Context SecurityContext security, @PathParam("id") String id,
			@HeaderParam(Preconditions.IF_MATCH) String ifMatch, VettingInput verdict) {
		Preconditions.required(ifMatch);
		String actor = Caller.of(security).actor();
		return filings.vet(id, verdict, actor, ifMatch);
	}

	@POST
	@Path("filings/{id}/file")
	@Summary("District-level filing (区级备案): closes the filing and applies the post change")
	@Access(value = DISTRICT_ADMIN, target = "filing:id")
	public Filing file(@Context SecurityContext security, @PathParam("id") String id,
			@HeaderParam(Preconditions.IF_MATCH) String ifMatch, FilingNote note) {
		Preconditions.required(ifMatch);
		String actor = Caller.of(security).actor();
		return filings.file(id, note, actor, ifMatch);
	}

	@POST
	@Path("filings/{id}/withdraw")
	@Summary("Withdraws an open filing, with a note saying why")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN }, target = "filing:id")
	public Filing withdraw(@Context SecurityContext security, @PathParam("id") String id,
			@HeaderParam(Preconditions.IF_MATCH) String ifMatch, FilingNote note) {
		Preconditions.required(ifMatch);
		String actor = Caller.of(security).actor();
		return filings.withdraw(id, note, actor, ifMatch);
	}

	private static FilingStatus status(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return FilingStatus.valueOf(value.strip());
		} catch (IllegalArgumentException e) {
			throw ProblemException.invalid("status", "备案状态应为办理中（OPEN）、已备案（FILED）或已撤回（WITHDRAWN）",
					"status must be OPEN, FILED or WITHDRAWN");
		}
	}
}
