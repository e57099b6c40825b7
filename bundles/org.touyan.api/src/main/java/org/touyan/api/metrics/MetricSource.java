package org.touyan.api.metrics;

import java.util.List;
import java.util.regex.Pattern;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A part of the platform with numbers for {@code GET /api/metrics}: register it as a service and
 * the metrics resource asks every one on each scrape, so keep {@link #families} cheap (read counters
 * kept as the work happens; never query the database per scrape).
 *
 * <p>Label values must come from a bounded set (a plugin's symbolic name and version, an outcome, a
 * schema), never from request data such as ids or paths: every distinct value is a new time series.
 */
@ConsumerType
public interface MetricSource {

	/** The families this part reports now. */
	List<Family> families();

	/** How a family's values behave: a counter only grows while the platform runs, a gauge goes up and down. */
	enum Kind {
		COUNTER, GAUGE
	}

	/**
	 * One metric family. {@code name} is a Prometheus name ({@code touyan_…}); a counter's name is
	 * given without {@code _total}, which the exposition adds. Each sample has one value per label name.
	 */
	record Family(String name, String help, Kind kind, List<String> labelNames, List<Sample> samples) {

		private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

		public Family {
			if (!NAME.matcher(name).matches() || (kind == Kind.COUNTER && name.endsWith("_total"))) {
				throw new IllegalArgumentException("not a metric name here: " + name);
			}
			labelNames = List.copyOf(labelNames);
			samples = List.copyOf(samples);
			for (Sample s : samples) {
				if (s.labelValues().size() != labelNames.size()) {
					throw new IllegalArgumentException(name + ": labels " + labelNames + " but values " + s.labelValues());
				}
			}
		}
	}

	/** One value of a family, with its label values in the order of the family's label names. */
	record Sample(List<String> labelValues, double value) {

		public Sample {
			labelValues = List.copyOf(labelValues);
		}

		public static Sample of(double value, String... labelValues) {
			return new Sample(List.of(labelValues), value);
		}
	}
}
