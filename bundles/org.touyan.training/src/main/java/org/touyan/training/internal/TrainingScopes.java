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
		ScopeResolver.KINDS + "=shadowing", ScopeResolver.KINDS + "=dispatch", ScopeResolver.KINDS + "=project" })
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
			case "programme" -> street("SELECT street_id FROM training_programme WHERE id = ?", id);
			case "course" -> street("SELECT p.street_id FROM training_course c JOIN training_programme p ON p.id = c.programme_id"
					+ " WHERE c.id = ?", id);
			case "session" -> street("SELECT p.street_id FROM training_session s JOIN training_course c ON c.id = s.course_id"
					+ " JOIN training_programme p ON p.id = c.programme_id WHERE s.id = ?", id);
			case "shadowing" -> person("SELECT person_id FROM shadowing_placement WHERE id = ?", id);
			case "dispatch" -> person("SELECT person_id FROM pairing_dispatch WHERE id = ?", id);
			case "project" -> project(id);
			default -> Optional.empty();
		};
	}

	private Optional<Scope> street(String sql, String id) {
		return store.read(c -> Sql.one(c, sql, rs -> new Scope(rs.getString(1), null, null, null), id));
	}

	private Optional<Scope> person(String sql, String id) {
		return store.read(c -> Sql.one(c, sql, rs -> rs.getString(1), id)).map(this::person);
	}

	/** Where a person works; a person the registry cannot place is still themselves. */
	private Scope person(String personId) {
		return registry.resolve("person", personId).orElse(new Scope(null, null, personId, null));
	}

	private Optional<Scope> project(String id) {
		record Row(String owner, String community) {
		}
		return store.read(c -> Sql.one(c, "SELECT owner_id, community_id FROM transfer_project WHERE id = ?",
				rs -> new Row(rs.getString(1), rs.getString(2)), id)).map(r -> r.community() == null ? person(r.owner())
						: registry.resolve("community", r.community()).orElse(Scope.NONE).merge(new Scope(null, null, r.owner(), null)));
	}
}
