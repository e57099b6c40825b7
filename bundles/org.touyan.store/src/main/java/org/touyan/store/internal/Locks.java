package org.touyan.store.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/** The threads of this process that run work under a named lock, one at a time. */
final class Locks {

	private final Map<String, ReentrantLock> byName = new ConcurrentHashMap<>();

	<T> T holding(String name, Supplier<T> work) {
		ReentrantLock lock = byName.computeIfAbsent(name, k -> new ReentrantLock(true));
		lock.lock();
		try {
			return work.get();
		} finally {
			lock.unlock();
		}
	}

	boolean heldByCurrentThread(String name) {
		ReentrantLock lock = byName.get(name);
		return lock != null && lock.isHeldByCurrentThread();
	}
}
