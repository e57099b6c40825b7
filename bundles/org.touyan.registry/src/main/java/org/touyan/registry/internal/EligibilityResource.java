package org.touyan.registry.internal;

import static org.touyan.api.security.Role.DEPARTMENT_SCORER;
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
import org.touyan.api.eligibility.CheckInput;
import org.touyan.api.eligibility.Eligibility;
import org.touyan.api.eligibility.EligibilityCheck;
import org.touyan.api.eligibility.RuleSetInfo;
import org.touyan.api.rest.Created;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.rest.RestConstants;
import org.touyan.api.rest.Summary;
import org.touyan.api.security.Access;

/**
 * Eligibility checks over REST. The rule sets are plugin services behind {@link Eligibility}, so
 * this resource (and the application's membership) stays the same when a plugin comes or goes.
 */
@Component(service = EligibilityResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(RestConstants.APPLICATION_SELECT)
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EligibilityResource {

	private final Eligibility eligibility;

	@Activate
	public EligibilityResource(@Reference Eligibility eligibility) {
		this.eligibility = eligibility;
	}

	@GET
	@Path("eligibility/rule-sets")
	@Summary("Installed eligibility rule sets (不得当选的具体情形) with their rules and provenance")
	@Access({ DISTRICT_ADMIN, STREET_ADMIN, DEPARTMENT_SCORER, SECRETARY, PLUGIN_ADMIN })
	public Page<RuleSetInfo> ruleSets(@QueryParam("offset") String offset, @QueryParam("limit") String limit) {
		return Page.of(eligibility.ruleSets(), Paging.of(offset, limit));
	}

	@POST
	@Path("people/{id}/eligibility-checks")
	@Summary(value = "Checks a person against the district's rule set; the verdict lists every rule that fired", returns = EligibilityCheck.class)
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN }, target = "person:id")
	public Response check(@Context SecurityContext security, @PathParam("id") String id, CheckInput input) {
		String actor = Caller.of(security).actor();
		EligibilityCheck check = eligibility.check(id, input, actor);
		return Created.at(check, "eligibility-checks", check.id());
	}

	@GET
	@Path("people/{id}/eligibility-checks")
	@Summary("A person's eligibility checks, newest first")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN }, target = "person:id")
	public Page<EligibilityCheck> checks(@PathParam("id") String id, @QueryParam("offset") String offset,
			@QueryParam("limit") String limit) {
		return eligibility.checks(id, Paging.of(offset, limit));
	}

	@GET
	@Path("eligibility-checks/{id}")
	@Summary("One eligibility check with its verdict and provenance")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN }, target = "eligibility-check:id")
	public EligibilityCheck checkById(@PathParam("id") String id) {
		return eligibility.checkById(id).orElseThrow(() -> ProblemException.notFound("资格审查", "eligibility check", id));
	}
}
