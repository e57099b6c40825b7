package org.touyan.evaluation.internal.manage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans 红领导师 pairs to the rule of 3–4 mentees a mentor (每年帮带3—4名): as few mentors as the
 * mentees need, each loaded to the rule, the nearest mentor first. Pure: it reads nothing and stores
 * nothing, so every input shape is tested on its own.
 * <ol>
 * <li>Mentors who mentor in the year already (fewer than the maximum) are topped up first.</li>
 * <li>More mentors are taken, one at a time, only while the chosen ones lack room for the mentees:
 * {@code ceil(mentees / max)} of them, the smallest number that can hold them. Each pick is the
 * mentor nearest to most of the mentees no earlier pick is likely to take (same joint committee,
 * then the same street).</li>
 * <li>Mentees go to the chosen mentors one pass per closeness (joint committee, street, district),
 * so a near mentor is not used up by a far mentee taken earlier; the least loaded first.</li>
 * <li>A chosen mentor under the minimum then takes proposed mentees from mentors above it, the
 * mentee nearest to them and farthest from the giver first, until every mentor has the minimum
 * or no one has a mentee to spare (then there are not enough mentees, and the answer says so).</li>
 * </ol>
 */
final class MentorPlan {

	/** A 示范 secretary who may mentor, with the pairs they hold in the year already. */
	record Mentor(String personId, String communityId, int paired) {
	}

	/** A secretary to help, in the order they should be served (caretakers first). */
	record Mentee(String personId, String communityId) {
	}

	/** Where a mentee goes, and how close the mentor is. */
	record Assignment(String menteeId, String mentorId, Mentoring.Basis basis) {
	}

	/**
	 * The plan: assignments in the mentees' order, the mentees left without a mentor (no room), each
	 * mentor's load after the plan (pairs held plus proposed), and the number of mentors used.
	 */
	record Result(List<Assignment> assignments, List<String> unmatched, Map<String, Integer> loads, int mentorsUsed) {
	}

	@FunctionalInterface
	interface Closeness {
		Mentoring.Basis of(String communityA, String communityB);
	}

	private MentorPlan() {
	}

	static Result plan(List<Mentor> mentors, List<Mentee> mentees, Closeness closeness, int min, int max) {
		Map<String, Mentor> byId = new LinkedHashMap<>();
		mentors.stream().sorted(Comparator.comparing(Mentor::communityId).thenComparing(Mentor::personId)).forEach(m -> byId.put(m.personId(), m));
		Map<String, Integer> load = new LinkedHashMap<>();
		byId.values().forEach(m -> load.put(m.personId(), m.paired()));
		List<Mentor> chosen = new ArrayList<>(byId.values().stream().filter(m -> m.paired() > 0 && m.paired() < max).toList());
		int room = chosen.stream().mapToInt(m -> max - m.paired()).sum();
		Set<String> claimed = new HashSet<>();
		while (room < mentees.size()) {
			Mentor pick = byId.values().stream().filter(m -> m.paired() == 0 && !chosen.contains(m))
					.max(Comparator.comparingInt((Mentor m) -> near(m, mentees, claimed, closeness, Mentoring.Basis.JOINT_COMMITTEE))
							.thenComparingInt(m -> near(m, mentees, claimed, closeness, Mentoring.Basis.STREET))
							.thenComparing(Comparator.comparing(Mentor::communityId).reversed()))
					.orElse(null);
			if (pick == null) {
				break;
			}
			chosen.add(pick);
			room += max;
			// the mentees this mentor is likely to take count no more for the next pick
			mentees.stream().filter(e -> !claimed.contains(e.personId()) && !e.personId().equals(pick.personId()))
					.sorted(Comparator.comparing(e -> closeness.of(pick.communityId(), e.communityId())))
					.limit(max).forEach(e -> claimed.add(e.personId()));
		}

		Map<String, Assignment> chosenFor = new LinkedHashMap<>();
		for (Mentoring.Basis wanted : Mentoring.Basis.values()) {
			for (Mentee mentee : mentees) {
				if (chosenFor.containsKey(mentee.personId())) {
					continue;
				}
				chosen.stream().filter(m -> !m.personId().equals(mentee.personId())).filter(m -> load.get(m.personId()) < max)
						.filter(m -> closeness.of(m.communityId(), mentee.communityId()) == wanted)
						.min(Comparator.comparingInt((Mentor m) -> load.get(m.personId())).thenComparing(Mentor::communityId))
						.ifPresent(m -> {
							load.merge(m.personId(), 1, Integer::sum);
							chosenFor.put(mentee.personId(), new Assignment(mentee.personId(), m.personId(), wanted));
						});
			}
		}

		Map<String, Mentee> menteeById = new LinkedHashMap<>();
		mentees.forEach(e -> menteeById.put(e.personId(), e));
		while (true) {
			// the chosen mentor closest to the minimum first: one mentor left short rather than two
			Mentor under = chosen.stream().filter(m -> load.get(m.personId()) < min)
					.max(Comparator.comparingInt((Mentor m) -> load.get(m.personId())).thenComparing(Comparator.comparing(Mentor::communityId).reversed()))
					.orElse(null);
			if (under == null) {
				break;
			}
			Assignment move = chosenFor.values().stream().filter(a -> !a.mentorId().equals(under.personId()))
					.filter(a -> load.get(a.mentorId()) > min).filter(a -> !a.menteeId().equals(under.personId()))
					.min(Comparator.comparing((Assignment a) -> closeness.of(under.communityId(), menteeById.get(a.menteeId()).communityId()))
							.thenComparing(Comparator.comparing(Assignment::basis).reversed()))
					.orElse(null);
			if (move == null) {
				break;
			}
			load.merge(move.mentorId(), -1, Integer::sum);
			load.merge(under.personId(), 1, Integer::sum);
			Mentoring.Basis basis = closeness.of(under.communityId(), menteeById.get(move.menteeId()).communityId());
			chosenFor.put(move.menteeId(), new Assignment(move.menteeId(), under.personId(), basis));
		}

		List<Assignment> assignments = new ArrayList<>();
		List<String> unmatched = new ArrayList<>();
		for (Mentee mentee : mentees) {
			Assignment a = chosenFor.get(mentee.personId());
			if (a == null) {
				unmatched.add(mentee.personId());
			} else {
				assignments.add(a);
			}
		}
		int used = (int) load.values().stream().filter(n -> n > 0).count();
		return new Result(assignments, unmatched, load, used);
	}

	/** How many mentees not yet claimed are at the given closeness to a mentor. */
	private static int near(Mentor m, List<Mentee> mentees, Set<String> claimed, Closeness closeness, Mentoring.Basis basis) {
		return (int) mentees.stream().filter(e -> !claimed.contains(e.personId()) && !e.personId().equals(m.personId()))
				.filter(e -> closeness.of(m.communityId(), e.communityId()) == basis).count();
	}
}
