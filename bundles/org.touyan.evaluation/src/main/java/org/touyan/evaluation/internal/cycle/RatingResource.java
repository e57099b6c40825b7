package org.touyan.evaluation.internal.cycle;

import static org.touyan.api.security.Role.DISTRICT_ADMIN;
import static org.touyan.api.security.Role.PLUGIN_ADMIN;
import static org.touyan.api.security.Role.SECRETARY;
import static org.touyan.api.security.Role.STREET_ADMIN;
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
import org.touyan.api.rest.Nullable;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.rest.RestConstants;
import org.touyan.api.rest.Summary;
import org.touyan.api.security.Access;
import org.touyan.api.security.Caller;
import org.touyan.api.tabular.Format;
import org.touyan.api.tabular.Tabular;

/**
 * The star ratings of a cycle over REST: each community's stars with explanation and provenance,
 * the distribution, the rating runs and re-ratings, and the what-if of a staged formula. The rules
 * live in {@link RatingRuns}.
 */
@Component(service = RatingResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(RestConstants.APPLICATION_SELECT)
@Path("evaluation-cycles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RatingResource {

	/** Why a cycle is re-rated. */
	public record RerateRequest(@Nullable String reason) {
	}

	private final Cycles cycles;
	private final RatingRuns ratings;
	private final WhatIf whatIf;

	private final Tabular tabular;

	@Activate
	public RatingResource(@Reference Cycles cycles, @Reference RatingRuns ratings, @Reference WhatIf whatIf, @Reference Tabular tabular) {
		this.tabular = tabular;
		this.cycles = cycles;
		this.ratings = ratings;
		this.whatIf = whatIf;
	}

	@POST
	@Path("{id}/what-if")
	@Consumes(MediaType.APPLICATION_JSON)
	@Summary("Rates every scored community of the cycle with the active and the staged version of a star formula and "
			+ "lists where they differ; stores nothing")
	@Access(value = { DISTRICT_ADMIN, PLUGIN_ADMIN }, target = "cycle:id")
	public WhatIf.Report whatIf(@PathParam("id") String id, WhatIf.Request request) {
		return whatIf.compare(id, request);
	}

	@GET
	@Path("{id}/ratings")
	@Summary("The cycle's star ratings with explanation and provenance, of one street (street=id) or all, of one level"
			+ " (stars=1 to 5, or failed) or every one, a page at a time")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN }, target = { "cycle:id", "street:?street" })
	public Page<Rating> ratings(@PathParam("id") String id, @QueryParam("street") String street, @QueryParam("stars") String stars,
			@QueryParam("offset") String offset, @QueryParam("limit") String limit) {
		cycles.require(id);
		Paging paging = Paging.of(offset, limit);
		if (stars != null && !stars.isBlank() && !"failed".equals(stars) && !stars.matches("[1-5]")) {
			throw ProblemException.invalid("stars", "stars 应为 1 至 5 或 failed，所填为 " + stars, "stars is 1 to 5 or failed, was " + stars);
		}
		return ratings.ratings(id, street, stars == null || stars.isBlank() ? null : stars, paging);
	}

	@GET
	@Path("{id}/ratings.csv")
	@Produces({ Tabular.CSV + ";charset=UTF-8", Tabular.XLSX })
	@Summary(value = "The cycle's star ratings as CSV or xlsx (?format=, or Accept), with explanation, provenance and input hash",
			returns = String.class)
	@Access(value = DISTRICT_ADMIN, target = "cycle:id")
	public Response ratingsTable(@Context HttpHeaders headers, @PathParam("id") String id, @QueryParam("format") String format) {
		Format f = Format.negotiate(format, headers.getHeaderString(HttpHeaders.ACCEPT));
		cycles.require(id);
		return tabular.answer(ratings.table(id), f);
	}

	@GET
	@Path("{id}/report")
	@Summary("The cycle's star distribution per street and for the district, with failures and mean scores")
	@Access(value = DISTRICT_ADMIN, target = "cycle:id")
	public StarReport report(@PathParam("id") String id) {
		return ratings.report(cycles.require(id));
	}

	@GET
	@Path("{id}/ratings/{communityId}")
	@Summary("One community's star rating in the cycle")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN, SECRETARY }, target = { "cycle:id", "community:communityId" })
	public Rating rating(@PathParam("id") String id, @PathParam("communityId") String communityId) {
		cycles.require(id);
		return ratings.rating(id, communityId).orElseThrow(() -> ProblemException.notFound("该社区的评星", "rating of community", communityId));
	}

	@GET
	@Path("{id}/rating-runs")
	@Summary("The cycle's rating runs: when scoring closed and each re-rating, with reason, counts and duration")
	@Access(value = DISTRICT_ADMIN, target = "cycle:id")
	public Page<RatingRun> runs(@PathParam("id") String id, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
		cycles.require(id);
		return Page.of(ratings.runs(id), Paging.of(offset, limit));
	}

	@POST
	@Path("{id}/rating-runs")
	@Summary("Re-rates a cycle whose scoring is closed, with a reason recorded on the run and in the secretaries' archives")
	@Access(value = DISTRICT_ADMIN, target = "cycle:id")
	public RatingRun rerate(@Context SecurityContext security, @PathParam("id") String id, RerateRequest request) {
		String actor = Caller.of(security).actor();
		return cycles.rerate(id, request == null ? null : request.reason(), actor);
	}
}
