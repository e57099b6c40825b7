package org.touyan.api.rest;

/** Names a core resource uses to join the one core JAX-RS application. */
public final class RestConstants {

	/** {@code osgi.jaxrs.name} of the core application. */
	public static final String APPLICATION_NAME = "touyan";

	/** Its base path under the HTTP root. */
	public static final String APPLICATION_BASE = "api";

	/** Filter for {@code @JaxrsApplicationSelect} on core resources and extensions. */
	public static final String APPLICATION_SELECT = "(osgi.jaxrs.name=" + APPLICATION_NAME + ")";

	/** Media type of every error answer (RFC 9457). */
	public static final String PROBLEM_JSON = "application/problem+json";

	/** Default and largest page sizes of collections. */
	public static final int DEFAULT_LIMIT = 50;
	public static final int MAX_LIMIT = 500;

	private RestConstants() {
	}
}
