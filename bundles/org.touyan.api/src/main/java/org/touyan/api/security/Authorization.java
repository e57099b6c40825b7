package org.touyan.api.security;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The platform's scope check, for the targets an {@link Access} declaration cannot name because
 * they arrive in the request body (the community a review is about, the department of a score
 * batch). It applies the same rule as the declaration, so a resource never decides ownership
 * itself.
 */
@ProviderType
public interface Authorization {

	/**
	 * Returns when {@code caller} may touch the resource of {@code kind} with {@code id}; otherwise
	 * throws the same 404 problem as a missing resource, so its existence does not leak.
	 */
	void requireOwner(Caller caller, String kind, String id);
}
