package org.touyan.security.internal;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.touyan.security.internal.Accounts.User;

/**
 * The users behind recently seen session tokens, so that a request does not read the token and its
 * user from the store each time (that read was a fifth of a logged-in GET's cost).
 *
 * <p>Security stays as strict as without it: every write to users or sessions empties the cache
 * once it is committed, before the write answers, so a logout, a disabled user or a new role takes
 * effect on the next request. A lookup that raced such a write does not put what it read: each
 * write moves a generation, and a lookup keeps its answer only when the generation did not move
 * while it read. Expiry is checked at every request against the stored expiry time.
 */
final class SessionCache {

	/** Beyond this many live sessions the cache starts afresh rather than grow without bound. */
	static final int MAX_ENTRIES = 10_000;

	record Session(User user, Instant expiresAt) {
	}

	private final Map<String, Session> byTokenHash = new ConcurrentHashMap<>();
	private final AtomicLong generation = new AtomicLong();

	/**
	 * The unexpired session of a token hash: from the cache, or read by {@code load} and kept when
	 * no write to users or sessions happened meanwhile.
	 */
	Optional<User> user(String tokenHash, Instant now, Supplier<Optional<Session>> load) {
		Session cached = byTokenHash.get(tokenHash);
		if (cached == null) {
			long seen = generation.get();
			Optional<Session> loaded = load.get();
			if (loaded.isEmpty()) {
				return Optional.empty();
			}
			cached = loaded.get();
			if (byTokenHash.size() >= MAX_ENTRIES) {
				byTokenHash.clear();
			}
			byTokenHash.put(tokenHash, cached);
			if (generation.get() != seen) {
				// a write committed while this lookup read: what it read may be from before the write
				byTokenHash.remove(tokenHash, cached);
			}
		}
		return cached.expiresAt().isAfter(now) ? Optional.of(cached.user()) : Optional.empty();
	}

	/** After a committed write to users or sessions: nothing read before it is answered again. */
	void invalidate() {
		generation.incrementAndGet();
		byTokenHash.clear();
	}
}
