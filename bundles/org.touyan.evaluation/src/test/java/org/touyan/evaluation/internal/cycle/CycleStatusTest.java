package org.touyan.evaluation.internal.cycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.touyan.api.rest.ProblemException;

class CycleStatusTest {

	@Test
	void aCycleMovesOneStepAtATime() {
		assertEquals(CycleStatus.OPEN, CycleStatus.DRAFT.next());
		assertEquals(CycleStatus.SCORING_CLOSED, CycleStatus.OPEN.next());
		assertEquals(CycleStatus.PUBLISHED, CycleStatus.SCORING_CLOSED.next());
		assertEquals(CycleStatus.ARCHIVED, CycleStatus.PUBLISHED.next());
		assertNull(CycleStatus.ARCHIVED.next());
		for (CycleStatus s : CycleStatus.values()) {
			if (s.next() != null) {
				s.requireTransition(s.next());
			}
		}
	}

	@Test
	void illegalTransitionsAreConflictsThatSayWhy() {
		ProblemException skip = assertThrows(ProblemException.class, () -> CycleStatus.DRAFT.requireTransition(CycleStatus.PUBLISHED));
		assertEquals(409, skip.status());
		assertTrue(skip.detail().contains("下一步是评分中（OPEN）"), skip.detail());
		assertTrue(skip.detail(java.util.Locale.ENGLISH).contains("the next step is OPEN"), skip.detail(java.util.Locale.ENGLISH));
		ProblemException back = assertThrows(ProblemException.class, () -> CycleStatus.SCORING_CLOSED.requireTransition(CycleStatus.OPEN));
		assertTrue(back.detail().contains("SCORING_CLOSED") && back.detail().contains("PUBLISHED"), back.detail());
		ProblemException end = assertThrows(ProblemException.class, () -> CycleStatus.ARCHIVED.requireTransition(CycleStatus.DRAFT));
		assertTrue(end.detail(java.util.Locale.ENGLISH).contains("final"), end.detail());
		assertTrue(end.detail().contains("已归档的周期不再变化"), end.detail());
		assertThrows(ProblemException.class, () -> CycleStatus.OPEN.requireTransition(CycleStatus.OPEN));
	}

	@Test
	void scoresOnlyWhileOpen() {
		CycleStatus.OPEN.requireScoring();
		for (CycleStatus s : new CycleStatus[] { CycleStatus.DRAFT, CycleStatus.SCORING_CLOSED, CycleStatus.PUBLISHED, CycleStatus.ARCHIVED }) {
			ProblemException e = assertThrows(ProblemException.class, s::requireScoring);
			assertEquals(409, e.status());
			assertTrue(e.detail().contains("只有评分中（OPEN）的周期"), e.detail());
		}
	}
}
