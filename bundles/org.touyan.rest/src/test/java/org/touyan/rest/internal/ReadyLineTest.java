package org.touyan.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class ReadyLineTest {

	@Test
	void theLineIsWrittenOnceWhenHealthFirstHolds() {
		Iterator<Boolean> states = List.of(false, false, true).iterator();
		AtomicInteger polls = new AtomicInteger();
		AtomicInteger lines = new AtomicInteger();
		assertTrue(ReadyLine.announce(() -> {
			polls.incrementAndGet();
			return states.next();
		}, 1, lines::incrementAndGet));
		assertEquals(3, polls.get());
		assertEquals(1, lines.get());
	}

	@Test
	void stoppingBeforeReadyWritesNothing() {
		AtomicInteger lines = new AtomicInteger();
		Thread.currentThread().interrupt();
		assertFalse(ReadyLine.announce(() -> false, 1000, lines::incrementAndGet));
		assertEquals(0, lines.get());
		Thread.interrupted();
	}
}
