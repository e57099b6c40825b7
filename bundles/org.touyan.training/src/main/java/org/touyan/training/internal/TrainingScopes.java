package org.touyan.training.internal;

import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.touyan.api.security.Scope;
import org.touyan.api.security.ScopeResolver;
import org.touyan.api.store.Sql;
import org.touyan.api.store.Store;

/**
 * Places training's resources for authorization. A programme, and its courses and sessions, belong
 * to the street whose brand it is; the district's own programmes belong to no street, so only the
 * district changes them. A shadowing placement and a dispatch belong where their person works, a
 * transfer project to its community (else its owner's) with its owner as the person; the registry's
 * resolver places people and communities.
 */
@Component(property = { ScopeResolver.KINDS + "=programme", ScopeResolver.KINDS + "=course", ScopeResolver.KINDS + "=session",
		ScopeResolver.KINDS + "=shadowing", ScopeResolver.KINDS + "=dispatch", ScopeResolver.KINDS + "=project",
		ScopeResolver.KINDS + "=plan", ScopeResolver.KINDS + "=exchange-event" })
public class TrainingScopes implements ScopeResolver {

	private final Store store;
	private final ScopeResolver registry;

	@Activate
	public TrainingScopes(@Reference(target = "(touyan.schema=training)") Store store,
			@Reference(target = "(&(" + ScopeResolver.KINDS + "=person)(" + ScopeResolver.KINDS + "=community))") ScopeResolver registry) {
		this.store = store;
		this.registry = registry;
	}

	@Override
	public Optional<Scope> resolve(String kind, String id) {
		return switch (kind) {
			// a district programme has no street: only its district's administrator changes it
			case "programme" -> street("SELECT p.street_id, l.district_id FROM training_programme p JOIN training_plan l ON l.id = p.plan_id"
					+ " WHERE p.id = ?", id);
			case "course" -> street("SELECT p.street_id, l.district_id FROM training_course c JOIN training_programme p ON p.id = c.programme_id"
					+ " JOIN training_plan l ON l.id = p.plan_id WHERE c.id = ?", id);
			case "session" -> street("SELECT p.street_id, l.district_id FROM training_session s JOIN training_course c ON c.id = s.course_id"
					+ " JOIN training_programme p ON p.id = c.programme_id JOIN training_plan l ON l.id = p.plan_id WHERE s.id = ?", id);
			case "plan" -> district("SELECT district_id FROM training_plan WHERE id = ?", id);
			case "exchange-event" -> district("SELECT district_id FROM exchange_event WHERE id = ?", id);
			case "shadowing" -> person("SELECT person_id, district_id FROM shadowing_placement WHERE id = ?", id);
			case "dispatch" -> person("SELECT person_id, district_id FROM pairing_dispatch WHERE id = ?", id);
			case "project" -> project(id);
			default -> Optional.empty();
		};
	}

	private Optional<Scope> street(String sql, String id) {
		return store.read(c -> Sql.one(c, sql, rs -> new Scope(rs.getString(1), null, null, null, rs.getString(2)), id));
	}

	private Optional<Scope> district(String sql, String id) {
		return store.read(c -> Sql.one(c, sql, rs -> Scope.district(rs.getString(1)), id));
	}

	/** Where the row's person works, in the row's district. */
	private Optional<Scope> person(String sql, String id) {
		record Row(String person, String district) {
		}
		return store.read(c -> Sql.one(c, sql, rs -> new Row(rs.getString(1), rs.getString(2)), id))
				.map(r -> person(r.person()).merge(Scope.district(r.district())));
	}

	/** Where a person works; a person the registry cannot place is still themselves. */
	private Scope person(String personId) {
		return registry.resolve("person", personId).orElse(new Scope(null, null, personId, null));
	}

	private Optional<Scope> project(String id) {
		record Row(String owner, String community, String district) {
		}
		return store.read(c -> Sql.one(c, "SELECT owner_id, community_id, district_id FROM transfer_project WHERE id = ?",
				rs -> new Row(rs.getString(1), rs.getString(2), rs.getString(3)), id)).map(r -> (r.community() == null ? person(r.owner())
						: registry.resolve("community", r.community()).orElse(Scope.NONE).merge(new Scope(null, null, r.owner(), null)))
						.merge(Scope.district(r.district())));
	}
}
