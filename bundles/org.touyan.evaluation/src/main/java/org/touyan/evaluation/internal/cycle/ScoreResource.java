package org.touyan.evaluation.internal.cycle;

import static org.touyan.api.security.Role.DEPARTMENT_SCORER;
import static org.touyan.api.security.Role.DISTRICT_ADMIN;
import java.io.InputStream;
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
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.Preconditions;
import org.touyan.api.rest.RestConstants;
import org.touyan.api.rest.Summary;
import org.touyan.api.rest.Versioned;
import org.touyan.api.security.Access;
import org.touyan.api.security.Authorization;
import org.touyan.api.security.Caller;
import org.touyan.api.tabular.Format;
import org.touyan.api.tabular.Tabular;
import org.touyan.evaluation.internal.cycle.ScoreRecords.Completeness;
import org.touyan.evaluation.internal.cycle.ScoreRecords.Correction;
import org.touyan.evaluation.internal.cycle.ScoreRecords.CorrectionInput;
import org.touyan.evaluation.internal.cycle.ScoreRecords.EntryReport;
import org.touyan.evaluation.internal.cycle.ScoreRecords.Score;
import org.touyan.evaluation.internal.cycle.ScoreRecords.ScoreBatch;

/**
 * The departments' scores of a cycle over REST: entry of a department's column (JSON, CSV or xlsx, all
 * or nothing: an entry with faulty rows answers 422 with every fault at once), corrections with
 * their reasons, completeness per department. The rules live in {@link ScoreBook}.
 */
@Component(service = ScoreResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(RestConstants.APPLICATION_SELECT)
@Path("evaluation-cycles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ScoreResource {

	private final ScoreBook scores;
	private final Authorization authorization;

	private final Tabular tabular;

	@Activate
	public ScoreResource(@Reference ScoreBook scores, @Reference Authorization authorization, @Reference Tabular tabular) {
		this.tabular = tabular;
		this.scores = scores;
		this.authorization = authorization;
	}

	@POST
	@Path("{id}/scores")
	@Summary(value = "Enters a scoring department's scores of its own dimension: all or none (422 with every faulty row)",
			returns = EntryReport.class, status = { 200, 422 })
	@Access(value = { DISTRICT_ADMIN, DEPARTMENT_SCORER }, target = "cycle:id")
	public Response enter(@Context SecurityContext security, @PathParam("id") String id,
			ScoreBatch batch) {
		String actor = Caller.of(security).actor();
		if (batch != null && batch.departmentId() != null) {
			// the department is only in the body: a scorer enters its own department's dimension
			authorization.requireOwner(Caller.of(security), "department", batch.departmentId());
		}
		return report(scores.enter(id, batch, actor));
	}

	// a path of its own: one path and method is one documented operation, and this one's access differs
	@POST
	@Path("{id}/scores.csv")
	@Consumes({ Tabular.CSV, Tabular.XLSX })
	@Summary(value = "Enters a department's column as CSV or xlsx (communityId,score or 社区ID,得分): all rows or none"
			+ " (422 with every faulty row)", returns = EntryReport.class, status = { 200, 422 })
	@Access(value = { DISTRICT_ADMIN, DEPARTMENT_SCORER }, target = { "cycle:id", "department:?department" })
	public Response enterTable(@Context SecurityContext security, @Context HttpHeaders headers, @PathParam("id") String id,
			@QueryParam("department") String department, InputStream body) {
		String actor = Caller.of(security).actor();
		List<List<String>> rows = tabular.read(Format.ofContentType(headers.getHeaderString(HttpHeaders.CONTENT_TYPE)), body);
		return report(scores.enterRows(id, department, rows, actor));
	}

	@GET
	@Path("{id}/scores.csv")
	@Produces({ Tabular.CSV + ";charset=UTF-8", Tabular.XLSX })
	@Summary(value = "A department's column as CSV or xlsx (?format=, or Accept): community, score, dimension as the import reads them,"
			+ " then street, who entered it and when", returns = String.class)
	@Access(value = { DISTRICT_ADMIN, DEPARTMENT_SCORER }, target = { "cycle:id", "department:?department" })
	public Response columnTable(@Context HttpHeaders headers, @PathParam("id") String id, @QueryParam("department") String department,
			@QueryParam("format") String format) {
		Format f = Format.negotiate(format, headers.getHeaderString(HttpHeaders.ACCEPT));
		return tabular.answer(scores.column(id, department), f);
	}

	private static Response report(EntryReport report) {
		return Response.status(report.written() ? 200 : 422).type(MediaType.APPLICATION_JSON_TYPE).entity(report).build();
	}

	@GET
	@Path("{id}/scores")
	@Summary("The cycle's scores, of some communities (community=id, repeated for several, at most 500) or one department"
			+ " (department=id), a page at a time")
	@Access(value = { DISTRICT_ADMIN, DEPARTMENT_SCORER }, target = { "cycle:id", "department:?department" })
	public Page<Score> scores(@PathParam("id") String id, @QueryParam("community") List<String> community,
			@QueryParam("department") String department, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
		Paging paging = Paging.of(offset, limit);
		return scores.scoresOf(id, community, department, paging);
	}

	@GET
	@Path("{id}/scores/{communityId}/{departmentId}")
	@Versioned
	@Summary(value = "One department's score of one community (its ETag guards a correction)", returns = Score.class)
	@Access(value = { DISTRICT_ADMIN, DEPARTMENT_SCORER }, target = { "cycle:id", "department:departmentId" })
	public Response score(@PathParam("id") String id, @PathParam("communityId") String communityId,
			@PathParam("departmentId") String departmentId) {
		return Preconditions.ok(scores.score(id, communityId, departmentId));
	}

	@PUT
	@Path("{id}/scores/{communityId}/{departmentId}")
	@Summary("Corrects one score while the cycle is open; the reason is required and kept")
	@Access(value = { DISTRICT_ADMIN, DEPARTMENT_SCORER }, target = { "cycle:id", "department:departmentId" })
	public Score correct(@Context SecurityContext security, @PathParam("id") String id,
			@PathParam("communityId") String communityId, @PathParam("departmentId") String departmentId,
			@HeaderParam(Preconditions.IF_MATCH) String ifMatch, CorrectionInput input) {
		Preconditions.required(ifMatch);
		String actor = Caller.of(security).actor();
		return scores.correct(id, communityId, departmentId, input, actor, ifMatch);
	}

	@GET
	@Path("{id}/corrections")
	@Summary("The cycle's score corrections with their reasons, oldest first")
	@Access(value = DISTRICT_ADMIN, target = "cycle:id")
	public Page<Correction> corrections(@PathParam("id") String id, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
		return Page.of(scores.corrections(id), Paging.of(offset, limit));
	}

	@GET
	@Path("{id}/completeness")
	@Summary("How many of the district's communities each scoring department has scored in the cycle")
	@Access(value = { DISTRICT_ADMIN, DEPARTMENT_SCORER }, target = "cycle:id")
	public Page<Completeness> completeness(@PathParam("id") String id, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
		return Page.of(scores.completeness(id), Paging.of(offset, limit));
	}
}
