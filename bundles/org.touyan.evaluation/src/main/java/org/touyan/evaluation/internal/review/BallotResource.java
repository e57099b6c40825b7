package org.touyan.evaluation.internal.review;

import org.touyan.evaluation.internal.cycle.CycleResource;

import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.touyan.api.rest.RestConstants;
import org.touyan.api.rest.Summary;
import org.touyan.api.security.Anonymous;

/**
 * Casting a residents' review ballot over REST: a resident sends the token alone (the cycle and
 * community travel with the token, never the resident). Issuing and tallying are on the cycle
 * ({@link CycleResource}).
 */
@Component(service = BallotResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(RestConstants.APPLICATION_SELECT)
@Path("ballots")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BallotResource {

	private final Ballots ballots;

	@Activate
	public BallotResource(@Reference Ballots ballots) {
		this.ballots = ballots;
	}

	@POST
	@Path("{token}")
	@Summary(value = "Casts one ballot (de, neng, qin, ji, lian, each 0–100); a token counts once, a second use is a 409",
			returns = Void.class)
	@Anonymous("a resident casts a ballot with the one-time token handed out on paper; the token is the authentication and the ballot stays anonymous")
	public Response cast(@PathParam("token") String token, Ballots.BallotInput input) {
		ballots.cast(token, input);
		return Response.noContent().build();
	}
}
