package org.touyan.api.security;

/**
 * Where a resource belongs: its street, community, person, department and district, each null
 * when the resource has none. A {@link ScopeResolver} answers one for a target; a caller has one too.
 *
 * @param street the street (街道) org unit id
 * @param community the community (社区) org unit id
 * @param person the person id
 * @param department the department id (a star-rating dimension's owner)
 * @param district the district (区) the resource belongs to (since 1.4)
 */
public record Scope(String street, String community, String person, String department, String district) {

	/** How far a role reaches. */
	public enum Level {
		/** Every district of the installation: targets do not limit it (since 1.4). */
		CITY,
		/** One district: the target's district must be the caller's. */
		DISTRICT,
		/** One street: the target's street must be the caller's. */
		STREET,
		/** One department: the target's department must be the caller's. */
		DEPARTMENT,
		/** One person: the target's person, or else its community, must be the caller's own. */
		SELF
	}

	/** Nothing known. */
	public static final Scope NONE = new Scope(null, null, null, null, null);

	/** A scope without a known district, as before 1.4. */
	public Scope(String street, String community, String person, String department) {
		this(street, community, person, department, null);
	}

	/** A resource of the whole district, such as the district itself or its evaluation cycle (since 1.4). */
	public static Scope district(String district) {
		return new Scope(null, null, null, null, district);
	}

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

	/** This scope in {@code district} (since 1.4). */
	public Scope inDistrict(String district) {
		return new Scope(street, community, person, department, district);
	}

	/** Only this scope's district: what a target that merely places a call in a district keeps (since 1.4). */
	public Scope districtOnly() {
		return district(district);
	}

	/** This scope with the other's known parts added where this has none. */
	public Scope merge(Scope other) {
		return new Scope(street != null ? street : other.street, community != null ? community : other.community,
				person != null ? person : other.person, department != null ? department : other.department,
				district != null ? district : other.district);
	}

	/**
	 * Whether a caller with {@code level} and scope {@code own} may touch a target with this scope.
	 * Unknown parts never match, so a scoped caller is refused a target nobody can place. A target
	 * of another district is never within a caller bound to a district; a target that is only a
	 * district (nothing below it is known) is within every caller of that district, whatever its
	 * level, so a street administrator reads the cycles of their own district and no other.
	 */
	public boolean isWithin(Level level, Scope own) {
		if (level == Level.CITY) {
			return true;
		}
		if (district != null && own.district != null && !district.equals(own.district)) {
			return false;
		}
		boolean wholeDistrict = district != null && street == null && community == null && person == null && department == null;
		return switch (level) {
		case CITY -> true;
		case DISTRICT -> district != null && district.equals(own.district);
		case STREET -> street != null ? street.equals(own.street) : wholeDistrict && district.equals(own.district);
		case DEPARTMENT -> department != null ? department.equals(own.department) : wholeDistrict && district.equals(own.district);
		case SELF -> person != null ? person.equals(own.person)
				: community != null ? community.equals(own.community) : wholeDistrict && district.equals(own.district);
		};
	}
}
