package org.touyan.evaluation.internal.manage;

import static org.touyan.api.security.Role.DISTRICT_ADMIN;


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

/** Mentoring (结对帮带) over REST; the rules live in {@link Mentoring}. */
@Component(service = MentoringResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(RestConstants.APPLICATION_SELECT)
@Path("mentoring")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MentoringResource {

	private final Mentoring mentoring;

	private final Authorization authorization;

	@Activate
	public MentoringResource(@Reference Mentoring mentoring, @Reference Authorization authorization) {
		this.mentoring = mentoring;
		this.authorization = authorization;
	}

	/** The district a body names must be the caller's (404 otherwise). */
	private void inDistrict(SecurityContext security, String district) {
		if (district != null && !district.isBlank()) {
			authorization.requireOwner(Caller.of(security), "district", district.strip());
		}
	}

	@POST
	@Path("proposals")
	@Summary("Proposes 红领导师 pairs for a district's year from its latest classified cycle (same joint committee first, then the"
			+ " same street, then anyone; at most 4 mentees a mentor); stores nothing")
	@Access(DISTRICT_ADMIN)
	public Mentoring.Proposal propose(Mentoring.ProposalRequest request, @Context SecurityContext security) {
		if (request != null) {
			inDistrict(security, request.districtId());
		}
		return mentoring.propose(request);
	}

	@POST
	@Path("pairings")
	@Summary(value = "Confirms a pair: the mentor 示范 and the mentee 潜力/守摊 in the latest classified cycle, one mentor a mentee,"
			+ " at most 4 mentees a mentor a year", returns = Mentoring.Pairing.class)
	@Access(DISTRICT_ADMIN)
	public Response pair(@Context SecurityContext security, Mentoring.PairInput input) {
		if (input != null) {
			inDistrict(security, input.districtId());
		}
		String actor = Caller.of(security).actor();
		Mentoring.Pairing p = mentoring.pair(input, actor);
		return Created.at(p, "mentoring/pairings", p.id());
	}

	@GET
	@Path("pairings")
	@Summary("A district's pairs (district=id), of a year, a person (mentor or mentee) or a status (ACTIVE, ENDED), a page at a time")
	@Access(DISTRICT_ADMIN)
	public Page<Mentoring.Pairing> pairings(@QueryParam("district") String district, @QueryParam("year") String year,
			@QueryParam("person") String person, @QueryParam("status") String status, @QueryParam("offset") String offset,
			@QueryParam("limit") String limit) {
		return mentoring.pairings(district, year, person, status, Paging.of(offset, limit));
	}

	@GET
	@Path("pairings/{id}")
	@Versioned
	@Summary(value = "One pair", returns = Mentoring.Pairing.class)
	@Access(value = DISTRICT_ADMIN, target = "mentoring-pairing:id")
	public Response pairing(@PathParam("id") String id) {
		return Preconditions.ok(mentoring.require(id));
	}

	@POST
	@Path("pairings/{id}/end")
	@Summary("Ends an active pair, with the reason")
	@Access(value = DISTRICT_ADMIN, target = "mentoring-pairing:id")
	public Mentoring.Pairing end(@Context SecurityContext security, @PathParam("id") String id,
			@HeaderParam(Preconditions.IF_MATCH) String ifMatch, Mentoring.EndInput input) {
		Preconditions.required(ifMatch);
		String actor = Caller.of(security).actor();
		return mentoring.end(id, input, actor, ifMatch);
	}

	@POST
	@Path("pairings/{id}/notes")
	@Summary(value = "Adds a progress note to an active pair", returns = Mentoring.Note.class)
	@Access(value = DISTRICT_ADMIN, target = "mentoring-pairing:id")
	public Response note(@Context SecurityContext security, @PathParam("id") String id, Mentoring.NoteInput input) {
		String actor = Caller.of(security).actor();
		Mentoring.Note n = mentoring.note(id, input, actor);
		return Created.at(n, "mentoring/pairings", id, "notes");
	}

	@GET
	@Path("pairings/{id}/notes")
	@Summary("A pair's progress notes, oldest first")
	@Access(value = DISTRICT_ADMIN, target = "mentoring-pairing:id")
	public Page<Mentoring.Note> notes(@PathParam("id") String id, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
		return Page.of(mentoring.notes(id), Paging.of(offset, limit));
	}

	@GET
	@Path("coverage")
	@Summary("Mentoring coverage of a district (district=id): the share of its latest cycle's 潜力/守摊 secretaries with a mentor,"
			+ " per street, and each 红领导师's load")
	@Access(DISTRICT_ADMIN)
	public Mentoring.Coverage coverage(@QueryParam("district") String district) {
		return mentoring.coverage(district);
	}
}
