package org.touyan.security.internal;

import org.touyan.api.security.Caller;
import org.touyan.api.security.Role;
import org.touyan.api.security.Scope;

/** The user behind a valid token, as the request's principal. */
record AuthenticatedCaller(String userId, String login, String displayName, Role role, Scope scope,
		boolean mustChangePassword) implements Caller {

	@Override
	public String getName() {
		return login;
	}
}
