package org.touyan.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.touyan.api.rest.ProblemException;

class ValidationTest {

	@Test
	void theActorIsTheHeaderOrSystemAndAChineseNameComesPercentEncoded() {
		assertEquals("system", Validation.actor(null));
		assertEquals("system", Validation.actor("  "));
		assertEquals("zhang.san", Validation.actor(" zhang.san "));
		assertEquals("组织部张三", Validation.actor("UTF-8''%E7%BB%84%E7%BB%87%E9%83%A8%E5%BC%A0%E4%B8%89"));
		assertEquals("X-Touyan-Actor", assertThrows(ProblemException.class, () -> Validation.actor("UTF-8''%E7%BB")).field());
		assertEquals("X-Touyan-Actor", assertThrows(ProblemException.class, () -> Validation.actor("UTF-8''%ZZ")).field());
		assertEquals("X-Touyan-Actor", assertThrows(ProblemException.class, () -> Validation.actor("a\u0007b")).field());
	}
}
