package org.touyan.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import javax.servlet.FilterChain;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;

/** The HTTP layer's error pages for an /api path while the core application is not serving. */
class RequestGuardTest {

	@Test
	void theHttpLayers404ForAnApiPathIsA503Problem() throws Exception {
		Fake answer = run("/api/people/1", (req, res) -> ((HttpServletResponse) res).sendError(404));
		assertEquals(503, answer.status);
		assertEquals("1", answer.headers.get("Retry-After"));
		assertTrue(answer.contentType.startsWith("application/problem+json"), answer.contentType);
		assertTrue(answer.body().contains("\"status\":503"), answer.body());
		assertEquals(0, answer.sentError);
	}

	@Test
	void theRuntimesBare404WhileItsApplicationRegistersIsA503Problem() throws Exception {
		Fake answer = run("/api/health", (req, res) -> ((HttpServletResponse) res).setStatus(404));
		assertEquals(503, answer.status);
	}

	@Test
	void theRuntimesHtmlNotFoundPageIsA503Problem() throws Exception {
		Fake answer = run("/api/health", (req, res) -> {
			((HttpServletResponse) res).setStatus(404);
			res.setContentType("text/html");
			res.getWriter().write("<html><body>No service was found.</body></html>");
		});
		assertEquals(503, answer.status);
		assertTrue(answer.body().startsWith("{"), answer.body());
	}

	@Test
	void aProblem404OfTheApplicationPassesUnchanged() throws Exception {
		Fake answer = run("/api/people/999", (req, res) -> {
			((HttpServletResponse) res).setStatus(404);
			res.setContentType("application/problem+json");
		});
		assertEquals(404, answer.status);
	}

	@Test
	void aPathOutsideTheApiKeepsItsError() throws Exception {
		Fake answer = run("/apiary", (req, res) -> ((HttpServletResponse) res).sendError(404));
		assertEquals(404, answer.sentError);
	}

	@Test
	void anotherErrorOfTheApplicationPassesUnchanged() throws Exception {
		Fake answer = run("/api/people", (req, res) -> ((HttpServletResponse) res).sendError(405));
		assertEquals(405, answer.sentError);
	}

	private static Fake run(String uri, FilterChain chain) throws Exception {
		Fake fake = new Fake();
		HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(RequestGuardTest.class.getClassLoader(),
				new Class<?>[] { HttpServletRequest.class }, (p, m, a) -> switch (m.getName()) {
				case "getRequestURI" -> uri;
				default -> null;
				});
		new RequestGuard().doFilter(request, fake.proxy(), chain);
		return fake;
	}

	/** A response that records what is done to it. */
	static final class Fake {
		int status = 200;
		int sentError;
		String contentType;
		final Map<String, String> headers = new HashMap<>();
		final ByteArrayOutputStream out = new ByteArrayOutputStream();

		String body() {
			return out.toString(StandardCharsets.UTF_8);
		}

		HttpServletResponse proxy() {
			ServletOutputStream stream = new ServletOutputStream() {
				@Override
				public void write(int b) {
					out.write(b);
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setWriteListener(WriteListener listener) {
				}
			};
			return (HttpServletResponse) Proxy.newProxyInstance(RequestGuardTest.class.getClassLoader(),
					new Class<?>[] { HttpServletResponse.class }, (p, m, a) -> {
						switch (m.getName()) {
						case "setStatus" -> status = (Integer) a[0];
						case "getStatus" -> {
							return status;
						}
						case "sendError" -> {
							sentError = (Integer) a[0];
							status = sentError;
						}
						case "setContentType" -> contentType = (String) a[0];
						case "getContentType" -> {
							return contentType;
						}
						case "setHeader" -> headers.put((String) a[0], (String) a[1]);
						case "isCommitted" -> {
							return false;
						}
						case "reset" -> {
							status = 200;
							contentType = null;
							headers.clear();
						}
						case "getOutputStream" -> {
							return stream;
						}
						default -> {
						}
						}
						return null;
					});
		}
	}
}
