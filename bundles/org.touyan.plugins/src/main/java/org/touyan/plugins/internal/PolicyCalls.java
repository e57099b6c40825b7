package org.touyan.plugins.internal;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.touyan.api.policy.Policies.Call;
import org.touyan.api.policy.PolicyFailureException;
import org.touyan.api.policy.Provenance;
import org.touyan.api.rest.ProblemException;

/**
 * Runs policy calls contained: on a bounded pool (more calls at once get 503), under a time limit
 * (a late call fails with a 502 naming the plugin), every failure of the plugin a 502 too. A call
 * that runs past its limit is handed to {@link Runaways} and counted towards the policy's
 * {@link Quarantine}.
 */
final class PolicyCalls {

	/** The limits in force; read at each call, so a configuration change applies to the next one. */
	interface Limits {
		long callTimeoutMs();

		int quarantineAfterTimeouts();
	}

	private final ThreadPoolExecutor pool;
	private final Runaways runaways;
	private final Quarantine quarantine;
	private final java.util.function.Supplier<Limits> limits;
	private final PluginTally tally;

	PolicyCalls(int maxConcurrentCalls, java.util.function.Supplier<Limits> limits, Runaways runaways, Quarantine quarantine,
			PluginTally tally) {
		AtomicInteger threads = new AtomicInteger();
		this.pool = new ThreadPoolExecutor(0, maxConcurrentCalls, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
			Thread t = new Thread(r, "touyan-policy-" + threads.incrementAndGet());
			t.setDaemon(true);
			return t;
		});
		this.limits = limits;
		this.runaways = runaways;
		this.quarantine = quarantine;
		this.tally = tally;
	}

	void maximum(int maxConcurrentCalls) {
		pool.setMaximumPoolSize(maxConcurrentCalls);
	}

	void close() {
		runaways.close();
		pool.shutdownNow();
	}

	/** Calls still running past their limit. */
	int runaway() {
		return runaways.count();
	}

	<S, R> R invoke(S policy, Map<String, String> parameters, Call<S, R> call, Provenance provenance) {
		Limits now = limits.get();
		AtomicReference<Runaways.Running> running = new AtomicReference<>();
		Future<R> future;
		try {
			future = pool.submit(() -> {
				Runaways.Running me = new Runaways.Running(provenance.bundle() + " " + provenance.version() + " '"
						+ provenance.policyId() + "'");
				running.set(me);
				try {
					try {
						return call.call(policy, parameters);
					} finally {
						me.leave();
					}
				} catch (ThreadDeath stopped) {
					// stopped as a runaway: its caller was answered long ago
					me.stopped();
					return null;
				}
			});
		} catch (RejectedExecutionException e) {
			tally.call(provenance, PluginTally.Outcome.BUSY);
			throw new ProblemException(503, "Busy", "正在运行的策略调用过多，请稍后再试", "Too many policy calls are running; try again", null);
		}
		try {
			R result = future.get(now.callTimeoutMs(), TimeUnit.MILLISECONDS);
			tally.call(provenance, PluginTally.Outcome.OK);
			return result;
		} catch (TimeoutException e) {
			tally.call(provenance, PluginTally.Outcome.TIMEOUT);
			future.cancel(false);
			Runaways.Running late = running.get();
			if (late != null) {
				runaways.timedOut(late);
			}
			boolean quarantined = quarantine.timedOut(provenance, now.quarantineAfterTimeouts(), now.callTimeoutMs());
			throw new PolicyFailureException(provenance,
					"未在 " + now.callTimeoutMs() + " 毫秒内答复" + (quarantined ? "，现已隔离" : ""),
					"did not answer within " + now.callTimeoutMs() + " ms" + (quarantined ? "; it is quarantined now" : ""));
		} catch (ExecutionException e) {
			if (e.getCause() instanceof PolicyFailureException p) {
				tally.call(provenance, PluginTally.Outcome.FAILURE);
				throw p;
			}
			if (e.getCause() instanceof ProblemException p) {
				// the policy judged the client's input (e.g. a fact it cannot read): the client's error
				tally.call(provenance, PluginTally.Outcome.REFUSED);
				throw p;
			}
			tally.call(provenance, PluginTally.Outcome.FAILURE);
			throw new PolicyFailureException(provenance, "运行出错", "failed with an error", e.getCause());
		} catch (InterruptedException e) {
			tally.call(provenance, PluginTally.Outcome.INTERRUPTED);
			Thread.currentThread().interrupt();
			future.cancel(true);
			throw new ProblemException(503, "Interrupted", "平台正在停止", "The platform is stopping", null);
		}
	}
}
