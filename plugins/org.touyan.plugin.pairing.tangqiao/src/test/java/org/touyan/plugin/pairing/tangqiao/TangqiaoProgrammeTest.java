package org.touyan.plugin.pairing.tangqiao;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.touyan.api.exchange.PairingProgramme.DispatchCandidate;
import org.touyan.api.exchange.PairingProgramme.TransferProject;

class TangqiaoProgrammeTest {

	private final TangqiaoProgramme programme = new TangqiaoProgramme();

	@Test
	void hasTheFourCooperationContentsOfTheAgreement() {
		assertEquals(4, programme.contents().size());
		assertEquals("挂职交流", programme.contents().get(0).name());
		assertEquals("上海市浦东新区塘桥街道", programme.partner().name());
	}

	@Test
	void saysWhyACandidateCannotBeDispatched() {
		assertTrue(programme.dispatchable(new DispatchCandidate("p", 40, 3, "骨干")).allowed());
		var verdict = programme.dispatchable(new DispatchCandidate("p", 58, 0, "潜力"));
		assertFalse(verdict.allowed());
		assertEquals(2, verdict.reasons().size());
	}

	@Test
	void gradesProjectsByTheirMilestones() {
		assertEquals("优秀", programme.assess(new TransferProject("x", "t", 4, 4, true)).grade());
		assertEquals("良好", programme.assess(new TransferProject("x", "t", 4, 4, false)).grade());
		assertEquals("推进中", programme.assess(new TransferProject("x", "t", 4, 1, false)).grade());
		assertEquals("滞后", programme.assess(new TransferProject("x", "t", 4, 0, false)).grade());
	}
}
