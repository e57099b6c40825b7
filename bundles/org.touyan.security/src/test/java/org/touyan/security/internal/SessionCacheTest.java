package org.touyan.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.touyan.api.security.Role;
import org.touyan.security.internal.Accounts.User;

class SessionCacheTest {

	private static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");
	private static final User ADMIN = new User("u1", "admin", "管理员", Role.DISTRICT_ADMIN, Role.DISTRICT_ADMIN.displayName(),
			null, null, null, false, false, OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
			OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), null);

	private final SessionCache cache = new SessionCache();
	private final AtomicInteger reads = new AtomicInteger();

	private Optional<SessionCache.Session> read(Instant expires) {
		reads.incrementAndGet();
		return Optional.of(new SessionCache.Session(ADMIN, expires));
	}

	@Test
	void aSeenSessionIsAnsweredWithoutReadingAgainUntilAWrite() {
		Instant expires = NOW.plusSeconds(3600);
		assertEquals(ADMIN, cache.user("h", NOW, () -> read(expires)).orElseThrow());
		assertEquals(ADMIN, cache.user("h", NOW, () -> read(expires)).orElseThrow());
		assertEquals(1, reads.get());
		cache.invalidate();
		assertTrue(cache.user("h", NOW, Optional::empty).isEmpty(), "after a write the store decides again");
	}

	@Test
	void aCachedSessionStillExpiresOnTime() {
		Instant expires = NOW.plusSeconds(60);
		assertTrue(cache.user("h", NOW, () -> read(expires)).isPresent());
		assertTrue(cache.user("h", expires, () -> read(expires)).isEmpty());
		assertEquals(1, reads.get());
	}

	@Test
	void whatWasReadWhileAWriteCommittedIsNotKept() {
		Instant expires = NOW.plusSeconds(3600);
		// the read saw the user before the write (say, a disable) committed and emptied the cache
		assertTrue(cache.user("h", NOW, () -> {
			Optional<SessionCache.Session> before = read(expires);
			cache.invalidate();
			return before;
		}).isPresent());
		assertTrue(cache.user("h", NOW, Optional::empty).isEmpty(), "the next request reads the store again");
	}
}
