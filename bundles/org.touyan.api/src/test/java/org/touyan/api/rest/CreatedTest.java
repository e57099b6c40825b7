package org.touyan.api.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CreatedTest {

	@Test
	void theLocationIsThePathWithEachSegmentOnItsOwn() {
		assertEquals("evaluation-cycles/c1/ballots/k-2", Created.location("evaluation-cycles", "c1", "ballots", "k-2").toString());
		assertEquals("training/plans/3f2a", Created.location("training/plans", "3f2a").toString());
	}

	@Test
	void anIdNeverChangesThePath() {
		// a slash, a query or a Chinese name stay inside their segment
		assertEquals("plugins/a%2Fb%3Fc", Created.location("plugins", "a/b?c").toString());
		assertEquals("store/backups/%E5%A4%87%E4%BB%BD.zip", Created.location("store/backups", "备份.zip").toString());
	}
}
