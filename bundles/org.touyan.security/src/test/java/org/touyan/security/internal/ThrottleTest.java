package org.touyan.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class ThrottleTest {

	private Instant now = Instant.parse("2026-11-28T08:00:00Z");
	private final MemoryStore store = new MemoryStore();
	private final Clock clock = new Clock() {
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
	};
	private final Throttle throttle = new Throttle(store, clock);

	ThrottleTest() throws Exception {
	}

	/** Two nodes on one database (or one node before and after a restart) count the same failures. */
	@Test
	void everyNodeAndARestartSeeTheSameLock() {
		Throttle other = new Throttle(store, clock);
		for (int i = 0; i < 3; i++) {
			throttle.attempt("admin");
		}
		other.attempt("admin");
		other.attempt("admin");
		assertEquals(Duration.ofSeconds(30), new Throttle(store, clock).attempt("admin"), "the fifth failure counted on the other node locks");
		assertEquals(Duration.ofSeconds(30), throttle.attempt("Admin"));
	}

	@Test
	void fiveAttemptsLockTheNameForThirtySecondsAndEachMoreDoublesIt() {
		for (int i = 0; i < 4; i++) {
			assertEquals(Duration.ZERO, throttle.attempt("Admin"));
		}
		assertEquals(Duration.ZERO, throttle.attempt("admin "), "the fifth attempt is still checked");
		assertEquals(Duration.ofSeconds(30), throttle.attempt("ADMIN"), "attempts are counted before they are checked");
		now = now.plusSeconds(31);
		assertEquals(Duration.ZERO, throttle.attempt("admin"));
		assertEquals(Duration.ofSeconds(60), throttle.attempt("admin"));
	}

	@Test
	void theLockNeverExceedsFifteenMinutesAndASuccessClearsIt() {
		for (int i = 0; i < 20; i++) {
			throttle.attempt("nobody");
			now = now.plus(Duration.ofMinutes(16));
		}
		throttle.attempt("nobody");
		assertEquals(Duration.ofMinutes(15), throttle.attempt("nobody"));
		throttle.succeeded("nobody");
		assertEquals(Duration.ZERO, throttle.attempt("nobody"));
	}

	@Test
	void namesAreCountedApart() {
		for (int i = 0; i < 6; i++) {
			throttle.attempt("a");
		}
		assertEquals(Duration.ZERO, throttle.attempt("b"));
	}

	@Test
	void aFloodOfInventedNamesDoesNotLiftALock() {
		for (int i = 0; i < 5; i++) {
			throttle.attempt("victim");
		}
		for (int i = 0; i <= 2_000; i++) {
			now = now.plusMillis(1);
			throttle.attempt("invented-" + i);
		}
		assertTrue(throttle.attempt("victim").toSeconds() > 0, "still locked");
	}
}
