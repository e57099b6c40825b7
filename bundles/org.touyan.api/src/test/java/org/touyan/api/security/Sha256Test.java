package org.touyan.api.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class Sha256Test {

	@Test
	void textMovedAcrossANewlineBetweenFieldsChangesTheHashInFormat2Only() {
		String[] written = { "组织部管理员 (admin)", "person.updated\nextra", "person" };
		String[] moved = { "组织部管理员 (admin)", "person.updated", "extra\nperson" };
		assertEquals(Sha256.chain(Sha256.FORMAT_1, written), Sha256.chain(Sha256.FORMAT_1, moved));
		assertNotEquals(Sha256.chain(Sha256.FORMAT_2, written), Sha256.chain(Sha256.FORMAT_2, moved));
	}

	@Test
	void format2TellsAnAbsentFieldFromTheTextNullAndFromAnEmptyOne() {
		assertNotEquals(Sha256.chain(Sha256.FORMAT_2, "a", null), Sha256.chain(Sha256.FORMAT_2, "a", "null"));
		assertNotEquals(Sha256.chain(Sha256.FORMAT_2, "a", null), Sha256.chain(Sha256.FORMAT_2, "a", ""));
		assertNotEquals(Sha256.chain(Sha256.FORMAT_2, "ab", ""), Sha256.chain(Sha256.FORMAT_2, "a", "b"));
	}

	@Test
	void format1IsWhatEntriesWereHashedWithBefore() {
		assertEquals(Sha256.hex("a\nnull\nb"), Sha256.chain(Sha256.FORMAT_1, "a", null, "b"));
		// SHA-256("abc"), the FIPS 180-2 example
		assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha256.hex("abc"));
		assertEquals(Sha256.FORMAT_2, Sha256.CURRENT);
		assertThrows(IllegalArgumentException.class, () -> Sha256.chain(3, "a"));
	}
}
