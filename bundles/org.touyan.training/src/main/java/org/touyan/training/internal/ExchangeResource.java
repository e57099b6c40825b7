package org.touyan.training.internal;

import static org.touyan.api.security.Role.DISTRICT_ADMIN;
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
import org.touyan.api.rest.ProblemException;
import org.touyan.api.rest.RestConstants;
import org.touyan.api.rest.Preconditions;
import org.touyan.api.rest.Summary;
import org.touyan.api.rest.Versioned;
import org.touyan.api.security.Access;
import org.touyan.api.security.Authorization;
import org.touyan.training.internal.Exchange.Event;
import org.touyan.training.internal.Exchange.EventInput;
import org.touyan.training.internal.Exchange.Placement;
import org.touyan.training.internal.Exchange.PlacementInput;
import org.touyan.training.internal.Exchange.RecordInput;
import org.touyan.training.internal.Exchange.ReportInput;

/** Exchange events (幸福论坛, 书记沙龙, themed activities) and benchmark shadowing (对标实训) over REST. */
@Component(service = ExchangeResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(RestConstants.APPLICATION_SELECT)
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ExchangeResource {

	private final Exchange exchange;

	private final Authorization authorization;

	@Activate
	public ExchangeResource(@Reference Exchange exchange, @Reference Authorization authorization) {
		this.exchange = exchange;
		this.authorization = authorization;
	}

	/** The district a body names must be the caller's (404 otherwise). */
	private void inDistrict(SecurityContext security, String district) {
		if (district != null && !district.isBlank()) {
			authorization.requireOwner(Caller.of(security), "district", district.strip());
		}
	}

	@POST
	@Path("exchange-events")
	@Summary(value = "Schedules or logs a forum, salon or themed activity with participants, speakers and a short record",
			returns = Event.class)
	@Access(DISTRICT_ADMIN)
	public Response createEvent(@Context SecurityContext security, EventInput input) {
		inDistrict(security, input == null ? null : input.districtId());
		String actor = Caller.of(security).actor();
		var created = exchange.createEvent(input, actor);
		return Created.at(created, "exchange-events", created.id());
	}

	@GET
	@Path("exchange-events")
	@Summary("A district's exchange events, newest first, optionally of one year and kind (FORUM, SALON, ACTIVITY)")
	@Access(DISTRICT_ADMIN)
	public Page<Event> events(@QueryParam("district") String district, @QueryParam("year") String year,
			@QueryParam("kind") String kind, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
		Paging paging = Paging.of(offset, limit);
		if (kind != null && !Exchange.KINDS.containsKey(kind)) {
			throw ProblemException.invalid("kind", "kind 应为 FORUM、SALON 或 ACTIVITY", "kind is one of FORUM, SALON, ACTIVITY");
		}
		return exchange.events(Input.required("district", district), Input.year("year", year), kind, paging);
	}

	@GET
	@Path("exchange-events/{id}")
	@Versioned
	@Summary(value = "An exchange event", returns = Event.class)
	@Access(value = DISTRICT_ADMIN, target = "exchange-event:id")
	public Response event(@PathParam("id") String id) {
		return Preconditions.ok(exchange.event(id));
	}

	@POST
	@Path("exchange-events/{id}/record")
	@Summary("Adds or replaces the short record of an event that has taken place")
	@Access(value = DISTRICT_ADMIN, target = "exchange-event:id")
	public Event record(@PathParam("id") String id, @HeaderParam(Preconditions.IF_MATCH) String ifMatch, RecordInput input) {
		return exchange.record(id, input, Preconditions.required(ifMatch));
	}

	@POST
	@Path("shadowing")
	@Summary(value = "Selects a secretary for a benchmark shadowing placement (city, host, dates); once a year per person",
			returns = Placement.class)
	@Access(DISTRICT_ADMIN)
	public Response place(@Context SecurityContext security, PlacementInput input) {
		inDistrict(security, input == null ? null : input.districtId());
		if (input != null && input.personId() != null && !input.personId().isBlank()) {
			authorization.requireOwner(Caller.of(security), "person", input.personId().strip());
		}
		String actor = Caller.of(security).actor();
		var created = exchange.place(input, actor);
		return Created.at(created, "shadowing", created.id());
	}

	@GET
	@Path("shadowing")
	@Summary("A district's shadowing placements of a year, of the people of one street (street=id) or all")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN }, target = "street:?street")
	public Page<Placement> placements(@QueryParam("district") String district, @QueryParam("street") String street,
			@QueryParam("year") String year, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
		Integer y = Input.year("year", year);
		if (y == null) {
			throw ProblemException.invalid("year", "请指定年份（year）", "year is required");
		}
		return Page.of(exchange.placements(Input.required("district", district), street, y), Paging.of(offset, limit));
	}

	@GET
	@Path("shadowing/{id}")
	@Versioned
	@Summary(value = "A shadowing placement", returns = Placement.class)
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN, SECRETARY }, target = "shadowing:id")
	public Response placement(@PathParam("id") String id) {
		return Preconditions.ok(exchange.placement(id));
	}

	@POST
	@Path("shadowing/{id}/report")
	@Summary("The report on return from a placement that has ended")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN, SECRETARY }, target = "shadowing:id")
	public Placement report(@Context SecurityContext security, @PathParam("id") String id,
			@HeaderParam(Preconditions.IF_MATCH) String ifMatch, ReportInput input) {
		Preconditions.required(ifMatch);
		String actor = Caller.of(security).actor();
		return exchange.report(id, input, actor, ifMatch);
	}
}
