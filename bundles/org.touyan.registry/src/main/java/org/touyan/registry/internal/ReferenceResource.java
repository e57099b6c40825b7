package org.touyan.registry.internal;

import static org.touyan.api.security.Role.DEPARTMENT_SCORER;
import static org.touyan.api.security.Role.DISTRICT_ADMIN;
import static org.touyan.api.security.Role.PLUGIN_ADMIN;
import static org.touyan.api.security.Role.SECRETARY;
import static org.touyan.api.security.Role.STREET_ADMIN;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
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
import org.touyan.api.registry.ReferenceData;
import org.touyan.api.registry.ReferenceInput;
import org.touyan.api.registry.ReferenceKind;
import org.touyan.api.registry.ReferenceVersion;
import org.touyan.api.registry.WorkingGroup;
import org.touyan.api.registry.WorkingGroupInput;
import org.touyan.api.rest.Created;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.rest.RestConstants;
import org.touyan.api.rest.Summary;
import org.touyan.api.security.Access;

/**
 * Reference data over REST: {@code duty-list} (7类37项职责清单) and {@code selection-standard}
 * (三好三强) versions, and the streets' five-person working groups.
 */
@Component(service = ReferenceResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(RestConstants.APPLICATION_SELECT)
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReferenceResource {

	private final ReferenceData data;

	@Activate
	public ReferenceResource(@Reference ReferenceData data) {
		this.data = data;
	}

	@GET
	@Path("districts/{id}/reference/{kind}")
	@Summary("Every version of a district's duty-list or selection-standard, oldest first")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN, DEPARTMENT_SCORER, SECRETARY, PLUGIN_ADMIN }, target = "district:id")
	public Page<ReferenceVersion> versions(@PathParam("id") String id, @PathParam("kind") String kind, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
		return Page.of(data.versions(id, kind(kind)), Paging.of(offset, limit));
	}

	@GET
	@Path("districts/{id}/reference/{kind}/in-force")
	@Summary("The version in force on a date (date=, default today)")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN, DEPARTMENT_SCORER, SECRETARY, PLUGIN_ADMIN }, target = "district:id")
	public ReferenceVersion inForce(@PathParam("id") String id, @PathParam("kind") String kind, @QueryParam("date") String date) {
		LocalDate day = date == null || date.isBlank() ? LocalDate.now() : parse(date);
		return data.inForce(id, kind(kind), day).orElseThrow(() -> new ProblemException(404, "Not found",
				"本区没有在 " + day + " 生效的" + ("duty-list".equals(kind) ? "职责清单" : "选任标准"),
				"the district has no " + kind + " in force on " + day, null));
	}

	@POST
	@Path("districts/{id}/reference/{kind}")
	@Summary(value = "Adds a version of the duty-list or selection-standard, in force from its date", returns = ReferenceVersion.class)
	@Access(value = DISTRICT_ADMIN, target = "district:id")
	public Response addVersion(@Context SecurityContext security, @PathParam("id") String id,
			@PathParam("kind") String kind, ReferenceInput input) {
		String actor = Caller.of(security).actor();
		ReferenceVersion v = data.addVersion(id, kind(kind), input, actor);
		return Created.at(v, "reference-versions", v.id());
	}

	@GET
	@Path("reference-versions/{id}")
	@Summary("One version of a reference list")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN, DEPARTMENT_SCORER, SECRETARY, PLUGIN_ADMIN }, target = "reference-version:id")
	public ReferenceVersion version(@PathParam("id") String id) {
		return data.version(id).orElseThrow(() -> ProblemException.notFound("参照版本", "reference version", id));
	}

	@GET
	@Path("streets/{id}/working-groups")
	@Summary("A street's five-person working groups (五人工作小组), by term")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN }, target = "street:id")
	public Page<WorkingGroup> workingGroups(@PathParam("id") String id, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
		return Page.of(data.workingGroups(id), Paging.of(offset, limit));
	}

	@POST
	@Path("streets/{id}/working-groups")
	@Summary(value = "Sets up a street's five-person working group for an election term", returns = WorkingGroup.class)
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN }, target = "street:id")
	public Response createWorkingGroup(@Context SecurityContext security, @PathParam("id") String id,
			WorkingGroupInput input) {
		String actor = Caller.of(security).actor();
		WorkingGroup g = data.createWorkingGroup(id, input, actor);
		return Created.of(g);
	}

	/** The path segment of a reference kind; any other is 404, as for an unknown path. */
	private static ReferenceKind kind(String segment) {
		return switch (segment) {
			case "duty-list" -> ReferenceKind.DUTY_LIST;
			case "selection-standard" -> ReferenceKind.SELECTION_STANDARD;
			default -> throw new ProblemException(404, "Not found", "没有参照清单 " + segment
					+ "：可选职责清单（duty-list）或选任标准（selection-standard）", "no reference list '" + segment
					+ "': there are duty-list and selection-standard", null);
		};
	}

	private static LocalDate parse(String date) {
		try {
			return LocalDate.parse(date.strip());
		} catch (DateTimeParseException e) {
			throw ProblemException.invalid("date", "日期应如 2026-11-27，所填为“" + date + "”",
					"date must look like 2026-11-27, was '" + date + "'");
		}
	}
}
