package org.touyan.plugins.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Policy calls still running after their caller was answered with a timeout. Each is interrupted
 * at once; one still inside the plugin {@code stopAfterMs} later (a pure loop never looks at
 * interrupts) is stopped with {@link Thread#stop}. That is safe enough here because the bytecode
 * allow-list keeps a plugin to pure computation: it holds no file, socket, connection, thread or
 * platform lock, only its own objects and the input it was handed, which its caller has already
 * given up on; monitors are released and {@code finally} blocks run as the stop unwinds. The stop
 * lands inside the plugin, never in the pool's code: the reaper claims the call (INSIDE →
 * STOPPING) before it stops it, and a call that finds itself claimed as it leaves waits for the
 * stop within its own wrapper, which catches it. A plugin that catches the stop and goes on, or a
 * Java without {@code Thread.stop} (20 and later), keeps its thread: the leak is bounded by the
 * pool's size and the quarantine, and health counts it.
 */
final class Runaways {

	private static final Logger LOG = LoggerFactory.getLogger(Runaways.class);
	private static final int INSIDE = 0;
	private static final int STOPPING = 1;
	private static final int LEFT = 2;

	/** One policy call on its pool thread. */
	static final class Running {
		final Thread thread = Thread.currentThread();
		final String what;
		private final AtomicInteger state = new AtomicInteger(INSIDE);
		private volatile long timedOutAt;

		Running(String what) {
			this.what = what;
		}

		/** The call left the plugin; if the reaper claimed it meanwhile, its stop arrives here, in the wrapper. */
		void leave() {
			if (!state.compareAndSet(INSIDE, LEFT)) {
				long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
				while (System.nanoTime() < until) {
					Thread.onSpinWait();
				}
			}
		}

		/** After the stop was caught by the wrapper: the thread goes back to the pool. */
		void stopped() {
			state.set(LEFT);
		}

		boolean running() {
			return state.get() != LEFT;
		}
	}

	private final Set<Running> watched = ConcurrentHashMap.newKeySet();
	private final LongSupplier stopAfterMs;
	private final ScheduledExecutorService reaper = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread t = new Thread(r, "touyan-policy-reaper");
		t.setDaemon(true);
		return t;
	});

	Runaways(LongSupplier stopAfterMs) {
		this.stopAfterMs = stopAfterMs;
		reaper.scheduleWithFixedDelay(this::reap, 250, 250, TimeUnit.MILLISECONDS);
	}

	/** The caller gave up on {@code call}: interrupt it now and watch it from here on. */
	void timedOut(Running call) {
		call.timedOutAt = System.currentTimeMillis();
		if (call.running()) {
			watched.add(call);
			call.thread.interrupt();
		}
	}

	/** Calls still running past their limit. */
	int count() {
		watched.removeIf(r -> !r.running());
		return watched.size();
	}

	void close() {
		reaper.shutdownNow();
	}

	void reap() {
		long after = stopAfterMs.getAsLong();
		for (Running r : watched) {
			if (!r.running()) {
				watched.remove(r);
			} else if (after > 0 && System.currentTimeMillis() - r.timedOutAt >= after && r.state.compareAndSet(INSIDE, STOPPING)) {
				stop(r);
			}
		}
	}

	@SuppressWarnings({ "deprecation", "removal" })
	private static void stop(Running r) {
		try {
			r.thread.stop();
			LOG.warn("stopped a runaway policy call of {} on {}", r.what, r.thread.getName());
		} catch (UnsupportedOperationException e) {
			LOG.warn("a runaway policy call of {} on {} cannot be stopped on this Java: it keeps its thread", r.what,
					r.thread.getName());
		}
	}
}
