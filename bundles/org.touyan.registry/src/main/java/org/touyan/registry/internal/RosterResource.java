package org.touyan.registry.internal;

import static org.touyan.api.security.Role.DISTRICT_ADMIN;

import java.io.InputStream;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

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
import org.touyan.api.security.Caller;
import org.touyan.api.tabular.Format;
import org.touyan.api.tabular.Tabular;

/**
 * Roster import and export over REST, as CSV or xlsx (the upload's {@code Content-Type}; an
 * export's {@code ?format=} or {@code Accept}). A rejected import answers 422 with its report (row,
 * field, error for each fault) rather than a problem, because the client needs every fault at once.
 */
@Component(service = RosterResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(RestConstants.APPLICATION_SELECT)
@Path("")
public class RosterResource {

	private final Roster roster;
	private final Tabular tabular;

	@Activate
	public RosterResource(@Reference Roster roster, @Reference Tabular tabular) {
		this.roster = roster;
		this.tabular = tabular;
	}

	@POST
	@Path("districts/{id}/roster")
	@Consumes({ Tabular.CSV, Tabular.XLSX })
	@Produces(MediaType.APPLICATION_JSON)
	@Summary(value = "Imports people and posts from CSV (UTF-8) or xlsx, headed by the column keys or their Chinese labels;"
			+ " nothing is written unless every row is valid (else 422 with the report)", returns = ImportReport.class, status = { 200, 422 })
	@Access(value = DISTRICT_ADMIN, target = "district:id")
	public Response importRoster(@Context SecurityContext security, @Context HttpHeaders headers, @PathParam("id") String id,
			InputStream body) {
		String actor = Caller.of(security).actor();
		ImportReport report = roster.importRows(id, tabular.read(Format.ofContentType(headers.getHeaderString(HttpHeaders.CONTENT_TYPE)),
				body), actor);
		return Response.status(report.written() ? 200 : 422).type(MediaType.APPLICATION_JSON_TYPE).entity(report).build();
	}

	@GET
	@Path("districts/{id}/roster")
	@Produces({ Tabular.CSV + ";charset=UTF-8", Tabular.XLSX })
	@Summary(value = "Exports the district's people and posts as CSV or xlsx (?format=, or Accept), in the columns the import reads;"
			+ " ID numbers and phones are masked", returns = String.class)
	@Access(value = DISTRICT_ADMIN, target = "district:id")
	public Response exportRoster(@Context HttpHeaders headers, @PathParam("id") String id, @QueryParam("format") String format) {
		return tabular.answer(roster.export(id), Format.negotiate(format, headers.getHeaderString(HttpHeaders.ACCEPT)));
	}
}
