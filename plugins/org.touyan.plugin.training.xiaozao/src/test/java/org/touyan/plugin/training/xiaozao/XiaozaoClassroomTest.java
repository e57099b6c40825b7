package org.touyan.plugin.training.xiaozao;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.touyan.api.training.Attendance;

class XiaozaoClassroomTest {

	private final XiaozaoClassroom brand = new XiaozaoClassroom();

	private static Attendance attended(String format, String session, String attended) {
		return new Attendance("p1", format, new BigDecimal(session), new BigDecimal(attended));
	}

	@Test
	void creditsWholeHalfHoursAttended() {
		assertEquals(new BigDecimal("1.5"), brand.credit(attended("案例研讨", "2", "1.9")));
		assertEquals(new BigDecimal("2.0"), brand.credit(attended("专题讲座", "2", "2")));
	}

	@Test
	void refusesMoreHoursThanTheSessionOrAnUnknownFormat() {
		assertThrows(IllegalArgumentException.class, () -> brand.credit(attended("专题讲座", "2", "3")));
		assertThrows(IllegalArgumentException.class, () -> brand.credit(attended("网络直播", "2", "1")));
	}

	@Test
	void reportsTopicTeacherAndParticipants() {
		assertEquals(4, brand.reportFields().size());
		assertEquals("课程主题", brand.reportFields().get(0).name());
	}
}
