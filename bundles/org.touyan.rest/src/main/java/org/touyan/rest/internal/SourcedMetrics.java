package org.touyan.rest.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.touyan.api.metrics.MetricSource;
import org.touyan.api.metrics.MetricSource.Family;
import org.touyan.api.metrics.MetricSource.Sample;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

/**
 * The families the {@link MetricSource} services report, as the library's snapshots: asked at each
 * scrape. A source that fails, or a family whose name another already took, is left out of that
 * scrape (and logged) rather than failing the whole answer.
 */
final class SourcedMetrics implements MultiCollector {

	private static final Logger LOG = LoggerFactory.getLogger(SourcedMetrics.class);

	private final Supplier<List<MetricSource>> sources;
	private final Set<String> reserved;

	/** {@code reserved}: names the registry's own metrics use, which no source may report. */
	SourcedMetrics(Supplier<List<MetricSource>> sources, Set<String> reserved) {
		this.sources = sources;
		this.reserved = Set.copyOf(reserved);
	}

	@Override
	public MetricSnapshots collect() {
		MetricSnapshots.Builder all = MetricSnapshots.builder();
		Set<String> taken = new HashSet<>(reserved);
		for (MetricSource source : sources.get()) {
			List<Family> families;
			try {
				families = source.families();
			} catch (RuntimeException e) {
				LOG.warn("metric source {} failed; its metrics are left out of this scrape", source.getClass().getName(), e);
				continue;
			}
			for (Family family : families) {
				if (!taken.add(family.name())) {
					LOG.warn("metric family {} of {} is reported twice; the second is left out", family.name(), source.getClass().getName());
					continue;
				}
				all.metricSnapshot(snapshot(family));
			}
		}
		return all.build();
	}

	static MetricSnapshot snapshot(Family family) {
		if (family.kind() == MetricSource.Kind.COUNTER) {
			CounterSnapshot.Builder counter = CounterSnapshot.builder().name(family.name()).help(family.help());
			for (Sample s : family.samples()) {
				counter.dataPoint(CounterDataPointSnapshot.builder().labels(labels(family, s)).value(s.value()).build());
			}
			return counter.build();
		}
		GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(family.name()).help(family.help());
		for (Sample s : family.samples()) {
			gauge.dataPoint(GaugeDataPointSnapshot.builder().labels(labels(family, s)).value(s.value()).build());
		}
		return gauge.build();
	}

	private static Labels labels(Family family, Sample sample) {
		return Labels.of(family.labelNames(), sample.labelValues());
	}
}
