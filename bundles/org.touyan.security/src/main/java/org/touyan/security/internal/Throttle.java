package org.touyan.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Back-off after failed logins, per login name whether or not it exists (so the lockout does not
 * tell which names are real): after {@link #FREE_FAILURES} failures in a row the name is locked
 * for 30 s, and each further failure doubles the lock, up to 15 minutes. A success clears it.
 * Kept in memory: a restart forgives, which costs an attacker a restart they cannot cause.
 */
final class Throttle {

	static final int FREE_FAILURES = 5;
	private static final Duration FIRST_LOCK = Duration.ofSeconds(30);
	private static final Duration LONGEST_LOCK = Duration.ofMinutes(15);
	// bounds the memory a flood of invented names can take
	private static final int MAX_ENTRIES = 10_000;

	private record State(int failures, Instant lockedUntil, Instant last) {
	}

	private final Map<String, State> states = new ConcurrentHashMap<>();
	private final Clock clock;

	Throttle(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Counts an attempt for {@code login} before its password is checked and answers how long the
	 * name is still locked (zero: go on). Counting first, in one atomic step, means concurrent
	 * guesses cannot all pass the check while the first ones are still being verified; a success
	 * clears the count again.
	 */
	Duration attempt(String login) {
		Instant now = clock.instant();
		Duration[] locked = { Duration.ZERO };
		states.compute(key(login), (k, s) -> {
			if (s != null && s.lockedUntil() != null && s.lockedUntil().isAfter(now)) {
				locked[0] = Duration.between(now, s.lockedUntil());
				return s;
			}
			int failures = (s == null ? 0 : s.failures()) + 1;
			Instant until = null;
			if (failures >= FREE_FAILURES) {
				int doublings = Math.min(failures - FREE_FAILURES, 10);
				Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
				until = now.plus(lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock);
			}
			return new State(failures, until, now);
		});
		if (states.size() > MAX_ENTRIES) {
			// the oldest name that is not locked goes: a flood of invented names cannot lift a lock
			states.entrySet().stream().filter(e -> e.getValue().lockedUntil() == null || !e.getValue().lockedUntil().isAfter(now))
					.min((a, b) -> a.getValue().last().compareTo(b.getValue().last()))
					.ifPresent(oldest -> states.remove(oldest.getKey(), oldest.getValue()));
		}
		return locked[0];
	}

	void succeeded(String login) {
		states.remove(key(login));
	}

	private static String key(String login) {
		return login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
	}
}
