package org.touyan.evaluation.internal.manage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The 结对帮带 plan holds the rule of 3–4 mentees a mentor with as few mentors as the mentees need. */
class MentorPlanTest {

	/** Communities are "street/committee/n": the same committee is closest, then the same street. */
	private static final MentorPlan.Closeness CLOSENESS = (a, b) -> {
		String[] x = a.split("/");
		String[] y = b.split("/");
		return x[0].equals(y[0]) && x[1].equals(y[1]) ? Mentoring.Basis.JOINT_COMMITTEE
				: x[0].equals(y[0]) ? Mentoring.Basis.STREET : Mentoring.Basis.DISTRICT;
	};

	private static MentorPlan.Result plan(List<MentorPlan.Mentor> mentors, List<MentorPlan.Mentee> mentees) {
		MentorPlan.Result r = MentorPlan.plan(mentors, mentees, CLOSENESS, 3, 4);
		assertEquals(mentees.size(), r.assignments().size() + r.unmatched().size(), "every mentee is planned or left unmatched");
		assertEquals(r.assignments().size(), r.assignments().stream().map(MentorPlan.Assignment::menteeId).distinct().count());
		return r;
	}

	private static List<MentorPlan.Mentor> mentors(String... communities) {
		List<MentorPlan.Mentor> out = new ArrayList<>();
		for (int i = 0; i < communities.length; i++) {
			out.add(new MentorPlan.Mentor("m" + i, communities[i], 0));
		}
		return out;
	}

	private static List<MentorPlan.Mentee> mentees(String... communities) {
		List<MentorPlan.Mentee> out = new ArrayList<>();
		for (int i = 0; i < communities.length; i++) {
			out.add(new MentorPlan.Mentee("e" + i, communities[i]));
		}
		return out;
	}

	private static List<Integer> usedLoads(MentorPlan.Result r) {
		return r.loads().values().stream().filter(n -> n > 0).sorted().toList();
	}

	@Test
	void theDemoShapeUsesSixMentorsAtFourInsteadOfElevenUnevenly() {
		// 11 model secretaries over 5 streets, 24 potential and caretaker secretaries: the shape that gave 4,1,4,1,4,1,1,4,0,3,1
		List<MentorPlan.Mentor> m = mentors("s1/j1/01", "s1/j1/02", "s1/j2/03", "s2/j3/04", "s2/j3/05", "s2/j4/06", "s3/j5/07", "s3/j5/08",
				"s4/j6/09", "s5/j7/10", "s5/j7/11");
		List<String> ks = new ArrayList<>();
		String[] streets = { "s1/j1", "s1/j2", "s2/j3", "s2/j4", "s3/j5", "s4/j6", "s5/j7", "s5/j8" };
		for (int i = 0; i < 24; i++) {
			ks.add(streets[i % streets.length] + "/" + (20 + i));
		}
		MentorPlan.Result r = plan(m, mentees(ks.toArray(String[]::new)));
		assertEquals(List.of(4, 4, 4, 4, 4, 4), usedLoads(r), r.loads().toString());
		assertEquals(6, r.mentorsUsed());
		assertEquals(List.of(), r.unmatched());
		assertEquals(5, r.loads().values().stream().filter(n -> n == 0).count(), "five stay idle: 24 mentees need no more mentors");
	}

	@Test
	void sevenMenteesGoToTwoMentorsAtFourAndThree() {
		MentorPlan.Result r = plan(mentors("s1/j1/01", "s1/j2/02", "s2/j3/03"), mentees("s1/j1/10", "s1/j1/11", "s1/j1/12", "s1/j2/13",
				"s2/j3/14", "s2/j3/15", "s2/j3/16"));
		assertEquals(List.of(3, 4), usedLoads(r));
		Map<String, String> mentorOf = r.assignments().stream().collect(Collectors.toMap(MentorPlan.Assignment::menteeId, MentorPlan.Assignment::mentorId));
		assertEquals("m2", mentorOf.get("e4"), "the mentor of the same joint committee");
		assertEquals(0, r.loads().get("m1"), "the third mentor is not needed");
	}

	@Test
	void fiveMenteesCannotAllBeAtThreeSoOneMentorStaysShort() {
		MentorPlan.Result r = plan(mentors("s1/j1/01", "s2/j2/02", "s3/j3/03"), mentees("s1/j1/10", "s1/j1/11", "s1/j1/12", "s1/j1/13",
				"s2/j2/14"));
		assertEquals(List.of(2, 3), usedLoads(r), "the one who had four gives one up to the one who had one");
		assertEquals(2, r.mentorsUsed());
	}

	@Test
	void twoMenteesNeedOneMentor() {
		MentorPlan.Result r = plan(mentors("s1/j1/01", "s2/j2/02"), mentees("s1/j1/10", "s2/j2/11"));
		assertEquals(List.of(2), usedLoads(r));
	}

	@Test
	void mentorsWhoMentorAlreadyAreToppedUpFirstAndAFullOneGetsNone() {
		List<MentorPlan.Mentor> m = List.of(new MentorPlan.Mentor("held", "s2/j2/01", 2), new MentorPlan.Mentor("full", "s1/j1/02", 4),
				new MentorPlan.Mentor("free", "s1/j1/03", 0));
		MentorPlan.Result r = plan(m, mentees("s1/j1/10"));
		assertEquals("held", r.assignments().get(0).mentorId(), "the mentor with two takes the third, however far");
		assertEquals(Mentoring.Basis.DISTRICT, r.assignments().get(0).basis());
		assertEquals(3, r.loads().get("held"));
		assertEquals(4, r.loads().get("full"));
		assertEquals(0, r.loads().get("free"));
	}

	@Test
	void moreMenteesThanRoomLeavesTheLastUnmatched() {
		MentorPlan.Result r = plan(mentors("s1/j1/01", "s2/j2/02"), mentees("s1/j1/10", "s1/j1/11", "s1/j1/12", "s1/j1/13", "s1/j1/14",
				"s2/j2/15", "s2/j2/16", "s2/j2/17", "s2/j2/18", "s2/j2/19"));
		assertEquals(List.of(4, 4), usedLoads(r));
		assertEquals(2, r.unmatched().size());
		assertTrue(r.assignments().stream().allMatch(a -> a.basis() == Mentoring.Basis.JOINT_COMMITTEE), "room goes to the nearest first");
	}

	@Test
	void aShortMentorTakesTheMenteeFarthestFromItsGiver() {
		// m0 is near to all of s1's mentees; m1 (s2) has one of its own and takes s1's mentees of another committee before m0's own
		MentorPlan.Result r = plan(mentors("s1/j1/01", "s2/j2/02"), mentees("s1/j1/10", "s1/j1/11", "s1/j1/12", "s1/j9/13", "s1/j9/14",
				"s2/j2/15"));
		Map<String, MentorPlan.Assignment> of = new HashMap<>();
		r.assignments().forEach(a -> of.put(a.menteeId(), a));
		assertEquals(List.of(3, 3), usedLoads(r));
		assertEquals("m0", of.get("e0").mentorId());
		assertEquals("m0", of.get("e1").mentorId());
		assertEquals("m0", of.get("e2").mentorId());
		assertEquals("m1", of.get("e3").mentorId());
		assertEquals("m1", of.get("e4").mentorId());
		assertEquals(Mentoring.Basis.DISTRICT, of.get("e4").basis());
	}
}
