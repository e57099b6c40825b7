package org.touyan.api.security;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * What a core REST method needs: the roles that may call it and, for scoped roles, the request
 * parameters that identify what the call is about. Every resource method of the core application
 * carries either this or {@link Anonymous}; a method with neither is refused to everybody.
 *
 * <p>{@link #target()} entries read {@code kind:param} for a path parameter and
 * {@code kind:?param} for a query parameter, e.g. {@code "person:id"} or
 * {@code "street:?street"}. A {@link ScopeResolver} for the kind says which street, community,
 * person, department or district the value belongs to. A caller with a scoped role ({@link Scope.Level#STREET},
 * {@link Scope.Level#DEPARTMENT}, {@link Scope.Level#SELF}) must own every target: a target it does
 * not own answers 404, and a missing query target 400. A district administrator must own every
 * target too, which for it means the target's district is its own (a missing query target then
 * leaves the call to its whole district). City-wide roles are not limited by targets. A method
 * without targets is open to every listed role, so list a scoped role there only for what is not
 * personal (the reference catalogues).
 *
 * <p>{@link #within()} entries, read like targets, only place the call in a district: every
 * caller bound to a district must share the target's district, and street, department and
 * self scopes do not narrow them (a street administrator reads any street of their district).
 *
 * <p>A caller bound to a district that sends a {@code district} query parameter must name its own
 * district (404 otherwise), and one that sends none is given its own: every list that filters by
 * district lists only the caller's.
 *
 * <p>A target that only the request body names is checked by the resource with
 * {@link Authorization#requireOwner}.
 *
 * <p>{@link Role#AUDITOR} may call every {@code GET} method that requires a login, whether listed or
 * not, and nothing else.
 */
@Retention(RUNTIME)
@Target(METHOD)
public @interface Access {

	/** The roles allowed to call the method. */
	Role[] value();

	/** The parameters that identify the method's target, as {@code kind:param} or {@code kind:?param}. */
	String[] target() default {};

	/**
	 * Parameters that only place the call in a district, as {@code kind:param} or
	 * {@code kind:?param}: the caller's district must be the target's (since 1.4).
	 */
	String[] within() default {};
}
