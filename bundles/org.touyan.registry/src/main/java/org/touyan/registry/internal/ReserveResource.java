package org.touyan.registry.internal;

import static org.touyan.api.security.Role.DISTRICT_ADMIN;
import static org.touyan.api.security.Role.STREET_ADMIN;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

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
import org.touyan.api.registry.AssistantCoverage;
import org.touyan.api.registry.Reserve;
import org.touyan.api.registry.ReserveChange;
import org.touyan.api.registry.ReserveEntry;
import org.touyan.api.registry.ReserveMember;
import org.touyan.api.registry.ReserveMembership;
import org.touyan.api.registry.ReserveTier;
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

/** The reserve pipeline (雏雁储备) and assistant coverage over REST; the rules live in {@link Reserve}. */
@Component(service = ReserveResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(RestConstants.APPLICATION_SELECT)
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReserveResource {

	private final Reserve reserve;
	private final Authorization authorization;

	@Activate
	public ReserveResource(@Reference Reserve reserve, @Reference Authorization authorization) {
		this.reserve = reserve;
		this.authorization = authorization;
	}

	@GET
	@Path("reserve")
	@Summary("Current reserve pool by district, street, tier and age band (minAge, maxAge on asOf), youngest first")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN }, target = "street:?street")
	public Page<ReserveMember> pool(@QueryParam("district") String district, @QueryParam("street") String street,
			@QueryParam("tier") String tier, @QueryParam("minAge") String minAge, @QueryParam("maxAge") String maxAge,
			@QueryParam("asOf") String asOf, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
		return reserve.pool(new Reserve.Query(district, street, tier(tier), number("minAge", minAge), number("maxAge", maxAge),
				date("asOf", asOf)), Paging.of(offset, limit));
	}

	@GET
	@Path("people/{id}/reserve")
	@Summary("A person's stays in the reserve pipeline, oldest first")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN }, target = "person:id")
	public Page<ReserveMembership> memberships(@PathParam("id") String id, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
		return Page.of(reserve.memberships(id), Paging.of(offset, limit));
	}

	@POST
	@Path("people/{id}/reserve")
	@Summary(value = "Puts a person into a tier of the reserve pipeline", returns = ReserveMembership.class)
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN }, target = "person:id")
	public Response enter(@Context SecurityContext security,
			@PathParam("id") String id, ReserveEntry entry) {
		String actor = Caller.of(security).actor();
		if (entry != null && entry.streetId() != null) {
			// the reserve's street is only in the body: a street builds its own pipeline
			authorization.requireOwner(Caller.of(security), "street", entry.streetId());
		}
		ReserveMembership m = reserve.enter(id, entry, actor);
		return Created.at(m, "reserve", m.id());
	}

	@GET
	@Path("reserve/{id}")
	@Versioned
	@Summary(value = "One stay in the reserve pipeline", returns = ReserveMembership.class)
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN }, target = "reserve:id")
	public Response membership(@PathParam("id") String id) {
		return Preconditions.ok(reserve.membership(id).orElseThrow(() -> ProblemException.notFound("储备记录", "reserve membership", id)));
	}

	@POST
	@Path("reserve/{id}/promote")
	@Summary("Promotes a committee reserve to the secretary reserve")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN }, target = "reserve:id")
	public ReserveMembership promote(@Context SecurityContext security, @PathParam("id") String id,
			@HeaderParam(Preconditions.IF_MATCH) String ifMatch, ReserveChange change) {
		Preconditions.required(ifMatch);
		String actor = Caller.of(security).actor();
		return reserve.promote(id, change, actor, ifMatch);
	}

	@POST
	@Path("reserve/{id}/leave")
	@Summary("Takes a person out of the reserve pipeline, with a reason")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN }, target = "reserve:id")
	public ReserveMembership leave(@Context SecurityContext security, @PathParam("id") String id,
			@HeaderParam(Preconditions.IF_MATCH) String ifMatch, ReserveChange change) {
		Preconditions.required(ifMatch);
		String actor = Caller.of(security).actor();
		return reserve.leave(id, change, actor, ifMatch);
	}

	@GET
	@Path("districts/{id}/assistant-coverage")
	@Summary("Which communities of the district lack a current secretary assistant (书记助理)")
	@Access(value = DISTRICT_ADMIN, target = "district:id")
	public AssistantCoverage assistantCoverage(@PathParam("id") String id) {
		return reserve.assistantCoverage(id);
	}

	private static ReserveTier tier(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return ReserveTier.valueOf(value.strip());
		} catch (IllegalArgumentException e) {
			throw ProblemException.invalid("tier", "储备梯队应为两委后备（COMMITTEE_RESERVE）或书记后备（SECRETARY_RESERVE）",
					"tier must be COMMITTEE_RESERVE or SECRETARY_RESERVE");
		}
	}

	private static Integer number(String name, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		} catch (NumberFormatException e) {
			throw ProblemException.invalid(name, name + " 应为整数，所填为“" + value + "”", name + " must be a whole number, was '" + value + "'");
		}
	}

	private static LocalDate date(String name, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		} catch (DateTimeParseException e) {
			throw ProblemException.invalid(name, name + " 应为日期，如 2026-11-27，所填为“" + value + "”",
					name + " must be a date like 2026-11-27, was '" + value + "'");
		}
	}
}
