package org.touyan.rest.internal;

import java.util.UUID;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.touyan.api.policy.PolicyFailureException;
import org.touyan.api.rest.PreconditionFailedException;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.rest.RestConstants;

/**
 * Turns every failure into an {@code application/problem+json} answer. Client errors keep their
 * status and a detail written for users; anything else becomes a 500 whose detail is only an
 * incident id, so no stack trace, class name or SQL reaches a client; the log has the rest.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsApplicationSelect(RestConstants.APPLICATION_SELECT)
public class ProblemMapper implements ExceptionMapper<Throwable> {

	static final MediaType PROBLEM = MediaType.valueOf(RestConstants.PROBLEM_JSON);

	private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

	@Override
	public Response toResponse(Throwable failure) {
		return answer(problemOf(failure));
	}

	static Response answer(Problem problem) {
		return Response.status(problem.status()).type(PROBLEM).entity(problem).build();
	}

	static Problem problemOf(Throwable failure) {
		// the runtime wraps what a body reader throws: the cause says what was wrong
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof ProblemException p) {
				return new Problem("about:blank", p.title(), p.status(), p.detail(), p.field(),
						p instanceof PreconditionFailedException stale ? stale.currentVersion() : null);
			}
		}
		if (failure instanceof PolicyFailureException p) {
			// the plugin's own exception stays in the log: only what failed and how is shown
			LOG.warn("{}", p.getMessage(), p.getCause());
			return Problem.of(502, "Policy failed", p.getMessage());
		}
		if (failure instanceof WebApplicationException w && w.getResponse() != null
				&& w.getResponse().getStatus() < 500) {
			int status = w.getResponse().getStatus();
			return Problem.of(status, title(status), detail(status));
		}
		String incident = UUID.randomUUID().toString();
		LOG.error("incident {}", incident, failure);
		return Problem.of(500, "Internal error",
				"The request could not be completed; the incident is logged as " + incident);
	}

	private static String title(int status) {
		Response.Status known = Response.Status.fromStatusCode(status);
		return known != null ? known.getReasonPhrase() : "Client error";
	}

	private static String detail(int status) {
		return switch (status) {
		case 404 -> "No resource at this path";
		case 405 -> "This method is not allowed on this resource";
		case 406 -> "No representation in an accepted media type; the API speaks application/json";
		case 415 -> "The body must be application/json";
		default -> title(status);
		};
	}
}
