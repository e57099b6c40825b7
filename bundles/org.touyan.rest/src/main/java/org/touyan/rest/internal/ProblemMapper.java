package org.touyan.rest.internal;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
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
import org.touyan.api.store.StoreConflictException;

/**
 * Turns every failure into an {@code application/problem+json} answer. Client errors keep their
 * status and a detail written for users; anything else becomes a 500 whose detail is only an
 * incident id, so no stack trace, class name or SQL reaches a client; the log has the rest, the
 * causes named on the incident's own line. A transaction the database kept rolling back for a
 * concurrent one is no fault of the platform's code: it answers 503 with {@code Retry-After}.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsApplicationSelect(RestConstants.APPLICATION_SELECT)
public class ProblemMapper implements ExceptionMapper<Throwable> {

	static final MediaType PROBLEM = MediaType.valueOf(RestConstants.PROBLEM_JSON);

	/** Seconds a client waits before sending again a request that met a concurrent change. */
	static final int RETRY_AFTER_SECONDS = 1;

	private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

	/** The current request's headers (a per-request proxy the runtime injects): which language the client reads. */
	@Context
	private HttpHeaders headers;

	@Override
	public Response toResponse(Throwable failure) {
		return answer(problemOf(failure, preferred(headers)));
	}

	/** The client's first language, or null when it names none (or outside a request). */
	static Locale preferred(HttpHeaders headers) {
		try {
			List<Locale> languages = headers == null ? List.of() : headers.getAcceptableLanguages();
			return languages.isEmpty() || "*".equals(languages.get(0).getLanguage()) ? null : languages.get(0);
		} catch (RuntimeException e) {
			return null; // no request in scope, or a header that does not parse: the default language
		}
	}

	static Response answer(Problem problem) {
		Response.ResponseBuilder r = Response.status(problem.status()).type(PROBLEM).entity(problem);
		if (problem.status() == 503) {
			r.header("Retry-After", RETRY_AFTER_SECONDS);
		}
		return r.build();
	}

	static Problem problemOf(Throwable failure) {
		return problemOf(failure, null);
	}

	static Problem problemOf(Throwable failure, Locale preferred) {
		// the runtime wraps what a body reader throws: the cause says what was wrong
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof ProblemException p) {
				return new Problem("about:blank", p.title(), p.status(), p.detail(preferred), p.field(),
						p instanceof PreconditionFailedException stale ? stale.currentVersion() : null);
			}
		}
		if (failure instanceof PolicyFailureException p) {
			// the plugin's own exception stays in the log: only what failed and how is shown
			LOG.warn("{}", p.getMessage(), p.getCause());
			return Problem.of(502, "Policy failed", p.detail(preferred));
		}
		if (failure instanceof WebApplicationException w && w.getResponse() != null
				&& w.getResponse().getStatus() < 500) {
			int status = w.getResponse().getStatus();
			return Problem.of(status, title(status), detail(status, preferred));
		}
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof StoreConflictException) {
				LOG.warn("answered 503: {}", causes(failure));
				return Problem.of(503, "Service unavailable", inLanguage(preferred, "请求与同时进行的修改冲突，未写入任何数据；请 "
						+ RETRY_AFTER_SECONDS + " 秒后重新提交", "The request met a concurrent change and wrote nothing; send it again in "
						+ RETRY_AFTER_SECONDS + " s"));
			}
		}
		String incident = UUID.randomUUID().toString();
		LOG.error(incidentLine(incident, failure), failure);
		return Problem.of(500, "Internal error", incidentDetail(preferred, incident));
	}

	/** The detail of a 500: only the incident id, which ends it (an operator greps the log for it). */
	static String incidentDetail(Locale preferred, String incident) {
		return inLanguage(preferred, "请求未能完成，已记入日志，事件编号 " + incident,
				"The request could not be completed; the incident is logged as " + incident);
	}

	/** English when the client's preferred language is English, otherwise Chinese. */
	static String inLanguage(Locale preferred, String zh, String en) {
		return preferred != null && "en".equals(preferred.getLanguage()) ? en : zh;
	}

	/** The log line of an incident: its id and every cause's class and message, outermost first. */
	static String incidentLine(String incident, Throwable failure) {
		return "incident " + incident + ": " + causes(failure);
	}

	private static String causes(Throwable failure) {
		StringBuilder line = new StringBuilder();
		int depth = 0;
		for (Throwable t = failure; t != null && depth < 10; t = t.getCause(), depth++) {
			line.append(depth == 0 ? "" : " <- caused by ").append(t.getClass().getName()).append(": ").append(t.getMessage());
		}
		return line.toString();
	}

	private static String title(int status) {
		Response.Status known = Response.Status.fromStatusCode(status);
		return known != null ? known.getReasonPhrase() : "Client error";
	}

	private static String detail(int status, Locale preferred) {
		return switch (status) {
		case 400 -> inLanguage(preferred, "请求无效", title(status));
		case 401 -> inLanguage(preferred, "请求未经身份认证，请先登录", title(status));
		case 403 -> inLanguage(preferred, "无权执行此操作", title(status));
		case 404 -> inLanguage(preferred, "此路径下没有资源", "No resource at this path");
		case 405 -> inLanguage(preferred, "此资源不支持该请求方法", "This method is not allowed on this resource");
		case 406 -> inLanguage(preferred, "无法以请求可接受的媒体类型作答；本接口使用 application/json",
				"No representation in an accepted media type; the API speaks application/json");
		case 409 -> inLanguage(preferred, "请求与当前数据冲突", title(status));
		case 415 -> inLanguage(preferred, "请求正文须为 application/json", "The body must be application/json");
		default -> inLanguage(preferred, "请求未能处理（状态码 " + status + "）", title(status));
		};
	}
}
