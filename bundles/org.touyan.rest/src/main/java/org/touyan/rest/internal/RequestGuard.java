package org.touyan.rest.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.Preprocessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.touyan.api.rest.RestConstants;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Guards the HTTP layer in front of the JAX-RS runtime, which answers some requests itself with an
 * HTML error page: a request URI that is not a valid URI (raw braces, spaces…) becomes a 400
 * problem instead of the runtime's 500, and anything else that escapes the runtime becomes a 500
 * problem with an incident id instead of a page that may show a stack trace.
 */
@Component(service = Preprocessor.class)
public class RequestGuard implements Preprocessor {

	private static final Logger LOG = LoggerFactory.getLogger(RequestGuard.class);

	@Override
	public void init(FilterConfig config) {
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		HttpServletRequest http = (HttpServletRequest) request;
		HttpServletResponse answer = (HttpServletResponse) response;
		String uri = http.getRequestURI() + (http.getQueryString() == null ? "" : "?" + http.getQueryString());
		try {
			new URI(uri);
		} catch (URISyntaxException e) {
			write(answer, Problem.of(400, "Invalid request", "The request URI is not a valid URI: encode reserved "
					+ "characters such as braces and spaces"));
			return;
		}
		try {
			chain.doFilter(request, response);
		} catch (IOException | ServletException | RuntimeException e) {
			String incident = UUID.randomUUID().toString();
			LOG.error(ProblemMapper.incidentLine(incident, e), e);
			if (!answer.isCommitted()) {
				answer.reset();
				write(answer, Problem.of(500, "Internal error",
						"The request could not be completed; the incident is logged as " + incident));
			}
		}
	}

	private static void write(HttpServletResponse answer, Problem problem) throws IOException {
		byte[] body;
		try {
			body = JsonProvider.MAPPER.writeValueAsBytes(problem);
		} catch (JsonProcessingException e) {
			throw new IOException(e);
		}
		answer.setStatus(problem.status());
		answer.setContentType(RestConstants.PROBLEM_JSON);
		answer.setCharacterEncoding(StandardCharsets.UTF_8.name());
		answer.setContentLength(body.length);
		answer.getOutputStream().write(body);
	}

	@Override
	public void destroy() {
	}
}
