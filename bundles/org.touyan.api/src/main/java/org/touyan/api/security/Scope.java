package org.touyan.api.security;

/**
 * Where a resource belongs: its street, community, person and department, each null when the
 * resource has none. A {@link ScopeResolver} answers one for a target; a caller has one too.
 *
 * @param street the street (街道) org unit id
 * @param community the community (社区) org unit id
 * @param person the person id
 * @param department the department id (a star-rating dimension's owner)
 */
public record Scope(String street, String community, String person, String department) {

	/** How far a role reaches. */
	public enum Level {
		/** The whole district: targets do not limit it. */
		DISTRICT,
		/** One street: the target's street must be the caller's. */
		STREET,
		/** One department: the target's department must be the caller's. */
		DEPARTMENT,
		/** One person: the target's person, or else its community, must be the caller's own. */
		SELF
	}

	/** Nothing known. */
	public static final Scope NONE = new Scope(null, null, null, null);

	public static Scope street(String street) {
		return new Scope(street, null, null, null);
	}

	public static Scope community(String street, String community) {
		return new Scope(street, community, null, null);
	}

	public static Scope person(String street, String community, String person) {
		return new Scope(street, community, person, null);
	}

	public static Scope department(String department) {
		return new Scope(null, null, null, department);
	}

	/** This scope with the other's known parts added where this has none. */
	public Scope merge(Scope other) {
		return new Scope(street != null ? street : other.street, community != null ? community : other.community,
				person != null ? person : other.person, department != null ? department : other.department);
	}

	/**
	 * Whether a caller with {@code level} and scope {@code own} may touch a target with this scope.
	 * Unknown parts never match, so a scoped caller is refused a target nobody can place.
	 */
	public boolean isWithin(Level level, Scope own) {
		return switch (level) {
		case DISTRICT -> true;
		case STREET -> street != null && street.equals(own.street);
		case DEPARTMENT -> department != null && department.equals(own.department);
		case SELF -> person != null ? person.equals(own.person)
				: community != null && community.equals(own.community);
		};
	}
}
