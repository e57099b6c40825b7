package org.touyan.registry.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.touyan.api.security.Scope;
import org.touyan.api.security.ScopeResolver;
import org.touyan.api.store.Sql;
import org.touyan.api.store.Store;

/**
 * Places the registry's resources for authorization: a district, a street, a community in its
 * street, a department, and a person in the street and community of their current post, each with
 * its district. Posts (and the
 * missions of first secretaries' posts), filings, eligibility checks and reserve stays carry their person and where they belong. Each is one query.
 */
@Component(property = { ScopeResolver.KINDS + "=district", ScopeResolver.KINDS + "=street", ScopeResolver.KINDS + "=community",
		ScopeResolver.KINDS + "=department", ScopeResolver.KINDS + "=person", ScopeResolver.KINDS + "=post",
		ScopeResolver.KINDS + "=filing", ScopeResolver.KINDS + "=eligibility-check", ScopeResolver.KINDS + "=reserve",
		ScopeResolver.KINDS + "=first-secretary-mission", ScopeResolver.KINDS + "=joint-committee",
		ScopeResolver.KINDS + "=reference-version" })
public class RegistryScopes implements ScopeResolver {

	/**
	 * A person with the street and community of their current post, given a query that selects
	 * {@code person_id}. A community post wins over a street post (a first secretary also holds a
	 * street cadre post), the secretary's post over others, the newest over older ones.
	 */
	private static final String PERSON = "SELECT x.person_id, COALESCE(k.street_id, t.unit_id), k.id, p.district_id FROM (%s) x"
			+ " JOIN person p ON p.id = x.person_id"
			+ " LEFT JOIN post t ON t.person_id = x.person_id AND t.end_date IS NULL"
			+ " LEFT JOIN community k ON k.id = t.unit_id"
			+ " ORDER BY CASE WHEN k.id IS NULL THEN 1 ELSE 0 END, CASE WHEN t.kind = 'COMMUNITY_SECRETARY' THEN 0 ELSE 1 END,"
			+ " t.start_date DESC LIMIT 1";

	private final Store store;

	@Activate
	public RegistryScopes(@Reference(target = "(touyan.schema=registry)") Store store) {
		this.store = store;
	}

	@Override
	public Optional<Scope> resolve(String kind, String id) {
		return store.read(c -> switch (kind) {
			case "district" -> Sql.one(c, "SELECT id FROM district WHERE id = ?", rs -> Scope.district(rs.getString(1)), id);
			// the district's own catalogues and committees: every caller of the district reads them
			case "joint-committee" -> Sql.one(c, "SELECT district_id FROM joint_committee WHERE id = ?", rs -> Scope.district(rs.getString(1)), id);
			case "reference-version" -> Sql.one(c, "SELECT district_id FROM reference_version WHERE id = ?", rs -> Scope.district(rs.getString(1)), id);
			case "street" -> Sql.one(c, "SELECT id, district_id FROM street WHERE id = ?", rs -> Scope.street(rs.getString(1)).inDistrict(rs.getString(2)), id);
			case "community" -> Sql.one(c, "SELECT k.street_id, k.id, s.district_id FROM community k JOIN street s ON s.id = k.street_id WHERE k.id = ?",
					rs -> Scope.community(rs.getString(1), rs.getString(2)).inDistrict(rs.getString(3)), id);
			// a department is its district's (区直部门): its scorer reads that district's cycles and no other's
			case "department" -> Sql.one(c, "SELECT id, district_id FROM department WHERE id = ?",
					rs -> Scope.department(rs.getString(1)).inDistrict(rs.getString(2)), id);
			case "person" -> person(c, "SELECT id AS person_id FROM person WHERE id = ?", id);
			case "eligibility-check" -> person(c, "SELECT person_id FROM eligibility_check WHERE id = ?", id);
			// a mission is its first secretary's post, known by the post's id
			case "post", "first-secretary-mission" -> Sql.one(c, "SELECT COALESCE(k.street_id, t.unit_id), k.id, t.person_id, p.district_id FROM post t"
					+ " JOIN person p ON p.id = t.person_id LEFT JOIN community k ON k.id = t.unit_id WHERE t.id = ?",
					rs -> Scope.person(rs.getString(1), rs.getString(2), rs.getString(3)).inDistrict(rs.getString(4)), id);
			case "filing" -> Sql.one(c, "SELECT k.street_id, f.community_id, f.person_id, s.district_id FROM filing f"
					+ " JOIN community k ON k.id = f.community_id JOIN street s ON s.id = k.street_id WHERE f.id = ?",
					rs -> Scope.person(rs.getString(1), rs.getString(2), rs.getString(3)).inDistrict(rs.getString(4)), id);
			// a stay in the pipeline belongs to the street it is kept for, wherever the person works now
			case "reserve" -> Sql.one(c, "SELECT r.street_id, r.person_id, s.district_id FROM reserve_membership r JOIN street s ON s.id = r.street_id"
					+ " WHERE r.id = ?", rs -> Scope.person(rs.getString(1), null, rs.getString(2)).inDistrict(rs.getString(3)), id);
			default -> Optional.empty();
		});
	}

	private static Optional<Scope> person(Connection c, String select, String id) throws SQLException {
		return Sql.one(c, String.format(PERSON, select), rs -> Scope.person(rs.getString(2), rs.getString(3), rs.getString(1))
				.inDistrict(rs.getString(4)), id);
	}
}
