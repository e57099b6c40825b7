package org.touyan.api.security;

import java.security.Principal;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The authenticated user of a request: the {@link java.security.Principal} of the JAX-RS
 * {@code SecurityContext}, so a resource that needs it takes {@code @Context SecurityContext} and
 * casts {@code getUserPrincipal()}.
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

	/** The caller's own scope: the street, department or person a scoped role is limited to. */
	Scope scope();

	/** Whether the caller may touch a target with scope {@code target}. */
	default boolean owns(Scope target) {
		return target.isWithin(role().level(), scope());
	}
}
