package org.touyan.plugin.training.nightschool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.touyan.api.training.Attendance;

class LakesideNightSchoolTest {

	private final LakesideNightSchool brand = new LakesideNightSchool();

	private static Attendance attended(String format, String session, String attended) {
		return new Attendance("p1", format, new BigDecimal(session), new BigDecimal(attended));
	}

	@Test
	void creditsWholeHoursAttended() {
		assertEquals(0, new BigDecimal("1").compareTo(brand.credit(attended("夜校讲座", "2", "1.8"))));
		assertEquals(0, new BigDecimal("2").compareTo(brand.credit(attended("小组讨论", "2", "2"))));
	}

	@Test
	void refusesMoreHoursThanTheSessionOrAnUnknownFormat() {
		assertThrows(IllegalArgumentException.class, () -> brand.credit(attended("夜校讲座", "1", "1.5")));
		assertThrows(IllegalArgumentException.class, () -> brand.credit(attended("网络直播", "2", "1")));
	}
}
