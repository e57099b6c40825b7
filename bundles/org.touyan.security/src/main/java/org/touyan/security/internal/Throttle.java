package org.touyan.security.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.touyan.api.rest.ProblemException;
import org.touyan.api.store.Sql;
import org.touyan.api.store.Store;

/**
 * Back-off after failed logins, per login name whether or not it exists (so the lockout does not
 * tell which names are real): after {@link #FREE_FAILURES} failures in a row the name is locked
 * for 30 s, and each further failure doubles the lock, up to 15 minutes. A success clears it.
 * Kept in the database ({@code sec_login_throttle}): every node behind a load balancer counts the
 * same failures, and a restart does not forgive them.
 */
final class Throttle {

	static final int FREE_FAILURES = 5;
	private static final Duration FIRST_LOCK = Duration.ofSeconds(30);
	private static final Duration LONGEST_LOCK = Duration.ofMinutes(15);
	/** A name not tried for this long starts again from zero: its row goes, so invented names do not pile up. */
	static final Duration FORGOTTEN_AFTER = Duration.ofDays(1);

	private record State(int failures, Instant lockedUntil) {
	}

	private final Store store;
	private final Clock clock;

	Throttle(Store store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/**
	 * Counts an attempt for {@code login} before its password is checked and answers how long the
	 * name is still locked (zero: go on). Counting first, under the name's row lock, means
	 * concurrent guesses, on one node or several, cannot all pass the check while the first ones are
	 * still being verified; a success clears the count again.
	 */
	Duration attempt(String login) {
		Instant now = clock.instant();
		String key = key(login);
		return store.write(c -> {
			State s = locked(c, key, now);
			if (s.lockedUntil() != null && s.lockedUntil().isAfter(now)) {
				return Duration.between(now, s.lockedUntil());
			}
			int failures = s.failures() + 1;
			Instant until = null;
			if (failures >= FREE_FAILURES) {
				int doublings = Math.min(failures - FREE_FAILURES, 10);
				Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
				until = now.plus(lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock);
			}
			Sql.update(c, "UPDATE sec_login_throttle SET failures = ?, locked_until = ?, last_at = ? WHERE login_key = ?", null, null,
					failures, until == null ? null : utc(until), utc(now), key);
			if (ThreadLocalRandom.current().nextInt(256) == 0) {
				forget(c, now);
			}
			return Duration.ZERO;
		});
	}

	/** The name's state, its row locked (and made when there is none) until the transaction ends. */
	private static State locked(Connection c, String key, Instant now) throws SQLException {
		if (Sql.update(c, "UPDATE sec_login_throttle SET last_at = last_at WHERE login_key = ?", null, null, key) == 0) {
			try {
				Sql.update(c, "INSERT INTO sec_login_throttle (login_key, failures, locked_until, last_at) VALUES (?, 0, NULL, ?)", null, null,
						key, utc(now));
			} catch (ProblemException takenMeanwhile) {
				// a concurrent attempt made the row first: wait for its lock like any other
				Sql.update(c, "UPDATE sec_login_throttle SET last_at = last_at WHERE login_key = ?", null, null, key);
			}
		}
		return Sql.one(c, "SELECT failures, locked_until FROM sec_login_throttle WHERE login_key = ?",
				rs -> new State(rs.getInt(1), Optional.ofNullable(rs.getObject(2, OffsetDateTime.class)).map(OffsetDateTime::toInstant)
						.orElse(null)), key).orElseThrow();
	}

	/** Rows of names not tried for a day and not locked. */
	private static void forget(Connection c, Instant now) throws SQLException {
		Sql.update(c, "DELETE FROM sec_login_throttle WHERE last_at < ? AND (locked_until IS NULL OR locked_until < ?)", null, null,
				utc(now.minus(FORGOTTEN_AFTER)), utc(now));
	}

	void succeeded(String login) {
		store.write(c -> Sql.update(c, "DELETE FROM sec_login_throttle WHERE login_key = ?", null, null, key(login)));
	}

	private static OffsetDateTime utc(Instant at) {
		return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
	}

	private static String key(String login) {
		String key = login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
		// the column's width: a longer name is the same name for the count as its first 200 characters
		return key.length() > 200 ? key.substring(0, 200) : key;
	}
}
