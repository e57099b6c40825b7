package org.touyan.evaluation.internal.cycle;

import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.touyan.api.security.Scope;
import org.touyan.api.security.ScopeResolver;
import org.touyan.api.store.Sql;
import org.touyan.api.store.Store;

/**
 * Places the evaluation bundle's district-wide resources for authorization: a cycle, a mentoring
 * pair and a negative-list incident each belong to their district, so another district's
 * administrator is told they do not exist. Each is one query.
 */
@Component(property = { ScopeResolver.KINDS + "=cycle", ScopeResolver.KINDS + "=mentoring-pairing",
		ScopeResolver.KINDS + "=incident" })
public class EvaluationScopes implements ScopeResolver {

	private final Store store;

	@Activate
	public EvaluationScopes(@Reference(target = "(touyan.schema=evaluation)") Store store) {
		this.store = store;
	}

	@Override
	public Optional<Scope> resolve(String kind, String id) {
		String table = switch (kind) {
			case "cycle" -> "eval_cycle";
			case "mentoring-pairing" -> "eval_mentorship";
			case "incident" -> "eval_incident";
			default -> null;
		};
		if (table == null) {
			return Optional.empty();
		}
		return store.read(c -> Sql.one(c, "SELECT district_id FROM " + table + " WHERE id = ?", rs -> Scope.district(rs.getString(1)), id));
	}
}
