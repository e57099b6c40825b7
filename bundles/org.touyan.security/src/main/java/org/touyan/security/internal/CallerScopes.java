package org.touyan.security.internal;

import org.touyan.api.security.Scope;
import org.touyan.security.internal.Accounts.User;

/**
 * The scope of a logged-in user, with its district: stored on the user for a district
 * administrator, looked up through its street, department or person for a scoped user who has
 * none stored (users from before districts were scoped).
 */
final class CallerScopes {

	private final ScopeResolvers scopes;

	CallerScopes(ScopeResolvers scopes) {
		this.scopes = scopes;
	}

	AuthenticatedCaller caller(User u) {
		Scope own = switch (u.role().level()) {
		case STREET -> Scope.street(u.street()).inDistrict(u.district() != null ? u.district() : districtOf("street", u.street()));
		case DEPARTMENT -> Scope.department(u.department())
				.inDistrict(u.district() != null ? u.district() : districtOf("department", u.department()));
		// a secretary's community follows their current post, so it is looked up at each request
		case SELF -> new Scope(null, null, u.person(), null)
				.merge(scopes.resolve("person", u.person()).orElse(Scope.NONE)).merge(Scope.district(u.district()));
		// none for the installation's administrator: Caller.level() makes it city-wide
		case DISTRICT -> Scope.district(u.district());
		case CITY -> Scope.NONE;
		};
		return new AuthenticatedCaller(u.id(), u.login(), u.displayName(), u.role(), own, u.mustChangePassword());
	}

	private String districtOf(String kind, String id) {
		return scopes.resolve(kind, id).map(Scope::district).orElse(null);
	}
}
