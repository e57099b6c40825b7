package org.touyan.registry.internal;

import static org.touyan.api.security.Role.DISTRICT_ADMIN;
import static org.touyan.api.security.Role.STREET_ADMIN;

import java.util.List;

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
import org.touyan.api.rest.Created;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.Preconditions;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.rest.RestConstants;
import org.touyan.api.rest.Summary;
import org.touyan.api.rest.Versioned;
import org.touyan.api.security.Access;
import org.touyan.api.security.Caller;
import org.touyan.registry.internal.FirstSecretaryMissions.Mission;
import org.touyan.registry.internal.FirstSecretaryMissions.MissionInput;
import org.touyan.registry.internal.FirstSecretaryMissions.Query;
import org.touyan.registry.internal.FirstSecretaryMissions.ReportInput;
import org.touyan.registry.internal.FirstSecretaryMissions.Status;

/** First secretaries' missions (第一书记驻社帮扶) over REST; the rules live in {@link FirstSecretaryMissions}. */
@Component(service = FirstSecretaryMissionResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(RestConstants.APPLICATION_SELECT)
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FirstSecretaryMissionResource {

	private final FirstSecretaryMissions missions;

	@Activate
	public FirstSecretaryMissionResource(@Reference FirstSecretaryMissions missions) {
		this.missions = missions;
	}

	@GET
	@Path("first-secretary-missions")
	@Summary("First secretaries' missions of a district (district=id) or street (street=id), newest first, of one status"
			+ " (status=SERVING, REPORT_DUE or REPORTED) when asked")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN }, target = "street:?street")
	public Page<Mission> list(@QueryParam("district") String district, @QueryParam("street") String street,
			@QueryParam("status") String status, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
		return missions.list(new Query(district, street, status(status)), Paging.of(offset, limit));
	}

	@GET
	@Path("first-secretary-missions/summary")
	@Summary(value = "A district's (or street's) missions in figures: communities helped so far (累计), serving, reports due and filed",
			returns = FirstSecretaryMissions.Summary.class)
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN }, target = "street:?street")
	public FirstSecretaryMissions.Summary summary(@QueryParam("district") String district, @QueryParam("street") String street) {
		return missions.summary(district, street);
	}

	@GET
	@Path("first-secretary-missions/{id}")
	@Versioned
	@Summary(value = "The mission of a first secretary's post (id is the post's): community, reason, term and the report at its end",
			returns = Mission.class)
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN }, target = "first-secretary-mission:id")
	public Response mission(@PathParam("id") String id) {
		return Preconditions.ok(missions.mission(id).orElseThrow(() -> ProblemException.notFound("第一书记驻社帮扶记录", "first secretary mission", id)));
	}

	@POST
	@Path("posts/{id}/first-secretary-mission")
	@Summary(value = "Records why a first secretary is sent (default 党组织服务水平不高) and when the term ends", returns = Mission.class)
	@Access(value = DISTRICT_ADMIN, target = "post:id")
	public Response record(@Context SecurityContext security, @PathParam("id") String id, MissionInput input) {
		String actor = Caller.of(security).actor();
		return Created.at(missions.record(id, input, actor), "first-secretary-missions", id);
	}

	@POST
	@Path("first-secretary-missions/{id}/report")
	@Summary(value = "Files the first secretary's report at the end of the term (once, when the term or the post has ended)",
			returns = Mission.class)
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN }, target = "first-secretary-mission:id")
	public Mission report(@Context SecurityContext security, @PathParam("id") String id,
			@HeaderParam(Preconditions.IF_MATCH) String ifMatch, ReportInput input) {
		Preconditions.required(ifMatch);
		String actor = Caller.of(security).actor();
		return missions.report(id, input, actor, ifMatch);
	}

	private static Status status(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Status.valueOf(value.strip());
		} catch (IllegalArgumentException e) {
			throw ProblemException.invalid("status", "status 应为 " + List.of(Status.values()), "status is one of " + List.of(Status.values()));
		}
	}
}
