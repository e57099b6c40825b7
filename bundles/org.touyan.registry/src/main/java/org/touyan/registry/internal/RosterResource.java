package org.touyan.registry.internal;

import static org.touyan.api.security.Role.DISTRICT_ADMIN;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
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
import org.touyan.api.registry.ImportReport;
import org.touyan.api.registry.Roster;
import org.touyan.api.rest.RestConstants;
import org.touyan.api.rest.Summary;
import org.touyan.api.security.Access;

/**
 * Roster CSV import and export over REST. A rejected import answers 422 with its report (row,
 * field, error for each fault) rather than a problem, because the client needs every fault at once.
 */
@Component(service = RosterResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(RestConstants.APPLICATION_SELECT)
@Path("")
public class RosterResource {

	static final String CSV = "text/csv";

	private final Roster roster;

	@Activate
	public RosterResource(@Reference Roster roster) {
		this.roster = roster;
	}

	@POST
	@Path("districts/{id}/roster")
	@Consumes(CSV)
	@Produces(MediaType.APPLICATION_JSON)
	@Summary(value = "Imports people and posts from CSV (UTF-8); nothing is written unless every row is valid (else 422 with the report)",
			returns = ImportReport.class, status = { 200, 422 })
	@Access(DISTRICT_ADMIN)
	public Response importCsv(@Context SecurityContext security, @PathParam("id") String id, String csv) {
		String actor = Caller.of(security).actor();
		ImportReport report = roster.importCsv(id, csv, actor);
		return Response.status(report.written() ? 200 : 422).type(MediaType.APPLICATION_JSON_TYPE).entity(report).build();
	}

	@GET
	@Path("districts/{id}/roster")
	@Produces(CSV + ";charset=UTF-8")
	@Summary("Exports the district's people and posts as CSV, in the columns the import reads; ID numbers and phones are masked")
	@Access(DISTRICT_ADMIN)
	public String exportCsv(@PathParam("id") String id) {
		return roster.exportCsv(id);
	}
}
