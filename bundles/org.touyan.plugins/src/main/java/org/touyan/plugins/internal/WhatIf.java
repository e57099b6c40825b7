package org.touyan.plugins.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.touyan.api.evaluation.StarRating;
import org.touyan.api.evaluation.StarRatingFormula;
import org.touyan.api.evaluation.StarRatingInput;
import org.touyan.api.policy.Policies;
import org.touyan.api.policy.Policies.Comparison;
import org.touyan.api.policy.Policies.Scope;
import org.touyan.api.rest.ProblemException;

/**
 * Rates each case with the active and the staged version of a star formula, with the parameters
 * of the case street's binding when it binds this policy, says where the two differ, and records
 * the run in the plugin events. Nothing is stored besides the event.
 */
final class WhatIf {

	private final Policies policies;
	private final BindingStore bindings;
	private final PluginVersions versions;
	private final PluginEvents events;

	WhatIf(Policies policies, BindingStore bindings, PluginVersions versions, PluginEvents events) {
		this.policies = policies;
		this.bindings = bindings;
		this.versions = versions;
		this.events = events;
	}

	List<Views.WhatIfRow> run(String spi, String bsn, String policyId, List<Views.WhatIfCase> cases) {
		if (!Views.simpleName(StarRatingFormula.class.getName()).equals(spi) && !StarRatingFormula.class.getName().equals(spi)) {
			throw ProblemException.invalid("spi", "试算只比较星级评定公式（StarRatingFormula）", "what-if compares star-rating formulas (StarRatingFormula)");
		}
		if (cases == null || cases.isEmpty() || cases.size() > 10_000) {
			throw ProblemException.invalid("cases", "试算案例应为 1 至 10000 个", "between 1 and 10,000 cases");
		}
		String spiName = StarRatingFormula.class.getName();
		List<Views.WhatIfRow> rows = new ArrayList<>();
		for (Views.WhatIfCase c : cases) {
			Map<String, String> params = bindings.resolve(spiName, new Scope(null, c.streetId()))
					.filter(b -> b.bsn().equals(bsn) && b.policyId().equals(policyId)).map(Binding::parameters).orElse(Map.of());
			StarRatingInput input = new StarRatingInput(c.communityId(), c.streetId(), c.period(), c.scores(), params);
			Comparison<StarRating> r = policies.compare(StarRatingFormula.class, bsn, policyId, params, (f, p) -> f.rate(input));
			rows.add(new Views.WhatIfRow(c.communityId(), r.current().value().stars(), r.candidate().value().stars(),
					r.current().value().score(), r.candidate().value().score(),
					r.current().value().stars() != r.candidate().value().stars()));
		}
		long changed = rows.stream().filter(Views.WhatIfRow::changed).count();
		events.record(bsn, versions.staged(bsn).orElse("?"), "what-if", "DONE", rows.size() + " case(s) compared with "
				+ versions.active(bsn).orElse("?") + "; " + changed + " change stars");
		return rows;
	}
}
