package org.touyan.evaluation.internal.review;

import org.touyan.evaluation.internal.cycle.Cycles;

import static org.touyan.api.security.Role.DISTRICT_ADMIN;
import static org.touyan.api.security.Role.SECRETARY;
import static org.touyan.api.security.Role.STREET_ADMIN;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
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
import org.touyan.api.rest.ProblemException;
import org.touyan.api.rest.RestConstants;
import org.touyan.api.rest.Summary;
import org.touyan.api.security.Access;
import org.touyan.api.security.Authorization;
import org.touyan.api.security.Caller;

/**
 * The four reviews of a cycle (四评) over REST: the residents' ballots issued per community and
 * their tally, the self, street and organization reviews, the assessments, and the half-year
 * reports (提级述职) with their on-the-spot scores.
 */
@Component(service = ReviewResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(RestConstants.APPLICATION_SELECT)
@Path("evaluation-cycles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReviewResource {

	private final Cycles cycles;
	private final Ballots ballots;
	private final Reviews reviews;
	private final DutyReports dutyReports;
	private final Authorization authorization;

	@Activate
	public ReviewResource(@Reference Cycles cycles, @Reference Ballots ballots, @Reference Reviews reviews, @Reference DutyReports dutyReports, @Reference Authorization authorization) {
		this.cycles = cycles;
		this.ballots = ballots;
		this.reviews = reviews;
		this.dutyReports = dutyReports;
		this.authorization = authorization;
	}

	@POST
	@Path("{id}/ballots")
	@Summary(value = "Issues one-time ballots of the residents' review for a community of an open cycle; the tokens are shown once",
			returns = Ballots.Issued.class)
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN }, target = "cycle:id")
	public Response issue(@Context SecurityContext security, @PathParam("id") String id, Ballots.IssueRequest request) {
		if (request != null && request.communityId() != null) {
			authorization.requireOwner(Caller.of(security), "community", request.communityId());
		}
		Ballots.Issued issued = ballots.issue(id, request);
		return Created.at(issued, "evaluation-cycles", id, "ballots", issued.communityId());
	}

	@GET
	@Path("{id}/ballots/{communityId}")
	@Summary("A community's residents' review: ballots issued and cast, whether the minimum is reached, the means of 德能勤绩廉")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN }, target = { "cycle:id", "community:communityId" })
	public Ballots.Tally tally(@PathParam("id") String id, @PathParam("communityId") String communityId) {
		return ballots.tally(id, communityId);
	}

	@POST
	@Path("{id}/reviews")
	@Summary(value = "Records the self-review, the street's re-review or the Organization Department's final review of a community's secretary",
			returns = Reviews.Review.class)
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN, SECRETARY }, target = "cycle:id")
	public Response review(@Context SecurityContext security, @PathParam("id") String id,
			Reviews.ReviewRequest request) {
		String actor = Caller.of(security).actor();
		if (request != null) {
			requireReviewer(Caller.of(security), request);
		}
		Reviews.Review r = reviews.review(id, request, actor);
		return Created.at(r, "evaluation-cycles", id, "reviews");
	}

	@GET
	@Path("{id}/reviews")
	@Summary("The reviews given in the cycle, of one community (community=id) or all")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN, SECRETARY }, target = { "cycle:id", "community:?community" })
	public Page<Reviews.Review> reviews(@PathParam("id") String id, @QueryParam("community") String community, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
		cycles.require(id);
		return Page.of(reviews.reviews(id, community), Paging.of(offset, limit));
	}

	@GET
	@Path("{id}/assessments")
	@Summary("The assessment results (四评): each reviewed secretary's reviews, score, grade, explanation and provenance;"
			+ " of one community (community=id) or all")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN, SECRETARY }, target = { "cycle:id", "community:?community" })
	public Page<Reviews.Assessment> assessments(@PathParam("id") String id, @QueryParam("community") String community, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
		cycles.require(id);
		return Page.of(reviews.assessments(id, community), Paging.of(offset, limit));
	}

	@POST
	@Path("{id}/assessments")
	@Summary("Assesses the reviewed secretaries again with the weighting pinned for the cycle, while scoring is closed")
	@Access(value = DISTRICT_ADMIN, target = "cycle:id")
	public List<Reviews.Assessment> reassess(@Context SecurityContext security, @PathParam("id") String id) {
		String actor = Caller.of(security).actor();
		return reviews.reassess(id, actor);
	}

	@POST
	@Path("{id}/duty-reports")
	@Summary(value = "Records a secretary's half-year report (提级述职) with its site visits, interviews and document review",
			returns = DutyReports.DutyReport.class)
	@Access(value = DISTRICT_ADMIN, target = "cycle:id")
	public Response dutyReport(@Context SecurityContext security, @PathParam("id") String id, DutyReports.ReportInput input) {
		String actor = Caller.of(security).actor();
		DutyReports.DutyReport r = dutyReports.report(id, input, actor);
		return Created.at(r, "evaluation-cycles", id, "duty-reports");
	}

	@GET
	@Path("{id}/duty-reports")
	@Summary("The cycle's half-year reports with the on-the-spot scores and, once all three raters scored, the result")
	@Access(value = DISTRICT_ADMIN, target = "cycle:id")
	public Page<DutyReports.DutyReport> dutyReports(@PathParam("id") String id, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
		return Page.of(dutyReports.reports(id), Paging.of(offset, limit));
	}

	@POST
	@Path("{id}/duty-reports/{communityId}/scores")
	@Summary("Records the on-the-spot score (一述一评) of the Organization Department, 民政局 or the street for a report")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN }, target = { "cycle:id", "community:communityId" })
	public DutyReports.DutyReport dutyReportScore(@Context SecurityContext security, @PathParam("id") String id,
			@PathParam("communityId") String communityId, DutyReports.ScoreInput input) {
		String actor = Caller.of(security).actor();
		return dutyReports.score(id, communityId, input, actor);
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
