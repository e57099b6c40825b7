package org.touyan.plugin.training.theatre;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.touyan.api.training.Attendance;

class GovernanceTheatreTest {

	private final GovernanceTheatre brand = new GovernanceTheatre();

	private static Attendance attended(String format, String session, String attended) {
		return new Attendance("p1", format, new BigDecimal(session), new BigDecimal(attended));
	}

	@Test
	void aScenePlayedThroughEarnsOneAndAHalfAnHourADiscussionOne() {
		assertEquals(new BigDecimal("3.0"), brand.credit(attended("情景剧", "2", "2")));
		assertEquals(new BigDecimal("1.5"), brand.credit(attended("复盘研讨", "2", "1.5")));
	}

	@Test
	void lessThanHalfTheSessionEarnsNothing() {
		assertEquals(BigDecimal.ZERO, brand.credit(attended("情景剧", "2", "0.9")));
	}

	@Test
	void refusesMoreHoursThanTheSessionOrAnUnknownFormat() {
		assertThrows(IllegalArgumentException.class, () -> brand.credit(attended("情景剧", "2", "2.5")));
		assertThrows(IllegalArgumentException.class, () -> brand.credit(attended("专题讲座", "2", "1")));
	}
}
