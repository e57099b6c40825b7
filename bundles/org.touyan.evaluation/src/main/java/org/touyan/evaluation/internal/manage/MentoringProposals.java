package org.touyan.evaluation.internal.manage;

import org.touyan.evaluation.internal.cycle.Cycle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.touyan.api.evaluation.SecretaryType;
import org.touyan.api.registry.District;
import org.touyan.api.rest.ProblemException;

/** Proposals of 结对帮带 pairs for a district's year, planned by {@link MentorPlan}; nothing is stored. */
final class MentoringProposals {

	private final MentoringBasis basis;
	private final MentoringPairs pairs;

	MentoringProposals(MentoringBasis basis, MentoringPairs pairs) {
		this.basis = basis;
		this.pairs = pairs;
	}

	Mentoring.Proposal propose(Mentoring.ProposalRequest request) {
		if (request == null) {
			throw ProblemException.invalid(null, "请求须带 JSON 正文：districtId、year", "A JSON body is required: districtId, year");
		}
		District district = basis.district(request.districtId());
		int year = MentoringBasis.year(request.year());
		Cycle cycle = basis.requireBasis(district);
		Map<String, Classifications.Placement> placed = basis.placements(cycle);
		Map<String, Integer> paired = new HashMap<>();
		Set<String> mentored = new HashSet<>();
		for (Mentoring.Pairing p : pairs.active(district.id(), year)) {
			paired.merge(p.mentor().personId(), 1, Integer::sum);
			mentored.add(p.mentee().personId());
		}
		List<Classifications.Placement> mentors = placed.values().stream().filter(p -> p.type() == SecretaryType.MODEL)
				.sorted(Comparator.comparing(Classifications.Placement::communityId)).toList();
		// caretakers first: they need the help most when mentors run short
		List<Classifications.Placement> mentees = placed.values().stream()
				.filter(p -> p.type().helped() && !mentored.contains(p.personId()))
				.sorted(Comparator.comparing((Classifications.Placement p) -> p.type() == SecretaryType.CARETAKER ? 0 : 1)
						.thenComparing(Classifications.Placement::communityId))
				.toList();
		MentorPlan.Result plan = MentorPlan.plan(
				mentors.stream().map(m -> new MentorPlan.Mentor(m.personId(), m.communityId(), paired.getOrDefault(m.personId(), 0))).toList(),
				mentees.stream().map(m -> new MentorPlan.Mentee(m.personId(), m.communityId())).toList(), basis.closeness(district.id()),
				Mentoring.MIN_MENTEES, Mentoring.MAX_MENTEES);

		Function<String, String> names = basis.names();
		List<Mentoring.Proposed> proposed = new ArrayList<>();
		Map<String, Integer> proposedOf = new HashMap<>();
		for (MentorPlan.Assignment a : plan.assignments()) {
			proposed.add(new Mentoring.Proposed(MentoringBasis.member(placed.get(a.mentorId()), names),
					MentoringBasis.member(placed.get(a.menteeId()), names), a.basis().name(), a.basis().displayName));
			proposedOf.merge(a.mentorId(), 1, Integer::sum);
		}
		List<Mentoring.Member> unmatched = plan.unmatched().stream().map(id -> MentoringBasis.member(placed.get(id), names)).toList();
		List<Mentoring.ProposedLoad> loads = new ArrayList<>();
		for (Classifications.Placement m : mentors) {
			int held = paired.getOrDefault(m.personId(), 0);
			int more = proposedOf.getOrDefault(m.personId(), 0);
			Mentoring.LoadRule rule = Mentoring.LoadRule.of(held + more);
			loads.add(new Mentoring.ProposedLoad(MentoringBasis.member(m, names), held, more, held + more, rule.name(), rule.displayName,
					reason(rule, held + more, mentees.size(), plan.mentorsUsed())));
		}
		return new Mentoring.Proposal(district.id(), year, cycle.id(), cycle.period(), Mentoring.MIN_MENTEES, Mentoring.MAX_MENTEES,
				proposed, unmatched, loads, loads.stream().filter(l -> l.mentees() < Mentoring.MIN_MENTEES).toList());
	}

	/** Why a mentor stays under the minimum: the secretaries to help do not go round. */
	private static String reason(Mentoring.LoadRule rule, int mentees, int toHelp, int used) {
		String fill = toHelp + " secretaries to help this year need " + used + " 红领导师 at " + Mentoring.MIN_MENTEES + "–"
				+ Mentoring.MAX_MENTEES + " each";
		return switch (rule) {
			case IDLE -> "not needed (mentees not enough for more mentors): " + fill;
			case BELOW_MINIMUM -> "not enough mentees: " + fill + ", which leaves this mentor " + mentees;
			default -> null;
		};
	}
}
