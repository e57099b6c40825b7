package org.touyan.evaluation.internal.cycle;

import java.math.BigDecimal;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.touyan.api.evaluation.StarRating;
import org.touyan.api.evaluation.StarRatingFormula;
import org.touyan.api.evaluation.StarRatingInput;
import org.touyan.api.policy.Policies;
import org.touyan.api.policy.Policies.Result;
import org.touyan.api.policy.Policies.Scope;
import org.touyan.api.policy.PolicyFailureException;
import org.touyan.api.registry.OrgUnits;
import org.touyan.api.registry.Street;
import org.touyan.api.rest.ProblemException;

/**
 * Rates a community with the formula bound for its street, and refuses an answer out of range
 * (stars outside 1–5, no score, no explanation) as a failure of that formula, never as a result.
 */
@Component(service = StarRatings.class)
public class StarRatings {

	private final Policies policies;
	private final OrgUnits units;

	@Activate
	public StarRatings(@Reference Policies policies, @Reference OrgUnits units) {
		this.policies = policies;
		this.units = units;
	}

	/** Rates with the formula bound now, or pinned for {@code cycle} when it is not null. */
	public Result<StarRating> rate(String communityId, String streetId, String period, Map<String, BigDecimal> scores,
			String cycle) {
		Street street = units.street(streetId).orElseThrow(() -> ProblemException.invalid("streetId",
				"没有这个街道：" + streetId, "No street with id '" + streetId + "'"));
		Result<StarRating> result = policies.apply(StarRatingFormula.class, new Scope(street.districtId(), street.id()), cycle,
				(formula, parameters) -> formula.rate(new StarRatingInput(communityId, streetId, period, scores, parameters)));
		StarRating r = result.value();
		if (r == null || r.score() == null) {
			throw new PolicyFailureException(result.provenance(), "未答复得分", "answered no score");
		}
		if (r.stars() < 1 || r.stars() > 5) {
			throw new PolicyFailureException(result.provenance(), "答复了 " + r.stars() + " 星，不在 1–5 星之间",
					"answered " + r.stars() + " stars, outside 1–5");
		}
		if (r.explanation() == null || r.explanation().isBlank()) {
			throw new PolicyFailureException(result.provenance(), "答复缺少说明", "answered without an explanation");
		}
		return result;
	}
}
