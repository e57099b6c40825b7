package org.touyan.evaluation.internal.use;

import static org.touyan.api.security.Role.DISTRICT_ADMIN;
import static org.touyan.api.security.Role.SECRETARY;
import static org.touyan.api.security.Role.STREET_ADMIN;


import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
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
import org.touyan.api.rest.RestConstants;
import org.touyan.api.rest.Summary;
import org.touyan.api.security.Access;
import org.touyan.api.security.Authorization;

/** Use (精挑用) over REST: career-path records per person and district; the rules live in {@link UseRecords}. */
@Component(service = UseRecordResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(RestConstants.APPLICATION_SELECT)
@Path("use-records")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UseRecordResource {

	private final UseRecords records;

	private final Authorization authorization;

	@Activate
	public UseRecordResource(@Reference UseRecords records, @Reference Authorization authorization) {
		this.records = records;
		this.authorization = authorization;
	}

	@POST
	@Summary(value = "Records an honour recommendation, a 两代表一委员 candidacy, an advanced-training nomination or a recruitment into a"
			+ " 事业编制 post for a secretary", returns = UseRecords.UseRecord.class)
	@Access(DISTRICT_ADMIN)
	public Response record(@Context SecurityContext security, UseRecords.UseInput input) {
		if (input != null && input.personId() != null && !input.personId().isBlank()) {
			authorization.requireOwner(Caller.of(security), "person", input.personId().strip()); // a person of the caller's district
		}
		String actor = Caller.of(security).actor();
		UseRecords.UseRecord r = records.record(input, actor);
		return Created.of(r);
	}

	@GET
	@Summary("Records of a district (district=id) or a person (person=id), of a kind and year, newest first")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN, SECRETARY }, target = "person:?person")
	public Page<UseRecords.UseRecord> records(@QueryParam("district") String district, @QueryParam("person") String person,
			@QueryParam("kind") String kind, @QueryParam("year") String year, @QueryParam("offset") String offset,
			@QueryParam("limit") String limit) {
		return records.records(district, person, kind, year, Paging.of(offset, limit));
	}

	@GET
	@Path("summary")
	@Summary("A district's records (district=id) counted by kind and detail, of a year or all")
	@Access(DISTRICT_ADMIN)
	public UseRecords.Summary summary(@QueryParam("district") String district, @QueryParam("year") String year) {
		return records.summary(district, year);
	}
}
