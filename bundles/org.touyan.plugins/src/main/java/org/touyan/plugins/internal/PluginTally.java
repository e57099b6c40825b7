package org.touyan.plugins.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.touyan.api.metrics.MetricSource.Family;
import org.touyan.api.metrics.MetricSource.Kind;
import org.touyan.api.metrics.MetricSource.Sample;
import org.touyan.api.policy.Provenance;

/**
 * The plugin manager's counts since start, for {@code GET /api/metrics}: policy calls by plugin,
 * version, policy and outcome, and plugin events (installs, updates, rollbacks, quarantines…) by
 * action and outcome. Counted as the work happens; reading them costs no query.
 */
final class PluginTally {

	/** How a policy call ended, as {@link PolicyCalls} and {@link PolicyRouter} tell it apart. */
	enum Outcome {
		/** The policy answered. */
		OK,
		/** The policy threw, or answered with an error. */
		FAILURE,
		/** The policy did not answer within the time limit. */
		TIMEOUT,
		/** The policy refused the caller's input (a client error, not the plugin's). */
		REFUSED,
		/** Too many calls were running: the call was not made. */
		BUSY,
		/** Every binding that could serve was quarantined: the call was not made. */
		QUARANTINED,
		/** The platform stopped while the call ran. */
		INTERRUPTED;

		final String label = name().toLowerCase(java.util.Locale.ROOT);
	}

	private record Call(String plugin, String version, String policy, Outcome outcome) {
	}

	private record Event(String action, String outcome) {
	}

	private final Map<Call, LongAdder> calls = new ConcurrentHashMap<>();
	private final Map<Event, LongAdder> events = new ConcurrentHashMap<>();

	void call(Provenance provenance, Outcome outcome) {
		call(provenance.bundle(), provenance.version(), provenance.policyId(), outcome);
	}

	void call(String plugin, String version, String policy, Outcome outcome) {
		calls.computeIfAbsent(new Call(plugin, version, policy, outcome), k -> new LongAdder()).increment();
	}

	/** {@code action} and {@code outcome} as the plugin-events log names them: a fixed set. */
	void event(String action, String outcome) {
		events.computeIfAbsent(new Event(action, outcome.toLowerCase(java.util.Locale.ROOT)), k -> new LongAdder()).increment();
	}

	/** The counts, and the levels the manager reads now: quarantined policies and calls still running past their limit. */
	List<Family> families(int quarantined, int runaway) {
		List<Sample> callSamples = new ArrayList<>();
		calls.forEach((k, n) -> callSamples.add(Sample.of(n.sum(), k.plugin(), k.version(), k.policy(), k.outcome().label)));
		List<Sample> eventSamples = new ArrayList<>();
		events.forEach((k, n) -> eventSamples.add(Sample.of(n.sum(), k.action(), k.outcome())));
		return List.of(
				new Family("touyan_policy_calls", "Policy calls by plugin (symbolic name), version, policy id and outcome (ok, failure, "
						+ "timeout, refused, busy, quarantined, interrupted)", Kind.COUNTER, List.of("plugin", "version", "policy", "outcome"),
						callSamples),
				new Family("touyan_plugin_events", "Plugin events by action (install, update, rollback, stage, remove, bind, quarantine…) "
						+ "and outcome (done, refused, failed), as GET /api/plugins/events lists them", Kind.COUNTER,
						List.of("action", "outcome"), eventSamples),
				new Family("touyan_policies_quarantined", "Policies quarantined now for calls that ran past their time limit", Kind.GAUGE,
						List.of(), List.of(Sample.of(quarantined))),
				new Family("touyan_policy_calls_runaway", "Policy calls still running past their time limit", Kind.GAUGE, List.of(),
						List.of(Sample.of(runaway))));
	}
}
