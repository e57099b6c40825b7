package org.touyan.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CacheTest {

	private static final long GB = 1L << 30;

	@Test
	void defaultsToAnEighthOfTheHeap() {
		HsqlDatabase.Cache cache = HsqlDatabase.Cache.of(0, 6 * GB);
		assertEquals(768 * 1024, cache.kilobytes());
		assertEquals(768 * (1 << 20) / 400, cache.rows(), "2 million rows: a national-scale cycle's scores, cards and ratings");
	}

	@Test
	void takesTheConfiguredSize() {
		assertEquals(2048 * 1024, HsqlDatabase.Cache.of(2048, 6 * GB).kilobytes());
	}

	@Test
	void staysWithinHsqldbsBounds() {
		assertEquals(16 * 1024, HsqlDatabase.Cache.of(0, 64L << 20).kilobytes());
		HsqlDatabase.Cache huge = HsqlDatabase.Cache.of(0, 1024 * GB);
		assertEquals(1 << 24, huge.kilobytes());
		assertEquals(1 << 24, huge.rows());
	}
}
