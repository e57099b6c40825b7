package org.touyan.plugin.training.microlecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.touyan.api.training.Attendance;

class MicroLectureTest {

	private final MicroLecture brand = new MicroLecture();

	private static Attendance attended(String format, String session, String attended) {
		return new Attendance("p1", format, new BigDecimal(session), new BigDecimal(attended));
	}

	@Test
	void earnsTheHoursAttendedButNeverMoreThanOneCredit() {
		assertEquals(0, new BigDecimal("1").compareTo(brand.credit(attended("微讲堂", "1.5", "1.5"))));
		assertEquals(0, new BigDecimal("0.5").compareTo(brand.credit(attended("互评", "1", "0.5"))));
	}

	@Test
	void refusesMoreHoursThanTheSessionOrAnUnknownFormat() {
		assertThrows(IllegalArgumentException.class, () -> brand.credit(attended("微讲堂", "1", "1.5")));
		assertThrows(IllegalArgumentException.class, () -> brand.credit(attended("网络直播", "2", "1")));
	}
}
