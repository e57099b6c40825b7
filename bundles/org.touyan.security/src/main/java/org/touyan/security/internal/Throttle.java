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
	// bounds the memory a flood of invented names can take; the oldest entries go first
	private static final int MAX_ENTRIES = 10_000;

	private record State(int failures, Instant lockedUntil, Instant last) {
	}

	private final Map<String, State> states = new ConcurrentHashMap<>();
	private final Clock clock;

	Throttle(Clock clock) {
		this.clock = clock;
	}

	/** How long {@code login} is still locked, or zero. */
	Duration lockedFor(String login) {
		State s = states.get(key(login));
		if (s == null || s.lockedUntil() == null) {
			return Duration.ZERO;
		}
		Duration left = Duration.between(clock.instant(), s.lockedUntil());
		return left.isNegative() ? Duration.ZERO : left;
	}

	void failed(String login) {
		Instant now = clock.instant();
		states.compute(key(login), (k, s) -> {
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
			states.entrySet().stream().min((a, b) -> a.getValue().last().compareTo(b.getValue().last()))
					.ifPresent(oldest -> states.remove(oldest.getKey(), oldest.getValue()));
		}
	}

	void succeeded(String login) {
		states.remove(key(login));
	}

	private static String key(String login) {
		return login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
	}
}
