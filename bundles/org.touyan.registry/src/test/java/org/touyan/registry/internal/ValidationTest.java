package org.touyan.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.touyan.api.rest.ProblemException;

class ValidationTest {

	@Test
	void theActorIsTheGivenNameOrSystemAndIsPlainText() {
		assertEquals("system", Validation.actor(null));
		assertEquals("system", Validation.actor("  "));
		assertEquals("组织部管理员 (admin)", Validation.actor(" 组织部管理员 (admin) "));
		assertEquals("actor", assertThrows(ProblemException.class, () -> Validation.actor("a\u0007b")).field());
		assertEquals("actor", assertThrows(ProblemException.class, () -> Validation.actor("张".repeat(101))).field());
	}
}
