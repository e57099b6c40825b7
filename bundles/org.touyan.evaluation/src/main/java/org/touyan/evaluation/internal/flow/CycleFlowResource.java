package org.touyan.evaluation.internal.flow;

import org.touyan.evaluation.internal.cycle.Cycle;
import org.touyan.evaluation.internal.cycle.Cycles;

import static org.touyan.api.security.Role.DISTRICT_ADMIN;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
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
import org.touyan.api.rest.Preconditions;
import org.touyan.api.rest.RestConstants;
import org.touyan.api.rest.Summary;
import org.touyan.api.security.Access;
import org.touyan.api.security.Caller;
import org.touyan.api.tabular.Format;
import org.touyan.api.tabular.Tabular;

/**
 * What spans the rooms of a cycle, over REST: closing scoring (freeze, rate, assess, classify) and
 * the cycle's report with each section as CSV or xlsx.
 */
@Component(service = CycleFlowResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(RestConstants.APPLICATION_SELECT)
@Path("evaluation-cycles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CycleFlowResource {

	private final Cycles cycles;
	private final ScoringClose closing;
	private final CycleSummaries summaries;

	private final Tabular tabular;

	@Activate
	public CycleFlowResource(@Reference Cycles cycles, @Reference ScoringClose closing, @Reference CycleSummaries summaries,
			@Reference Tabular tabular) {
		this.tabular = tabular;
		this.cycles = cycles;
		this.closing = closing;
		this.summaries = summaries;
	}

	@POST
	@Path("{id}/close-scoring")
	@Summary("Closes scoring and rates every scored community with its street's formula as pinned for the cycle")
	@Access(value = DISTRICT_ADMIN, target = "cycle:id")
	public Cycle closeScoring(@Context SecurityContext security, @PathParam("id") String id,
			@HeaderParam(Preconditions.IF_MATCH) String ifMatch) {
		Preconditions.required(ifMatch);
		String actor = Caller.of(security).actor();
		return closing.close(id, actor, ifMatch);
	}

	@GET
	@Path("{id}/summary")
	@Summary("The cycle's report: star distribution, four-review grades and types per street, mentoring coverage, the half-year's"
			+ " negative-list incidents and the half-year reports")
	@Access(value = DISTRICT_ADMIN, target = "cycle:id")
	public CycleSummaries.CycleSummary summary(@PathParam("id") String id) {
		return summaries.summary(id);
	}

	@GET
	@Path("{id}/summary/{section}")
	@Produces({ Tabular.CSV + ";charset=UTF-8", Tabular.XLSX })
	@Summary(value = "One section of the cycle's report as CSV or xlsx (?format=, or Accept): stars, grades, types, mentoring or incidents",
			returns = String.class)
	@Access(value = DISTRICT_ADMIN, target = "cycle:id")
	public Response summaryTable(@Context HttpHeaders headers, @PathParam("id") String id, @PathParam("section") String section,
			@QueryParam("format") String format) {
		Format f = Format.negotiate(format, headers.getHeaderString(HttpHeaders.ACCEPT));
		cycles.require(id);
		return tabular.answer(summaries.table(id, section), f);
	}
}
