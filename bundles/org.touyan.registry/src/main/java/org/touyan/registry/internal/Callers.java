package org.touyan.registry.internal;

import javax.ws.rs.core.SecurityContext;

import org.touyan.api.security.Caller;

/** The authenticated caller of a request, for the targets an access declaration cannot name. */
final class Callers {

	private Callers() {
	}

	/**
	 * The request's caller, or null when no authentication ran; every ownership check refuses a null
	 * caller, so a request that bypassed authentication cannot touch a scoped target.
	 */
	static Caller of(SecurityContext context) {
		return context != null && context.getUserPrincipal() instanceof Caller caller ? caller : null;
	}
}
