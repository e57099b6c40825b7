package org.touyan.plugin.training.workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.touyan.api.training.Attendance;

class HappinessWorkshopTest {

	private final HappinessWorkshop brand = new HappinessWorkshop();

	private static Attendance attended(String format, String session, String attended) {
		return new Attendance("p1", format, new BigDecimal(session), new BigDecimal(attended));
	}

	@Test
	void stayingToTheEndEarnsHalfACreditMore() {
		assertEquals(0, new BigDecimal("2.5").compareTo(brand.credit(attended("工作坊", "2", "2"))));
		assertEquals(0, new BigDecimal("1").compareTo(brand.credit(attended("实地走访", "2", "1.3"))));
	}

	@Test
	void refusesMoreHoursThanTheSessionOrAnUnknownFormat() {
		assertThrows(IllegalArgumentException.class, () -> brand.credit(attended("工作坊", "1", "1.5")));
		assertThrows(IllegalArgumentException.class, () -> brand.credit(attended("网络直播", "2", "1")));
	}
}
