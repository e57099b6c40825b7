package org.touyan.api.security;

import java.security.Principal;
import javax.ws.rs.core.SecurityContext;

import org.osgi.annotation.versioning.ProviderType;
import org.touyan.api.rest.ProblemException;

/**
 * The authenticated user of a request: the {@link java.security.Principal} of the JAX-RS
 * {@code SecurityContext}, so a resource that needs it takes {@code @Context SecurityContext} and
 * calls {@link #of(SecurityContext) Caller.of(security)}.
 */
@ProviderType
public interface Caller extends Principal {

	/** The user's id. */
	String userId();

	/** The login name; {@link #getName()} returns it too. */
	String login();

	/** The name shown in archives and the audit log. */
	String displayName();

	Role role();

	/** The caller's own scope: the street, department or person a scoped role is limited to, and its district. */
	Scope scope();

	/**
	 * How far this caller reaches: its role's level, except that a district administrator without a
	 * district is the installation's and reaches as far as {@link Scope.Level#CITY} (since 1.4).
	 */
	default Scope.Level level() {
		return role().level() == Scope.Level.DISTRICT && scope().district() == null ? Scope.Level.CITY : role().level();
	}

	/** Whether the caller may touch a target with scope {@code target}. */
	default boolean owns(Scope target) {
		return target.isWithin(level(), scope());
	}

	/**
	 * How archives name the caller as the actor of a change: the display name and the login, or the
	 * login alone when both would pass the archive's 100 characters.
	 */
	default String actor() {
		String both = displayName() + " (" + login() + ")";
		return displayName().equals(login()) || both.length() > 100 ? login() : both;
	}

	/**
	 * The caller a request's principal is. Authentication sets it for every method that is not
	 * anonymous; without one, nobody is known, and the request is refused as unauthenticated.
	 */
	static Caller of(Principal principal) {
		if (principal instanceof Caller caller) {
			return caller;
		}
		throw new ProblemException(401, "Unauthorized", "请求未经身份认证，请先登录", "This request is not authenticated", null);
	}

	/** The caller of a request, from its security context (what a resource method is given). */
	static Caller of(SecurityContext security) {
		return of(security.getUserPrincipal());
	}
}
