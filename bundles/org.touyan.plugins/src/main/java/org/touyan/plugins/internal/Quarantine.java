package org.touyan.plugins.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.touyan.api.policy.Provenance;
import org.touyan.api.store.Sql;
import org.touyan.api.store.Store;

/**
 * Policies taken out of service after too many calls ran past the time limit: a policy that
 * loops once loops again, and every such call holds a thread. Calls skip a quarantined policy
 * (its binding falls back to the next one up, or the call fails fast with a 503 naming the
 * quarantine) until a plugin administrator releases it. The quarantine is stored, so it survives
 * a restart; the count of timeouts towards it is kept in memory.
 */
final class Quarantine {

	/** One policy of one plugin version. */
	record Key(String bsn, String version, String policyId) {
		static Key of(Provenance p) {
			return new Key(p.bundle(), p.version(), p.policyId());
		}

		@Override
		public String toString() {
			return bsn + " " + version + " '" + policyId + "'";
		}
	}

	/** A quarantined policy: since when, and why. */
	record Entry(String bsn, String version, String policyId, Instant since, String detail) {
		Key key() {
			return new Key(bsn, version, policyId);
		}
	}

	private final Store store;
	private final PluginEvents events;
	private final Map<Key, AtomicInteger> timeouts = new ConcurrentHashMap<>();
	private volatile Map<Key, Entry> quarantined = Map.of();

	Quarantine(Store store, PluginEvents events) {
		this.store = store;
		this.events = events;
	}

	void load() {
		quarantined = store.read(c -> {
			List<Entry> rows = Sql.query(c, "SELECT bsn, version, policy_id, since, detail FROM policy_quarantine",
					rs -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getString(5)));
			return rows.stream().collect(Collectors.toUnmodifiableMap(Entry::key, Function.identity()));
		});
	}

	boolean holds(String bsn, String version, String policyId) {
		return quarantined.containsKey(new Key(bsn, version, policyId));
	}

	Optional<Entry> of(String bsn, String version, String policyId) {
		return Optional.ofNullable(quarantined.get(new Key(bsn, version, policyId)));
	}

	List<Entry> all() {
		return quarantined.values().stream().sorted(Comparator.comparing(Entry::since)).toList();
	}

	/**
	 * Counts a call of {@code policy} that ran past {@code limitMs}; the {@code threshold}th
	 * quarantines the policy (0: never). Answers whether this call did.
	 */
	synchronized boolean timedOut(Provenance policy, int threshold, long limitMs) {
		Key key = Key.of(policy);
		int count = timeouts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
		if (threshold <= 0 || count < threshold || quarantined.containsKey(key)) {
			return false;
		}
		String detail = "quarantined " + key + " after " + count + " calls ran past " + limitMs
				+ " ms; its bindings fall back to the next binding up until a plugin administrator releases it";
		Instant since = Instant.now();
		store.write(c -> {
			Sql.update(c, "INSERT INTO policy_quarantine (bsn, version, policy_id, since, detail) VALUES (?, ?, ?, ?, ?)", null, null,
					key.bsn(), key.version(), key.policyId(), Timestamp.from(since), detail);
			events.record(c, key.bsn(), key.version(), "quarantine", "DONE", detail);
			return null;
		});
		load();
		return true;
	}

	/** Releases every quarantined policy of {@code bsn}; answers what was released. */
	synchronized List<Entry> release(String bsn, String actor) {
		return release(all().stream().filter(e -> e.bsn().equals(bsn)).toList(), "by " + actor);
	}

	/** Forgets the quarantine of a version that no longer serves (replaced, rolled back or removed). */
	synchronized void forget(String bsn, String version) {
		release(all().stream().filter(e -> e.bsn().equals(bsn) && e.version().equals(version)).toList(),
				"as the version no longer serves");
	}

	private List<Entry> release(List<Entry> released, String why) {
		if (released.isEmpty()) {
			return released;
		}
		store.write(c -> {
			for (Entry e : released) {
				Sql.update(c, "DELETE FROM policy_quarantine WHERE bsn = ? AND version = ? AND policy_id = ?", null, null,
						e.bsn(), e.version(), e.policyId());
				events.record(c, e.bsn(), e.version(), "release-quarantine", "DONE",
						"released " + e.key() + " from quarantine (since " + e.since() + ") " + why);
			}
			return null;
		});
		released.forEach(e -> timeouts.remove(e.key()));
		load();
		return released;
	}
}
