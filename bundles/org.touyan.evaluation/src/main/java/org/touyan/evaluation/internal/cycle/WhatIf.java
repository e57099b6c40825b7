package org.touyan.evaluation.internal.cycle;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.touyan.api.evaluation.StarRating;
import org.touyan.api.evaluation.StarRatingFormula;
import org.touyan.api.evaluation.StarRatingInput;
import org.touyan.api.policy.Policies;
import org.touyan.api.policy.Policies.Comparison;
import org.touyan.api.rest.Nullable;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.store.Store;

/**
 * What-if on a cycle's stored scores: every scored community of the cycle is rated by the active
 * and by the staged version of a star formula, before the district decides to promote it. Nothing
 * is stored; the cycle's own ratings stay those of its pinned versions.
 */
@Component(service = WhatIf.class)
public class WhatIf {

	/** What a client asks: which plugin's formula to compare. */
	public record Request(String bsn, String policyId) {
	}

	/** One community: the stars and scores of both versions. */
	public record Row(String communityId, String streetId, int currentStars, int candidateStars, @Nullable BigDecimal currentScore,
			@Nullable BigDecimal candidateScore, boolean changed) {
	}

	/** The report: which versions were compared, on how many communities, and where they differ. */
	public record Report(String cycleId, String bsn, String policyId, @Nullable String currentVersion, @Nullable String candidateVersion,
			int compared, long changed, List<Row> rows) {
	}

	private final Store store;
	private final Cycles cycles;
	private final Policies policies;

	@Activate
	public WhatIf(@Reference(target = "(touyan.schema=evaluation)") Store store, @Reference Cycles cycles,
			@Reference Policies policies) {
		this.store = store;
		this.cycles = cycles;
		this.policies = policies;
	}

	public Report compare(String cycleId, Request request) {
		Cycle cycle = cycles.require(cycleId);
		if (request == null || request.bsn() == null || request.bsn().isBlank()) {
			throw ProblemException.invalid("bsn", "请填写评星公式插件的符号名（bsn）", "bsn (the formula plugin's symbolic name) is required");
		}
		if (request.policyId() == null || request.policyId().isBlank()) {
			throw ProblemException.invalid("policyId", "请填写评星公式的策略 id（policyId）", "policyId (the formula's policy id) is required");
		}
		List<ScoreCards.Card> scored = store.read(c -> ScoreCards.read(c, cycleId));
		if (scored.isEmpty()) {
			throw new ProblemException(409, "Conflict", "本周期尚无已录入的分数，无法比较", "The cycle has no stored scores to compare on", null);
		}
		List<Row> rows = new ArrayList<>();
		String current = null;
		String candidate = null;
		for (ScoreCards.Card card : scored) {
			StarRatingInput input = new StarRatingInput(card.communityId(), card.streetId(), cycle.period(), card.scores(), Map.of());
			Comparison<StarRating> r = policies.compare(StarRatingFormula.class, request.bsn(), request.policyId(), Map.of(),
					(formula, parameters) -> formula.rate(input));
			current = r.current().provenance().version();
			candidate = r.candidate().provenance().version();
			StarRating a = r.current().value();
			StarRating b = r.candidate().value();
			rows.add(new Row(card.communityId(), card.streetId(), a.stars(), b.stars(), a.score(), b.score(), a.stars() != b.stars()));
		}
		return new Report(cycleId, request.bsn(), request.policyId(), current, candidate, rows.size(),
				rows.stream().filter(Row::changed).count(), rows);
	}
}
