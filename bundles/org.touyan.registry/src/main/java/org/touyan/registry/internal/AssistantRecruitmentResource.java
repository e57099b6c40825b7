package org.touyan.registry.internal;

import static org.touyan.api.security.Role.DISTRICT_ADMIN;

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
import org.touyan.api.rest.ProblemException;
import org.touyan.api.rest.RestConstants;
import org.touyan.api.rest.Summary;
import org.touyan.api.security.Access;
import org.touyan.api.security.Caller;
import org.touyan.registry.internal.AssistantRecruitment.Batches;
import org.touyan.registry.internal.AssistantRecruitment.Recruitment;
import org.touyan.registry.internal.AssistantRecruitment.RecruitmentInput;

/** The yearly recruitment batches of secretary assistants (书记助理) over REST; the rules live in {@link AssistantRecruitment}. */
@Component(service = AssistantRecruitmentResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(RestConstants.APPLICATION_SELECT)
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AssistantRecruitmentResource {

	private final AssistantRecruitment recruitment;

	@Activate
	public AssistantRecruitmentResource(@Reference AssistantRecruitment recruitment) {
		this.recruitment = recruitment;
	}

	@POST
	@Path("people/{id}/assistant-recruitment")
	@Summary(value = "Records the recruitment batch of a secretary assistant: the year and the source (GRADUATE or SOCIAL_WORKER)",
			returns = Recruitment.class)
	@Access(value = DISTRICT_ADMIN, target = "person:id")
	public Response record(@Context SecurityContext security, @PathParam("id") String id, RecruitmentInput input) {
		String actor = Caller.of(security).actor();
		return Created.of(recruitment.record(id, input, actor));
	}

	@GET
	@Path("districts/{id}/assistant-recruitment")
	@Summary("A district's secretary-assistant batches by year and source (year= for one year's batch), and how many were recruited so far")
	@Access(value = DISTRICT_ADMIN, target = "district:id")
	public Batches batches(@PathParam("id") String id, @QueryParam("year") String year) {
		return recruitment.batches(id, year(year));
	}

	private static Integer year(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			int y = Integer.parseInt(value.strip());
			if (y >= 2000 && y <= 2100) {
				return y;
			}
		} catch (NumberFormatException e) {
			// answered below
		}
		throw ProblemException.invalid("year", "应为年份，如 2026，所填为“" + value + "”",
				"year must be a year such as 2026, was '" + value + "'");
	}
}
