package org.touyan.evaluation.internal.manage;

import org.touyan.evaluation.internal.cycle.Cycle;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.touyan.api.evaluation.SecretaryType;
import org.touyan.api.store.Sql;
import org.touyan.api.store.Store;

/** Coverage of 结对帮带: who of a cycle's 潜力/守摊 secretaries has a mentor, and each mentor's load against 3–4. */
final class MentoringCoverage {

	private final Store store;
	private final MentoringBasis basis;

	MentoringCoverage(Store store, MentoringBasis basis) {
		this.store = store;
		this.basis = basis;
	}

	Mentoring.Coverage coverage(Cycle cycle) {
		Map<String, Classifications.Placement> placed = basis.placements(cycle);
		Function<String, String> names = basis.names();
		Map<String, Integer> load = new HashMap<>();
		Set<String> mentored = new HashSet<>();
		store.read(c -> Sql.query(c, "SELECT mentor_id, mentee_id FROM eval_mentorship WHERE basis_cycle_id = ? AND status = 'ACTIVE'", rs -> {
			load.merge(rs.getString(1), 1, Integer::sum);
			mentored.add(rs.getString(2));
			return null;
		}, cycle.id()));
		Map<String, String> streetOf = basis.streets(cycle.districtId());
		Map<String, int[]> byStreet = new TreeMap<>();
		int helped = 0;
		int covered = 0;
		List<Mentoring.MentorLoad> mentors = new ArrayList<>();
		int[] byRule = new int[Mentoring.LoadRule.values().length];
		for (Classifications.Placement p : placed.values()) {
			if (p.type().helped()) {
				int yes = mentored.contains(p.personId()) ? 1 : 0;
				helped++;
				covered += yes;
				int[] n = byStreet.computeIfAbsent(String.valueOf(streetOf.get(p.communityId())), k -> new int[2]);
				n[0]++;
				n[1] += yes;
			} else if (p.type() == SecretaryType.MODEL) {
				int n = load.getOrDefault(p.personId(), 0);
				Mentoring.LoadRule rule = Mentoring.LoadRule.of(n);
				byRule[rule.ordinal()]++;
				mentors.add(new Mentoring.MentorLoad(MentoringBasis.member(p, names), n, rule.name(), rule.displayName,
						rule == Mentoring.LoadRule.BELOW_MINIMUM, rule == Mentoring.LoadRule.ABOVE_MAXIMUM));
			}
		}
		mentors.sort(Comparator.comparing((Mentoring.MentorLoad m) -> m.mentor().communityId()));
		List<Mentoring.StreetCoverage> streets = new ArrayList<>();
		byStreet.forEach((street, n) -> streets.add(new Mentoring.StreetCoverage(street, n[0], n[1], share(n[1], n[0]))));
		Mentoring.MentorCounts counts = new Mentoring.MentorCounts(Mentoring.MIN_MENTEES, Mentoring.MAX_MENTEES,
				mentors.size() - byRule[Mentoring.LoadRule.IDLE.ordinal()], byRule[Mentoring.LoadRule.WITHIN.ordinal()],
				byRule[Mentoring.LoadRule.BELOW_MINIMUM.ordinal()], byRule[Mentoring.LoadRule.ABOVE_MAXIMUM.ordinal()],
				byRule[Mentoring.LoadRule.IDLE.ordinal()]);
		return new Mentoring.Coverage(cycle.districtId(), cycle.id(), cycle.period(), helped, covered, share(covered, helped), streets, mentors,
				counts);
	}

	private static BigDecimal share(int part, int whole) {
		return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
	}
}
