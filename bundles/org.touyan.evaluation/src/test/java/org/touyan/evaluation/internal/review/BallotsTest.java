package org.touyan.evaluation.internal.review;

import org.touyan.evaluation.internal.Fakes;
import org.touyan.evaluation.internal.MemoryStore;

import org.touyan.evaluation.internal.cycle.Cycle;
import org.touyan.evaluation.internal.cycle.CycleInput;
import org.touyan.evaluation.internal.cycle.Cycles;
import org.touyan.evaluation.internal.cycle.RatingRuns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touyan.api.rest.Preconditions;
import org.touyan.api.rest.ProblemException;
import org.touyan.evaluation.internal.review.Ballots.BallotInput;
import org.touyan.evaluation.internal.review.Ballots.IssueRequest;

/** The residents' review: one-time anonymous ballots per community and cycle, and the minimum. */
class BallotsTest {

	private Cycles cycles;
	private Ballots ballots;
	private Cycle cycle;

	@BeforeEach
	void setUp() throws Exception {
		Fakes fakes = new Fakes();
		MemoryStore store = new MemoryStore();
		cycles = new Cycles(store, fakes.units(), fakes.policies(), new RatingRuns(store, fakes.policies(), fakes.people(), fakes.archive()));
		ballots = new Ballots(store, fakes.units(), cycles);
		cycle = cycles.create(new CycleInput("d1", "2026-H1", null, null), "x");
	}

	private static BallotInput ballot(int score) {
		BigDecimal s = BigDecimal.valueOf(score);
		return new BallotInput(s, s, s, s, s.subtract(BigDecimal.TEN));
	}

	@Test
	void eachTokenCastsOnceAndOnlyWhileTheCycleIsOpen() {
		assertEquals(409, assertThrows(ProblemException.class, () -> ballots.issue(cycle.id(), new IssueRequest("c1", 3))).status(),
				"a draft cycle issues no ballots");
		cycles.open(cycle.id(), "x", Preconditions.tag(cycles.require(cycle.id())));
		assertEquals("count", assertThrows(ProblemException.class, () -> ballots.issue(cycle.id(), new IssueRequest("c1", 0))).field());
		assertEquals("communityId", assertThrows(ProblemException.class, () -> ballots.issue(cycle.id(), new IssueRequest("c9", 1))).field());
		List<String> tokens = ballots.issue(cycle.id(), new IssueRequest("c1", 12)).tokens();
		assertEquals(12, new HashSet<>(tokens).size(), "every token is different");

		ballots.cast(tokens.get(0), ballot(90));
		ProblemException again = assertThrows(ProblemException.class, () -> ballots.cast(tokens.get(0), ballot(10)));
		assertEquals(409, again.status());
		assertTrue(again.detail().contains("每张票只计一次"), again.detail());
		assertEquals(404, assertThrows(ProblemException.class, () -> ballots.cast("forged", ballot(10))).status());
		ProblemException range = assertThrows(ProblemException.class,
				() -> ballots.cast(tokens.get(1), new BallotInput(BigDecimal.ONE, BigDecimal.ONE, new BigDecimal("101"), BigDecimal.ONE, BigDecimal.ONE)));
		assertEquals("qin", range.field());
		ballots.cast(tokens.get(1), ballot(80));
		assertEquals(2, ballots.tally(cycle.id(), "c1").cast(), "the refused ballots stored nothing and the token stayed usable");

		cycles.closeScoring(cycle.id(), "x", Preconditions.tag(cycles.require(cycle.id())));
		assertEquals(409, assertThrows(ProblemException.class, () -> ballots.cast(tokens.get(2), ballot(70))).status());
	}

	@Test
	void theResidentsPartCountsFromTheMinimumOn() {
		cycles.open(cycle.id(), "x", Preconditions.tag(cycles.require(cycle.id())));
		List<String> tokens = ballots.issue(cycle.id(), new IssueRequest("c1", Ballots.MINIMUM + 2)).tokens();
		Ballots.Tally none = ballots.tally(cycle.id(), "c1");
		assertEquals(Ballots.MINIMUM + 2, none.issued());
		assertNull(none.mean());
		for (int i = 0; i < Ballots.MINIMUM - 1; i++) {
			ballots.cast(tokens.get(i), ballot(i % 2 == 0 ? 90 : 80));
		}
		assertFalse(ballots.tally(cycle.id(), "c1").counts());
		ballots.cast(tokens.get(Ballots.MINIMUM - 1), ballot(80));
		Ballots.Tally tally = ballots.tally(cycle.id(), "c1");
		assertTrue(tally.counts());
		assertEquals(Ballots.MINIMUM, tally.cast());
		assertEquals(new BigDecimal("85.00"), tally.means().get("de"), "five of 90, five of 80");
		assertEquals(new BigDecimal("75.00"), tally.means().get("lian"));
		assertEquals(new BigDecimal("83.00"), tally.mean());
		assertEquals(0, ballots.tally(cycle.id(), "c2").cast(), "ballots belong to their community");
	}
}
