package org.touyan.rest.internal;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.ws.rs.Path;

import org.touyan.api.rest.RestConstants;

/**
 * The operation a request reached, as the path template the OpenAPI document lists it under
 * ({@code /api/people/{id}}), never the raw path: the metrics keep one series per operation. Worked
 * out once per resource method, then looked up.
 */
final class Routes {

	/** The request attribute that carries the template from the JAX-RS runtime to {@link RequestMetrics}. */
	static final String ATTRIBUTE = "touyan.route";
	/** What a request is counted under when no resource method answered it (unknown path, refused before matching). */
	static final String UNMATCHED = "unmatched";

	private final Map<Method, String> templates = new ConcurrentHashMap<>();

	String of(Class<?> resource, Method method) {
		String known = templates.get(method);
		return known != null ? known : templates.computeIfAbsent(method, m -> template(resource, m));
	}

	static String template(Class<?> resource, Method method) {
		Path type = resource.getAnnotation(Path.class);
		Path path = method.getAnnotation(Path.class);
		return OpenApiGenerator.join(OpenApiGenerator.join("/" + RestConstants.APPLICATION_BASE, type == null ? "" : type.value()),
				path == null ? "" : path.value());
	}

	/** The method as a label: the ones HTTP defines, and {@code other} for anything a client made up. */
	static String method(String method) {
		return switch (method) {
		case "GET" -> "GET";
		case "POST" -> "POST";
		case "PUT" -> "PUT";
		case "DELETE" -> "DELETE";
		case "PATCH" -> "PATCH";
		case "HEAD" -> "HEAD";
		case "OPTIONS" -> "OPTIONS";
		default -> "other";
		};
	}

	private static final String[] STATUSES = new String[600];

	static {
		for (int i = 100; i < STATUSES.length; i++) {
			STATUSES[i] = Integer.toString(i);
		}
	}

	/** The status as a label, without making a string per request. */
	static String status(int status) {
		return status >= 100 && status < STATUSES.length ? STATUSES[status] : "other";
	}
}
