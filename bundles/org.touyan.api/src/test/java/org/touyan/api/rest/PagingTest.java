package org.touyan.api.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PagingTest {

	@Test
	void defaultsToTheFirstPageOfDefaultSize() {
		assertEquals(new Paging(0, RestConstants.DEFAULT_LIMIT), Paging.of(null, null));
	}

	@Test
	void refusesANegativeOffsetNamingIt() {
		ProblemException e = assertThrows(ProblemException.class, () -> Paging.of(-1, 10));
		assertEquals(400, e.status());
		assertEquals("offset", e.field());
	}

	@Test
	void refusesALimitOutsideTheRange() {
		assertEquals("limit", assertThrows(ProblemException.class, () -> Paging.of(0, 0)).field());
		assertEquals("limit",
				assertThrows(ProblemException.class, () -> Paging.of(0, RestConstants.MAX_LIMIT + 1)).field());
		assertEquals(RestConstants.MAX_LIMIT, Paging.of(0, RestConstants.MAX_LIMIT).limit());
	}

	@Test
	void parsesQueryTextAndNamesAParameterThatIsNotANumber() {
		assertEquals(new Paging(20, 10), Paging.of("20", "10"));
		assertEquals(new Paging(0, RestConstants.DEFAULT_LIMIT), Paging.of("", null));
		assertEquals("limit", assertThrows(ProblemException.class, () -> Paging.of("0", "abc")).field());
		assertEquals("offset", assertThrows(ProblemException.class, () -> Paging.of("1e3", "5")).field());
	}

	@Test
	void aProblemIsAlwaysAClientError() {
		assertThrows(IllegalArgumentException.class, () -> new ProblemException(500, "x", "y"));
	}
}
