package org.touyan.evaluation.internal;

import static org.touyan.api.security.Role.DEPARTMENT_SCORER;
import static org.touyan.api.security.Role.DISTRICT_ADMIN;
import static org.touyan.api.security.Role.PLUGIN_ADMIN;
import static org.touyan.api.security.Role.SECRETARY;
import static org.touyan.api.security.Role.STREET_ADMIN;

import java.net.URI;
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
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.touyan.api.registry.OrgUnits;
import org.touyan.api.rest.Nullable;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.Preconditions;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.rest.RestConstants;
import org.touyan.api.rest.Summary;
import org.touyan.api.rest.Versioned;
import org.touyan.api.security.Access;
import org.touyan.api.security.Authorization;
import org.touyan.api.security.Caller;
import org.touyan.api.store.DemoStatus;
import org.touyan.evaluation.internal.ScoreRecords.Completeness;
import org.touyan.evaluation.internal.ScoreRecords.Correction;
import org.touyan.evaluation.internal.ScoreRecords.CorrectionInput;
import org.touyan.evaluation.internal.ScoreRecords.EntryReport;
import org.touyan.evaluation.internal.ScoreRecords.Score;
import org.touyan.evaluation.internal.ScoreRecords.ScoreBatch;

/**
 * Evaluation cycles over REST: the cycle's life, the departments' scores, the star ratings, the
 * residents' ballots issued per community, the reviews, types and their measures, the half-year
 * reports and the cycle's report.
 * The rules live in {@link Cycles}, {@link ScoreBook} and {@link RatingRuns}; an entry of scores
 * that has faulty rows answers 422 with every fault at once rather than a problem.
 */
