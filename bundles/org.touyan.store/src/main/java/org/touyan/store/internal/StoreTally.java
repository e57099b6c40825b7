package org.touyan.store.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.touyan.api.metrics.MetricSource.Family;
import org.touyan.api.metrics.MetricSource.Kind;
import org.touyan.api.metrics.MetricSource.Sample;

/**
 * What the database is doing, for {@code GET /api/metrics}: the pool's connections that units of
 * work hold now (HSQLDB's pool counts nothing itself, so {@link TransactionalStore} counts them as
 * it takes and returns them), its size, and the units of work by schema and outcome.
 */
final class StoreTally {

	/** How a unit of work ended. */
	enum Outcome {
		/** A write committed. */
		COMMITTED,
		/** A read ended (rolled back: reads never commit). */
		READ,
		/** The work or the database failed; nothing was written. */
		FAILED,
		/** The database rolled it back for a concurrent transaction, and it ran again. */
		RETRIED,
		/** It still conflicted after every attempt. */
		CONFLICTED;

		final String label = name().toLowerCase(java.util.Locale.ROOT);
	}

	private record Key(String schema, Outcome outcome) {
	}

	private final int poolSize;
	private final AtomicInteger inUse = new AtomicInteger();
	private final Map<Key, LongAdder> units = new ConcurrentHashMap<>();

	StoreTally(int poolSize) {
		this.poolSize = poolSize;
	}

	void taken() {
		inUse.incrementAndGet();
	}

	void returned() {
		inUse.decrementAndGet();
	}

	void ended(String schema, Outcome outcome) {
		units.computeIfAbsent(new Key(schema, outcome), k -> new LongAdder()).increment();
	}

	List<Family> families() {
		List<Sample> samples = new ArrayList<>();
		units.forEach((k, n) -> samples.add(Sample.of(n.sum(), k.schema(), k.outcome().label)));
		return List.of(
				new Family("touyan_store_connections_in_use", "Pooled database connections held by units of work now", Kind.GAUGE,
						List.of(), List.of(Sample.of(inUse.get()))),
				new Family("touyan_store_connections_max", "Size of the database connection pool (touyan.store poolSize)", Kind.GAUGE,
						List.of(), List.of(Sample.of(poolSize))),
				new Family("touyan_store_transactions", "Units of work by schema and outcome (committed, read, failed, retried after a "
						+ "conflict, conflicted after every attempt)", Kind.COUNTER, List.of("schema", "outcome"), samples));
	}
}
