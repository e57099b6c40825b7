package org.touyan.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touyan.api.policy.Policies.Call;
import org.touyan.api.policy.PolicyFailureException;
import org.touyan.api.rest.ProblemException;

class PolicyCallsTest {

	/** Spins without ever looking at an interrupt, as a formula stuck in a loop does. */
	static final AtomicLong SINK = new AtomicLong();
	static final Call<Object, Integer> LOOP = (p, params) -> {
		long n = 1;
		while (n != 0) {
			n = (n * 31 + 7) | 1;
			SINK.lazySet(n);
		}
		return 0;
	};

	private final PluginTally tally = new PluginTally();
	private Quarantine quarantine;
	private PolicyCalls calls;
	private volatile long stopAfterMs = 100;

	@BeforeEach
	void setUp() throws Exception {
		var store = QuarantineTest.pluginsStore();
		quarantine = new Quarantine(store, new PluginEvents(store, QuarantineTest.audit(new java.util.ArrayList<>()), tally));
		quarantine.load();
		calls = new PolicyCalls(2, () -> new PolicyCalls.Limits() {
			@Override
			public long callTimeoutMs() {
				return 100;
			}

			@Override
			public int quarantineAfterTimeouts() {
				return 2;
			}
		}, new Runaways(() -> stopAfterMs), quarantine, tally);
	}

	@AfterEach
	void tearDown() {
		calls.close();
	}

	@Test
	void anAnswerWithinTheLimitIsTheAnswerAndAFailureIsTheCallsOwn() {
		assertEquals(Integer.valueOf(42), calls.<Object, Integer>invoke(new Object(), Map.of(), (p, params) -> 42, QuarantineTest.LOOP));
		PolicyFailureException failed = assertThrows(PolicyFailureException.class, () -> calls.invoke(new Object(), Map.of(),
				(p, params) -> {
					throw new IllegalStateException("broken");
				}, QuarantineTest.LOOP));
		assertTrue(failed.getMessage().contains("failed with an error"), failed.getMessage());
		assertEquals(1, calls("ok"));
		assertEquals(1, calls("failure"));
	}

	@Test
	void aLoopTimesOutIsCountedTowardsTheQuarantineAndItsThreadIsStopped() throws Exception {
		PolicyFailureException first = assertThrows(PolicyFailureException.class,
				() -> calls.invoke(new Object(), Map.of(), LOOP, QuarantineTest.LOOP));
		assertTrue(first.getMessage().contains("did not answer within 100 ms"), first.getMessage());
		assertTrue(calls.runaway() >= 1, "the spinning call is counted");
		PolicyFailureException second = assertThrows(PolicyFailureException.class,
				() -> calls.invoke(new Object(), Map.of(), LOOP, QuarantineTest.LOOP));
		assertTrue(second.getMessage().contains("quarantined now"), second.getMessage());
		assertTrue(quarantine.holds("test.loop", "1.0.0", "loop"));
		assertEquals(2, calls("timeout"));
		assertEquals(1, events("quarantine", "done"), "the quarantine is a plugin event");
		awaitRunaways(0);
		// the stopped threads went back to the pool: both of its two places serve again
		assertEquals(Integer.valueOf(1), calls.<Object, Integer>invoke(new Object(), Map.of(), (p, params) -> 1, QuarantineTest.LOOP));
		assertEquals(Integer.valueOf(2), calls.<Object, Integer>invoke(new Object(), Map.of(), (p, params) -> 2, QuarantineTest.LOOP));
	}

	@Test
	void withStoppingOffARunawayKeepsItsThreadAndStaysCounted() throws Exception {
		stopAfterMs = 0;
		assertThrows(PolicyFailureException.class, () -> calls.invoke(new Object(), Map.of(), LOOP, QuarantineTest.LOOP));
		Thread.sleep(600);
		assertEquals(1, calls.runaway());
		stopAfterMs = 50;
		awaitRunaways(0);
	}

	@Test
	void moreCallsThanThePoolHoldsAre503() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		Call<Object, Integer> waiting = (p, params) -> {
			try {
				release.await();
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			return 0;
		};
		Thread a = new Thread(() -> calls.invoke(new Object(), Map.of(), waiting, QuarantineTest.LOOP));
		Thread b = new Thread(() -> calls.invoke(new Object(), Map.of(), waiting, QuarantineTest.LOOP));
		a.start();
		b.start();
		Thread.sleep(50);
		ProblemException busy = assertThrows(ProblemException.class, () -> calls.invoke(new Object(), Map.of(), waiting,
				QuarantineTest.LOOP));
		assertEquals(503, busy.status());
		assertEquals(1, calls("busy"));
		release.countDown();
		a.join();
		b.join();
	}

	/** The count of {@link QuarantineTest#LOOP}'s calls with {@code outcome}, as the metrics report it. */
	private double calls(String outcome) {
		return tally.families(0, 0).get(0).samples().stream()
				.filter(s -> s.labelValues().equals(java.util.List.of("test.loop", "1.0.0", "loop", outcome)))
				.mapToDouble(s -> s.value()).sum();
	}

	private double events(String action, String outcome) {
		return tally.families(0, 0).get(1).samples().stream().filter(s -> s.labelValues().equals(java.util.List.of(action, outcome)))
				.mapToDouble(s -> s.value()).sum();
	}

	private void awaitRunaways(int expected) throws InterruptedException {
		long deadline = System.currentTimeMillis() + 5000;
		while (calls.runaway() != expected && System.currentTimeMillis() < deadline) {
			Thread.sleep(20);
		}
		assertEquals(expected, calls.runaway());
	}
}
