package org.touyan.api.security;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Places a resource of some kinds in a {@link Scope}, so that authorization can tell whether a
 * scoped caller owns an {@link Access#target() access target}. The bundle that owns the resources
 * registers one, with the kinds it resolves in {@link #KINDS}.
 */
@ConsumerType
public interface ScopeResolver {

	/** Service property: the kinds this resolver places, e.g. {@code person}, {@code community}. */
	String KINDS = "touyan.scope.kind";

	/**
	 * The scope of the resource of {@code kind} with {@code id}, or empty when there is none: a
	 * scoped caller then gets 404, as for another street's resource.
	 */
	Optional<Scope> resolve(String kind, String id);
}
