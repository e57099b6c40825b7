package org.touyan.training.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touyan.api.security.Scope;
import org.touyan.api.security.ScopeResolver;

class TrainingScopesTest {

	/** The registry as the resolver sees it: where people and communities are. */
	private static final Map<String, Scope> REGISTRY = Map.of("person:p1", Scope.person("s1", "k1", "p1"),
			"person:p2", Scope.person("s2", "k2", "p2"), "community:k2", Scope.community("s2", "k2"));

	private MemoryStore store;
	private TrainingScopes scopes;

	@BeforeEach
	void setUp() throws Exception {
		store = new MemoryStore("V1__training.sql", "V2__session_report.sql", "V3__plan_formats.sql");
		ScopeResolver registry = (kind, id) -> Optional.ofNullable(REGISTRY.get(kind + ":" + id));
		scopes = new TrainingScopes(store, registry);
		sql("INSERT INTO training_plan (id, district_id, plan_year, required_hours, created_at) VALUES ('plan', 'd1', 2026, 40, NOW())");
		sql("INSERT INTO training_programme (id, plan_id, kind, street_id, name) VALUES ('district', 'plan', 'LEAD', NULL, '头雁领航')");
		sql("INSERT INTO training_programme (id, plan_id, kind, street_id, name) VALUES ('brand', 'plan', 'BRAND', 's1', '小灶课堂')");
		for (String programme : new String[] { "district", "brand" }) {
			sql("INSERT INTO training_course (id, programme_id, course_kind, title) VALUES ('c-" + programme + "', '" + programme + "', NULL, '课')");
			sql("INSERT INTO training_session (id, course_id, session_date, place, teacher, course_format, session_hours) VALUES ('s-"
					+ programme + "', 'c-" + programme + "', DATE '2026-03-01', '党校', '王老师', '讲授', 2)");
		}
		sql("INSERT INTO shadowing_placement (id, district_id, person_id, plan_year, city, host, start_date, end_date)"
				+ " VALUES ('sh1', 'd1', 'p1', 2026, '上海', '塘桥', DATE '2026-04-01', DATE '2026-04-30')");
		sql("INSERT INTO pairing_dispatch (id, district_id, person_id, content_code, start_date, end_date, prov_bundle, prov_version,"
				+ " prov_policy, prov_revision, created_at) VALUES ('dp1', 'd1', 'p2', 'secondment', DATE '2026-05-01', DATE '2026-05-31',"
				+ " 'b', '1', 'p', 0, NOW())");
		sql("INSERT INTO pairing_dispatch (id, district_id, person_id, content_code, start_date, end_date, prov_bundle, prov_version,"
				+ " prov_policy, prov_revision, created_at) VALUES ('dp2', 'd1', 'gone', 'secondment', DATE '2026-05-01', DATE '2026-05-31',"
				+ " 'b', '1', 'p', 0, NOW())");
		for (String[] p : new String[][] { { "pr1", "p1", "NULL" }, { "pr2", "p1", "'k2'" } }) {
			sql("INSERT INTO transfer_project (id, district_id, title, owner_id, community_id, milestones, milestones_done, status, created_at)"
					+ " VALUES ('" + p[0] + "', 'd1', '项目', '" + p[1] + "', " + p[2] + ", 3, 0, 'PLANNED', NOW())");
		}
	}

	private void sql(String statement) {
		store.write(c -> {
			try (var s = c.createStatement()) {
				return s.executeUpdate(statement);
			}
		});
	}

	@Test
	void aBrandsProgrammeCoursesAndSessionsBelongToItsStreetAndTheDistrictsToTheDistrictOnly() {
		for (String kind : new String[] { "programme", "course", "session" }) {
			String prefix = kind.equals("programme") ? "" : kind.equals("course") ? "c-" : "s-";
			assertEquals(Optional.of(Scope.street("s1").inDistrict("d1")), scopes.resolve(kind, prefix + "brand"), kind);
			assertEquals(Optional.of(Scope.district("d1")), scopes.resolve(kind, prefix + "district"), kind);
			assertEquals(Optional.empty(), scopes.resolve(kind, "nope"), kind);
		}
	}

	@Test
	void placementsDispatchesAndProjectsBelongWhereTheirPeopleAndCommunitiesAre() {
		assertEquals(Optional.of(Scope.person("s1", "k1", "p1").inDistrict("d1")), scopes.resolve("shadowing", "sh1"));
		assertEquals(Optional.of(Scope.person("s2", "k2", "p2").inDistrict("d1")), scopes.resolve("dispatch", "dp1"));
		assertEquals(Optional.of(new Scope(null, null, "gone", null).inDistrict("d1")), scopes.resolve("dispatch", "dp2"), "a person nobody places");
		assertEquals(Optional.of(Scope.person("s1", "k1", "p1").inDistrict("d1")), scopes.resolve("project", "pr1"), "no community: its owner's");
		assertEquals(Optional.of(Scope.person("s2", "k2", "p1").inDistrict("d1")), scopes.resolve("project", "pr2"), "its community's, its owner");
		assertEquals(Optional.empty(), scopes.resolve("project", "nope"));
		assertEquals(Optional.empty(), scopes.resolve("person", "p1"), "people are the registry's");
		assertEquals(Optional.of(Scope.district("d1")), scopes.resolve("plan", "plan"));
		assertEquals(Optional.empty(), scopes.resolve("plan", "nope"));
	}
}
