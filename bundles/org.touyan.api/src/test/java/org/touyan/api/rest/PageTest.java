package org.touyan.api.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class PageTest {

	@Test
	void aWholeListIsCutToTheWindowAskedForAndKeepsItsTotal() {
		List<Integer> all = List.of(1, 2, 3, 4, 5);
		assertEquals(new Page<>(List.of(3, 4), 5, 2, 2), Page.of(all, Paging.of(2, 2)));
		assertEquals(new Page<>(List.of(5), 5, 4, 50), Page.of(all, Paging.of(4, 50)));
		assertEquals(new Page<>(List.of(), 5, 9, 50), Page.of(all, Paging.of(9, 50)));
		assertEquals(new Page<>(List.of(1, 2, 3, 4, 5), 5, 0, 500), Page.of(all, Paging.of(0, 500)));
	}
}