@Component(service = CycleResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(RestConstants.APPLICATION_SELECT)
@Path("evaluation-cycles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CycleResource {

	private static final String CSV = "text/csv";

	/** Why a cycle is re-rated. */
	public record RerateRequest(@Nullable String reason) {
	}

	private final Cycles cycles;
	private final ScoreBook scores;
	private final RatingRuns ratings;
	private final Ballots ballots;
	private final Reviews reviews;
	private final Classifications classifications;

	private final WhatIf whatIf;
	private final Authorization authorization;
	private final Measures measures;
	private final DutyReports dutyReports;
	private final CycleSummaries summaries;
	private final OrgUnits units;
	private final DemoStatus demo;

	@Activate
	public CycleResource(@Reference Cycles cycles, @Reference ScoreBook scores, @Reference RatingRuns ratings,
			@Reference Ballots ballots, @Reference Reviews reviews, @Reference Classifications classifications,
			@Reference WhatIf whatIf, @Reference Authorization authorization, @Reference Measures measures,
			@Reference DutyReports dutyReports, @Reference CycleSummaries summaries, @Reference OrgUnits units,
			@Reference DemoStatus demo) {
		this.units = units;
		this.demo = demo;
		this.whatIf = whatIf;
		this.authorization = authorization;
		this.measures = measures;
		this.dutyReports = dutyReports;
		this.summaries = summaries;
		this.classifications = classifications;
		this.cycles = cycles;
		this.scores = scores;
		this.ratings = ratings;
		this.ballots = ballots;
		this.reviews = reviews;
	}

	@POST
	@Path("{id}/what-if")
	@Consumes(MediaType.APPLICATION_JSON)
	@Summary("Rates every scored community of the cycle with the active and the staged version of a star formula and "
			+ "lists where they differ; stores nothing")
	@Access({ DISTRICT_ADMIN, PLUGIN_ADMIN })
	public WhatIf.Report whatIf(@PathParam("id") String id, WhatIf.Request request) {
		return whatIf.compare(id, request);
	}

	@POST
	@Summary(value = "Creates a half-year evaluation cycle of a district as a draft, with the departments' score range; in the demo"
			+ " district, 503 with Retry-After while its cycles are still loading", returns = Cycle.class)
	@Access(DISTRICT_ADMIN)
	public Response create(@Context SecurityContext security, CycleInput input) {
		if (input != null && input.districtId() != null
				&& units.district(input.districtId()).filter(d -> DemoStatus.DISTRICT_CODE.equals(d.code())).isPresent()) {
			demo.refuseWhileLoading(DemoCycles.ID, "a cycle of the demo district");
		}
		String actor = Caller.of(security.getUserPrincipal()).actor();
		Cycle c = cycles.create(input, actor);
		return Response.created(URI.create("evaluation-cycles/" + c.id())).entity(c).build();
	}

	@GET
	@Summary("Evaluation cycles of a district (district=id), newest first, a page at a time")
	@Access({ DISTRICT_ADMIN, STREET_ADMIN, DEPARTMENT_SCORER, SECRETARY, PLUGIN_ADMIN })
	public Page<Cycle> list(@QueryParam("district") String district, @QueryParam("offset") String offset,
			@QueryParam("limit") String limit) {
		return cycles.cycles(district, Paging.of(offset, limit));
	}

	@GET
	@Path("{id}")
	@Versioned
	@Summary(value = "One evaluation cycle", returns = Cycle.class)
	@Access({ DISTRICT_ADMIN, STREET_ADMIN, DEPARTMENT_SCORER, SECRETARY, PLUGIN_ADMIN })
	public Response cycle(@PathParam("id") String id) {
		return Preconditions.ok(cycles.require(id));
	}

	@GET
	@Path("{id}/transitions")
	@Summary("The cycle's transitions, who made them and when")
	@Access(DISTRICT_ADMIN)
	public Page<Cycles.Transition> transitions(@PathParam("id") String id, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
		return Page.of(cycles.transitions(id), Paging.of(offset, limit));
	}

	@POST
	@Path("{id}/open")
	@Summary("Opens a draft cycle: pins every policy binding for it and starts taking scores")
	@Access(DISTRICT_ADMIN)
	public Cycle open(@Context SecurityContext security, @PathParam("id") String id,
			@HeaderParam(Preconditions.IF_MATCH) String ifMatch) {
		Preconditions.required(ifMatch);
		String actor = Caller.of(security.getUserPrincipal()).actor();
		return cycles.open(id, actor, ifMatch);
	}

	@POST
	@Path("{id}/close-scoring")
	@Summary("Closes scoring and rates every scored community with its street's formula as pinned for the cycle")
	@Access(DISTRICT_ADMIN)
	public Cycle closeScoring(@Context SecurityContext security, @PathParam("id") String id,
			@HeaderParam(Preconditions.IF_MATCH) String ifMatch) {
		Preconditions.required(ifMatch);
		String actor = Caller.of(security.getUserPrincipal()).actor();
		return cycles.closeScoring(id, actor, ifMatch);
	}

	@POST
	@Path("{id}/publish")
	@Summary("Publishes a rated cycle's results")
	@Access(DISTRICT_ADMIN)
	public Cycle publish(@Context SecurityContext security, @PathParam("id") String id,
			@HeaderParam(Preconditions.IF_MATCH) String ifMatch) {
		Preconditions.required(ifMatch);
		String actor = Caller.of(security.getUserPrincipal()).actor();
		return cycles.publish(id, actor, ifMatch);
	}

	@POST
	@Path("{id}/archive")
	@Summary("Archives a published cycle and releases its pinned policy versions")
	@Access(DISTRICT_ADMIN)
	public Cycle archive(@Context SecurityContext security, @PathParam("id") String id,
			@HeaderParam(Preconditions.IF_MATCH) String ifMatch) {
		Preconditions.required(ifMatch);
		String actor = Caller.of(security.getUserPrincipal()).actor();
		return cycles.archive(id, actor, ifMatch);
	}

	@POST
	@Path("{id}/scores")
	@Summary(value = "Enters a scoring department's scores of its own dimension: all or none (422 with every faulty row)",
			returns = EntryReport.class, status = { 200, 422 })
	@Access({ DISTRICT_ADMIN, DEPARTMENT_SCORER })
	public Response enter(@Context SecurityContext security, @PathParam("id") String id,
			ScoreBatch batch) {
		String actor = Caller.of(security.getUserPrincipal()).actor();
		if (batch != null && batch.departmentId() != null) {
			// the department is only in the body: a scorer enters its own department's dimension
			authorization.requireOwner(Caller.of(security.getUserPrincipal()), "department", batch.departmentId());
		}
		return report(scores.enter(id, batch, actor));
	}

	// a path of its own: one path and method is one documented operation, and this one's access differs
	@POST
	@Path("{id}/scores.csv")
	@Consumes(CSV)
	@Summary(value = "Enters a department's column as CSV (communityId,score): all rows or none (422 with every faulty row)",
			returns = EntryReport.class, status = { 200, 422 })
	@Access(value = { DISTRICT_ADMIN, DEPARTMENT_SCORER }, target = "department:?department")
	public Response enterCsv(@Context SecurityContext security, @PathParam("id") String id,
			@QueryParam("department") String department, String csv) {
		String actor = Caller.of(security.getUserPrincipal()).actor();
		return report(scores.enterCsv(id, department, csv, actor));
	}

	private static Response report(EntryReport report) {
		return Response.status(report.written() ? 200 : 422).type(MediaType.APPLICATION_JSON_TYPE).entity(report).build();
	}

	@GET
	@Path("{id}/scores")
	@Summary("The cycle's scores, of one community (community=id) or department (department=id), a page at a time")
	@Access(value = { DISTRICT_ADMIN, DEPARTMENT_SCORER }, target = "department:?department")
	public Page<Score> scores(@PathParam("id") String id, @QueryParam("community") String community,
			@QueryParam("department") String department, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
		return scores.scores(id, community, department, Paging.of(offset, limit));
	}

	@GET
	@Path("{id}/scores/{communityId}/{departmentId}")
	@Versioned
	@Summary(value = "One department's score of one community (its ETag guards a correction)", returns = Score.class)
	@Access(value = { DISTRICT_ADMIN, DEPARTMENT_SCORER }, target = "department:departmentId")
	public Response score(@PathParam("id") String id, @PathParam("communityId") String communityId,
			@PathParam("departmentId") String departmentId) {
		return Preconditions.ok(scores.score(id, communityId, departmentId));
	}

	@PUT
	@Path("{id}/scores/{communityId}/{departmentId}")
	@Summary("Corrects one score while the cycle is open; the reason is required and kept")
	@Access(value = { DISTRICT_ADMIN, DEPARTMENT_SCORER }, target = "department:departmentId")
	public Score correct(@Context SecurityContext security, @PathParam("id") String id,
			@PathParam("communityId") String communityId, @PathParam("departmentId") String departmentId,
			@HeaderParam(Preconditions.IF_MATCH) String ifMatch, CorrectionInput input) {
		Preconditions.required(ifMatch);
		String actor = Caller.of(security.getUserPrincipal()).actor();
		return scores.correct(id, communityId, departmentId, input, actor, ifMatch);
	}

	@GET
	@Path("{id}/corrections")
	@Summary("The cycle's score corrections with their reasons, oldest first")
	@Access(DISTRICT_ADMIN)
	public Page<Correction> corrections(@PathParam("id") String id, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
		return Page.of(scores.corrections(id), Paging.of(offset, limit));
	}

	@GET
	@Path("{id}/completeness")
	@Summary("How many of the district's communities each scoring department has scored in the cycle")
	@Access({ DISTRICT_ADMIN, DEPARTMENT_SCORER })
	public Page<Completeness> completeness(@PathParam("id") String id, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
		return Page.of(scores.completeness(id), Paging.of(offset, limit));
	}

	@GET
	@Path("{id}/ratings")
	@Summary("The cycle's star ratings with explanation and provenance, of one street (street=id) or all, a page at a time")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN }, target = "street:?street")
	public Page<Rating> ratings(@PathParam("id") String id, @QueryParam("street") String street,
			@QueryParam("offset") String offset, @QueryParam("limit") String limit) {
		cycles.require(id);
		return ratings.ratings(id, street, Paging.of(offset, limit));
	}

	@GET
	@Path("{id}/ratings.csv")
	@Produces(CSV + ";charset=UTF-8")
	@Summary("The cycle's star ratings as CSV, with explanation, provenance and input hash")
	@Access(DISTRICT_ADMIN)
	public String ratingsCsv(@PathParam("id") String id) {
		cycles.require(id);
		return ratings.csv(id);
	}

	@GET
	@Path("{id}/report")
	@Summary("The cycle's star distribution per street and for the district, with failures and mean scores")
	@Access(DISTRICT_ADMIN)
	public StarReport report(@PathParam("id") String id) {
		return ratings.report(cycles.require(id));
	}

	@GET
	@Path("{id}/ratings/{communityId}")
	@Summary("One community's star rating in the cycle")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN, SECRETARY }, target = "community:communityId")
	public Rating rating(@PathParam("id") String id, @PathParam("communityId") String communityId) {
		cycles.require(id);
		return ratings.rating(id, communityId).orElseThrow(() -> ProblemException.notFound("该社区的评星", "rating of community", communityId));
	}

	@GET
	@Path("{id}/rating-runs")
	@Summary("The cycle's rating runs: when scoring closed and each re-rating, with reason, counts and duration")
	@Access(DISTRICT_ADMIN)
	public Page<RatingRun> runs(@PathParam("id") String id, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
		cycles.require(id);
		return Page.of(ratings.runs(id), Paging.of(offset, limit));
	}

	@POST
	@Path("{id}/rating-runs")
	@Summary("Re-rates a cycle whose scoring is closed, with a reason recorded on the run and in the secretaries' archives")
	@Access(DISTRICT_ADMIN)
	public RatingRun rerate(@Context SecurityContext security, @PathParam("id") String id, RerateRequest request) {
		String actor = Caller.of(security.getUserPrincipal()).actor();
		return cycles.rerate(id, request == null ? null : request.reason(), actor);
	}

	@POST
	@Path("{id}/ballots")
	@Summary(value = "Issues one-time ballots of the residents' review for a community of an open cycle; the tokens are shown once",
			returns = Ballots.Issued.class)
	@Access({ DISTRICT_ADMIN, STREET_ADMIN })
	public Response issue(@Context SecurityContext security, @PathParam("id") String id, Ballots.IssueRequest request) {
		if (request != null && request.communityId() != null) {
			authorization.requireOwner(Caller.of(security.getUserPrincipal()), "community", request.communityId());
		}
		Ballots.Issued issued = ballots.issue(id, request);
		return Response.created(URI.create("evaluation-cycles/" + id + "/ballots/" + issued.communityId())).entity(issued).build();
	}

	@GET
	@Path("{id}/ballots/{communityId}")
	@Summary("A community's residents' review: ballots issued and cast, whether the minimum is reached, the means of 德能勤绩廉")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN }, target = "community:communityId")
	public Ballots.Tally tally(@PathParam("id") String id, @PathParam("communityId") String communityId) {
		return ballots.tally(id, communityId);
	}

	@POST
	@Path("{id}/reviews")
	@Summary(value = "Records the self-review, the street's re-review or the Organization Department's final review of a community's secretary",
			returns = Reviews.Review.class)
	@Access({ DISTRICT_ADMIN, STREET_ADMIN, SECRETARY })
	public Response review(@Context SecurityContext security, @PathParam("id") String id,
			Reviews.ReviewRequest request) {
		String actor = Caller.of(security.getUserPrincipal()).actor();
		if (request != null) {
			requireReviewer(Caller.of(security.getUserPrincipal()), request);
		}
		Reviews.Review r = reviews.review(id, request, actor);
		return Response.created(URI.create("evaluation-cycles/" + id + "/reviews")).entity(r).build();
	}

	@GET
	@Path("{id}/reviews")
	@Summary("The reviews given in the cycle, of one community (community=id) or all")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN, SECRETARY }, target = "community:?community")
	public Page<Reviews.Review> reviews(@PathParam("id") String id, @QueryParam("community") String community, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
		cycles.require(id);
		return Page.of(reviews.reviews(id, community), Paging.of(offset, limit));
	}

	@GET
	@Path("{id}/assessments")
	@Summary("The assessment results (四评): each reviewed secretary's reviews, score, grade, explanation and provenance;"
			+ " of one community (community=id) or all")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN, SECRETARY }, target = "community:?community")
	public Page<Reviews.Assessment> assessments(@PathParam("id") String id, @QueryParam("community") String community, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
		cycles.require(id);
		return Page.of(reviews.assessments(id, community), Paging.of(offset, limit));
	}

	@POST
	@Path("{id}/assessments")
	@Summary("Assesses the reviewed secretaries again with the weighting pinned for the cycle, while scoring is closed")
	@Access(DISTRICT_ADMIN)
	public List<Reviews.Assessment> reassess(@Context SecurityContext security, @PathParam("id") String id) {
		String actor = Caller.of(security.getUserPrincipal()).actor();
		return cycles.reassess(id, actor);
	}

	@GET
	@Path("{id}/classifications")
	@Summary("Each secretary's type (示范/骨干/潜力/守摊) in the cycle with its measures, the street cadre helping, and provenance;"
			+ " of one community (community=id) or all")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN, SECRETARY }, target = "community:?community")
	public Page<Classifications.Placement> classifications(@PathParam("id") String id, @QueryParam("community") String community, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
		cycles.require(id);
		return Page.of(classifications.placements(id, community), Paging.of(offset, limit));
	}

	@POST
	@Path("{id}/classifications")
	@Summary("Classifies the secretaries again with the policy pinned for the cycle, while scoring is closed")
	@Access(DISTRICT_ADMIN)
	public List<Classifications.Placement> reclassify(@Context SecurityContext security, @PathParam("id") String id) {
		String actor = Caller.of(security.getUserPrincipal()).actor();
		return cycles.reclassify(id, actor);
	}

	@POST
	@Path("{id}/measures")
	@Summary(value = "Records a measure that follows a secretary's type: 书记工作室, 书记工作法 or 书记特色课 followed by the Organization"
			+ " Department (示范/骨干), or one-on-one help by a named street cadre (潜力/守摊)", returns = Measures.Measure.class)
	@Access(DISTRICT_ADMIN)
	public Response measure(@Context SecurityContext security, @PathParam("id") String id, Measures.MeasureInput input) {
		String actor = Caller.of(security.getUserPrincipal()).actor();
		Measures.Measure m = measures.record(id, input, actor);
		return Response.created(URI.create("evaluation-cycles/" + id + "/measures")).entity(m).build();
	}

	@GET
	@Path("{id}/measures")
	@Summary("The measures recorded in the cycle, of one secretary (person=id) or all")
	@Access(DISTRICT_ADMIN)
	public Page<Measures.Measure> measures(@PathParam("id") String id, @QueryParam("person") String person, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
		return Page.of(measures.measures(id, person), Paging.of(offset, limit));
	}

	@POST
	@Path("{id}/duty-reports")
	@Summary(value = "Records a secretary's half-year report (提级述职) with its site visits, interviews and document review",
			returns = DutyReports.DutyReport.class)
	@Access(DISTRICT_ADMIN)
	public Response dutyReport(@Context SecurityContext security, @PathParam("id") String id, DutyReports.ReportInput input) {
		String actor = Caller.of(security.getUserPrincipal()).actor();
		DutyReports.DutyReport r = dutyReports.report(id, input, actor);
		return Response.created(URI.create("evaluation-cycles/" + id + "/duty-reports")).entity(r).build();
	}

	@GET
	@Path("{id}/duty-reports")
	@Summary("The cycle's half-year reports with the on-the-spot scores and, once all three raters scored, the result")
	@Access(DISTRICT_ADMIN)
	public Page<DutyReports.DutyReport> dutyReports(@PathParam("id") String id, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
		return Page.of(dutyReports.reports(id), Paging.of(offset, limit));
	}

	@POST
	@Path("{id}/duty-reports/{communityId}/scores")
	@Summary("Records the on-the-spot score (一述一评) of the Organization Department, 民政局 or the street for a report")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN }, target = "community:communityId")
	public DutyReports.DutyReport dutyReportScore(@Context SecurityContext security, @PathParam("id") String id,
			@PathParam("communityId") String communityId, DutyReports.ScoreInput input) {
		String actor = Caller.of(security.getUserPrincipal()).actor();
		return dutyReports.score(id, communityId, input, actor);
	}

	@GET
	@Path("{id}/summary")
	@Summary("The cycle's report: star distribution, four-review grades and types per street, mentoring coverage, the half-year's"
			+ " negative-list incidents and the half-year reports")
	@Access(DISTRICT_ADMIN)
	public CycleSummaries.CycleSummary summary(@PathParam("id") String id) {
		return summaries.summary(id);
	}

	@GET
	@Path("{id}/summary/{section}")
	@Produces(CSV + ";charset=UTF-8")
	@Summary("One section of the cycle's report as CSV: stars, grades, types, mentoring or incidents")
	@Access(DISTRICT_ADMIN)
	public String summaryCsv(@PathParam("id") String id, @PathParam("section") String section) {
		cycles.require(id);
		return summaries.csv(id, section);
	}

	/**
	 * Who may give which of the four reviews: a secretary only the self-review of their own
	 * community, a street only the re-review (街道党工委复评) of its communities; the Organization
	 * Department any.
	 */
	private void requireReviewer(Caller caller, Reviews.ReviewRequest request) {
		String own = switch (caller.role()) {
			case SECRETARY -> "SELF";
			case STREET_ADMIN -> "STREET";
			default -> null;
		};
		if (own != null && !own.equals(request.kind())) {
			throw new ProblemException(403, "Forbidden", caller.role().displayName() + "（" + caller.role() + "）只能进行"
					+ ("SELF".equals(own) ? "自评（SELF）" : "街道复评（STREET）"),
					"a " + caller.role().displayName() + " (" + caller.role() + ") gives only the " + own + " review", "kind");
		}
		if (request.communityId() != null) {
			authorization.requireOwner(caller, "community", request.communityId());
		}
	}
}
