package org.touyan.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

class CorsFilterTest {

	private final AtomicReference<Response> aborted = new AtomicReference<>();

	@Test
	void withoutConfiguredOriginsNothingIsAllowed() {
		CorsFilter cors = new CorsFilter(config());
		cors.filter(request("OPTIONS", Map.of("Origin", "https://evil.example", "Access-Control-Request-Method", "DELETE")));
		assertNull(aborted.get(), "a preflight from anywhere is not answered");
		MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
		cors.filter(request("GET", Map.of("Origin", "https://evil.example")), response(headers));
		assertFalse(headers.containsKey("Access-Control-Allow-Origin"));
	}

	@Test
	void aConfiguredOriginGetsItsPreflightAndMayReadAnswersOthersDoNot() {
		CorsFilter cors = new CorsFilter(config("https://touyan.example.gov.cn"));
		cors.filter(request("OPTIONS", Map.of("Origin", "https://touyan.example.gov.cn", "Access-Control-Request-Method", "PUT")));
		assertEquals(204, aborted.get().getStatus());
		assertEquals("https://touyan.example.gov.cn", aborted.get().getHeaderString("Access-Control-Allow-Origin"));
		assertEquals("Authorization, Content-Type", aborted.get().getHeaderString("Access-Control-Allow-Headers"));

		MultivaluedMap<String, Object> allowed = new MultivaluedHashMap<>();
		cors.filter(request("GET", Map.of("Origin", "https://touyan.example.gov.cn")), response(allowed));
		assertEquals("https://touyan.example.gov.cn", allowed.getFirst("Access-Control-Allow-Origin"));
		MultivaluedMap<String, Object> other = new MultivaluedHashMap<>();
		cors.filter(request("GET", Map.of("Origin", "https://touyan.example.gov.cn.evil.example")), response(other));
		assertFalse(other.containsKey("Access-Control-Allow-Origin"));
	}

	private ContainerRequestContext request(String method, Map<String, String> headers) {
		return (ContainerRequestContext) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { ContainerRequestContext.class }, (p, m, a) -> switch (m.getName()) {
				case "getMethod" -> method;
				case "getHeaderString" -> headers.get(a[0]);
				case "abortWith" -> {
					aborted.set((Response) a[0]);
					yield null;
				}
				default -> throw new UnsupportedOperationException(m.getName());
				});
	}

	private static ContainerResponseContext response(MultivaluedMap<String, Object> headers) {
		return (ContainerResponseContext) Proxy.newProxyInstance(CorsFilterTest.class.getClassLoader(),
				new Class<?>[] { ContainerResponseContext.class }, (p, m, a) -> {
					if (m.getName().equals("getHeaders")) {
						return headers;
					}
					throw new UnsupportedOperationException(m.getName());
				});
	}

	private static CorsFilter.Config config(String... origins) {
		return new CorsFilter.Config() {
			@Override
			public Class<? extends Annotation> annotationType() {
				return CorsFilter.Config.class;
			}

			@Override
			public String[] origins() {
				return origins;
			}
		};
	}
}
