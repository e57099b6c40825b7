package org.touyan.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.touyan.api.rest.ProblemException;

class PasswordsTest {

	// few iterations keep the test fast; the count is part of the stored form either way
	private final Passwords passwords = new Passwords(1_000);

	@Test
	void aHashVerifiesItsPasswordOnlyAndIsSaltedEachTime() {
		String hash = passwords.hash("正确的密码-correct horse");
		assertTrue(passwords.verify("正确的密码-correct horse", hash));
		assertFalse(passwords.verify("正确的密码-correct hors", hash));
		assertNotEquals(hash, passwords.hash("正确的密码-correct horse"));
		assertTrue(hash.startsWith("pbkdf2-sha256$1000$"), hash);
	}

	@Test
	void aRaisedIterationCountStillVerifiesOldHashesAndAsksForARehash() {
		String old = passwords.hash("a long enough secret");
		Passwords raised = new Passwords(2_000);
		assertTrue(raised.verify("a long enough secret", old));
		assertFalse(raised.isCurrent(old));
		assertTrue(raised.isCurrent(raised.hash("a long enough secret")));
	}

	@Test
	void aNewPasswordMustBeLongAndVaried() {
		assertEquals("field", assertThrows(ProblemException.class, () -> Passwords.checkNew("field", "short")).field());
		assertThrows(ProblemException.class, () -> Passwords.checkNew("p", "aaaaaaaaaaaaaaaa"));
		assertThrows(ProblemException.class, () -> Passwords.checkNew("p", "x".repeat(129)));
		assertEquals("组织部的新密码-2026", Passwords.checkNew("p", "组织部的新密码-2026"));
	}

	@Test
	void generatedPasswordsAreLongReadableAndDifferent() {
		String a = Passwords.generate();
		assertEquals(20, a.length());
		assertTrue(a.matches("[A-HJ-NP-Za-km-z2-9]{20}"), a);
		assertNotEquals(a, Passwords.generate());
		Passwords.checkNew("p", a);
	}
}
