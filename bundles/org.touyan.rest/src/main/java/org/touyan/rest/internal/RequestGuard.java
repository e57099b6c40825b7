package org.touyan.rest.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
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
 * problem with an incident id instead of a page that may show a stack trace. While the core
 * application is not serving (start, or a rebuild of the whiteboard application), the HTTP layer's
 * 404 and 500 pages for an {@code /api} path become 503 problems with {@code Retry-After}: a client
 * never reads "not found" for a path that exists (see {@link ApiGapResponse}).
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
			write(answer, Problem.of(400, "Invalid request", ProblemMapper.inLanguage(preferred(http),
					"请求地址不是有效的 URI：花括号、空格等保留字符须经编码", "The request URI is not a valid URI: encode reserved "
					+ "characters such as braces and spaces")));
			return;
		}
		boolean api = isApi(http.getRequestURI());
		ApiGapResponse guarded = api ? new ApiGapResponse(answer) : null;
		try {
			chain.doFilter(request, api ? guarded : response);
			// CXF answers a bare 404 while its application is still registering (no observer yet)
			boolean bare404 = api && guarded.getStatus() == 404 && answer.getContentType() == null;
			if (api && (guarded.held() != 0 || bare404) && !answer.isCommitted()) {
				answer.reset();
				answer.setHeader("Retry-After", "1");
				answer.setHeader("Cache-Control", "no-store");
				write(answer, Problem.of(503, "Service Unavailable", ProblemMapper.inLanguage(preferred(http), NOT_SERVING_ZH, NOT_SERVING)));
			}
		} catch (IOException | ServletException | RuntimeException e) {
			String incident = UUID.randomUUID().toString();
			LOG.error(ProblemMapper.incidentLine(incident, e), e);
			if (!answer.isCommitted()) {
				answer.reset();
				write(answer, Problem.of(500, "Internal error", ProblemMapper.incidentDetail(preferred(http), incident)));
			}
		}
	}

	/** What an {@code /api} request is told while the core application is not serving. */
	static final String NOT_SERVING = "The API is not serving yet; try again in a moment";

	/** The same, in Chinese: what a client that names no English reads. */
	static final String NOT_SERVING_ZH = "接口尚未就绪，请稍后再试";

	/** The client's first language by {@code Accept-Language}, or null when it names none or the header does not parse. */
	static Locale preferred(HttpServletRequest http) {
		String header = http.getHeader("Accept-Language");
		if (header == null || header.isBlank()) {
			return null;
		}
		try {
			List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
			return ranges.isEmpty() || ranges.get(0).getRange().equals("*") ? null : Locale.forLanguageTag(ranges.get(0).getRange());
		} catch (IllegalArgumentException e) {
			return null;
		}
	}

	/** Whether a request URI is the core application's, {@code /api} or below it. */
	static boolean isApi(String uri) {
		String base = "/" + RestConstants.APPLICATION_BASE;
		return uri.equals(base) || uri.startsWith(base + "/");
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
