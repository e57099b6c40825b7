package org.touyan.api.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PreconditionsTest {

	record Person(String name, String education, LocalDate born, List<String> posts) {
	}

	private static final Person READ = new Person("张伟", "本科", LocalDate.of(1980, 1, 2), List.of("书记"));

	@Test
	void anUnchangedRepresentationKeepsItsTagAndEveryChangeMovesIt() {
		assertEquals(Preconditions.tag(READ), Preconditions.tag(new Person("张伟", "本科", LocalDate.of(1980, 1, 2), List.of("书记"))));
		assertNotEquals(Preconditions.tag(READ), Preconditions.tag(new Person("张伟", "硕士", READ.born(), READ.posts())));
		assertNotEquals(Preconditions.tag(READ), Preconditions.tag(new Person("张伟", "本科", READ.born(), List.of("书记", "委员"))));
		assertTrue(Preconditions.tag(READ).matches("\"[A-Za-z0-9_-]{22}\""), Preconditions.tag(READ));
	}

	@Test
	void textCannotMoveBetweenFieldsUnnoticed() {
		assertNotEquals(Preconditions.tag(new Person("a,b", "c", null, List.of())), Preconditions.tag(new Person("a", "b,c", null, List.of())));
		assertNotEquals(Preconditions.tag(Map.of("a", "1", "b", "2")), Preconditions.tag(Map.of("a", "12", "b", "")));
		assertNotEquals(Preconditions.tag(null), Preconditions.tag("n"));
	}

	@Test
	void aMapIsTaggedByItsContentNotItsOrder() {
		assertEquals(Preconditions.tag(Map.of("x", 1, "y", 2)), Preconditions.tag(new java.util.TreeMap<>(Map.of("y", 2, "x", 1))));
	}

	@Test
	void aWriteWithoutIfMatchOrWithAStarIs428() {
		for (String header : new String[] { null, "", " ", "*" }) {
			ProblemException p = assertThrows(ProblemException.class, () -> Preconditions.check(header, READ));
			assertEquals(428, p.status());
			assertEquals("If-Match", p.field());
		}
	}

	@Test
	void aStaleTagIs412NamingTheCurrentVersion() {
		String read = Preconditions.tag(READ);
		Person changed = new Person("张伟", "硕士", READ.born(), READ.posts());
		PreconditionFailedException p = assertThrows(PreconditionFailedException.class, () -> Preconditions.check(read, changed));
		assertEquals(412, p.status());
		assertEquals(Preconditions.tag(changed), p.currentVersion());
		assertTrue(p.detail().contains(p.currentVersion()));
	}

	@Test
	void theCurrentTagMatchesAloneOrInAListButNotWeakly() {
		String tag = Preconditions.tag(READ);
		Preconditions.check(tag, READ);
		Preconditions.check("\"other\", " + tag, READ);
		assertThrows(PreconditionFailedException.class, () -> Preconditions.check("W/" + tag, READ));
		assertThrows(PreconditionFailedException.class, () -> Preconditions.check(tag.replace("\"", ""), READ));
		assertFalse(Preconditions.matches("\"a,\"", "\"a\""));
	}
}
