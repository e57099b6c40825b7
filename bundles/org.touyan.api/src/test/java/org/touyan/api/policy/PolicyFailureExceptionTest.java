package org.touyan.api.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class PolicyFailureExceptionTest {

	private static final Provenance FORMULA = new Provenance("cn.example.star", "1.0.2", "district-default", 7);

	@Test
	void usersReadTheReasonInChineseAndTheLogInEnglish() {
		PolicyFailureException e = new PolicyFailureException(FORMULA, "未在 2000 毫秒内答复", "did not answer within 2000 ms");
		assertEquals("策略插件 district-default (cn.example.star 1.0.2, binding r7) 未在 2000 毫秒内答复", e.detail(null));
		assertEquals("策略插件 district-default (cn.example.star 1.0.2, binding r7) 未在 2000 毫秒内答复", e.detail(Locale.SIMPLIFIED_CHINESE));
		assertEquals("Policy district-default (cn.example.star 1.0.2, binding r7) did not answer within 2000 ms", e.getMessage());
		assertEquals(e.getMessage(), e.detail(Locale.ENGLISH));
	}

	@Test
	void aReasonGivenInEnglishOnlyIsQuotedAfterAChineseLead() {
		PolicyFailureException e = new PolicyFailureException(FORMULA, "answered 6 stars, outside 1–5");
		assertEquals("策略插件 district-default (cn.example.star 1.0.2, binding r7) 出错：answered 6 stars, outside 1–5", e.detail(null));
	}
}
