package org.touyan.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class ThrottleTest {

	private Instant now = Instant.parse("2026-11-28T08:00:00Z");
	private final Throttle throttle = new Throttle(new Clock() {
		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}
	});

	@Test
	void fiveFailuresLockTheNameForThirtySecondsAndEachMoreDoublesIt() {
		for (int i = 0; i < 4; i++) {
			throttle.failed("Admin");
		}
		assertEquals(Duration.ZERO, throttle.lockedFor("admin"));
		throttle.failed("admin ");
		assertEquals(Duration.ofSeconds(30), throttle.lockedFor("ADMIN"));
		now = now.plusSeconds(31);
		assertEquals(Duration.ZERO, throttle.lockedFor("admin"));
		throttle.failed("admin");
		assertEquals(Duration.ofSeconds(60), throttle.lockedFor("admin"));
	}

	@Test
	void theLockNeverExceedsFifteenMinutesAndASuccessClearsIt() {
		for (int i = 0; i < 40; i++) {
			throttle.failed("nobody");
		}
		assertEquals(Duration.ofMinutes(15), throttle.lockedFor("nobody"));
		throttle.succeeded("nobody");
		assertEquals(Duration.ZERO, throttle.lockedFor("nobody"));
	}

	@Test
	void namesAreCountedApart() {
		for (int i = 0; i < 5; i++) {
			throttle.failed("a");
		}
		assertEquals(Duration.ZERO, throttle.lockedFor("b"));
	}
}
