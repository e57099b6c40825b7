package org.touyan.api.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class FieldsTest {

	@Test
	void aMissingFieldIsRefusedByNameInChineseAndInEnglish() {
		ProblemException e = assertThrows(ProblemException.class, () -> Fields.required("name", "  ", 10));
		assertEquals(400, e.status());
		assertEquals("name", e.field());
		assertEquals("此项必填", e.detail());
		assertEquals("此项必填", e.detail(Locale.SIMPLIFIED_CHINESE));
		assertEquals("name is required", e.detail(Locale.ENGLISH));
	}

	@Test
	void lengthCountsCharactersAsUsersSeeThem() {
		assertEquals("𠮷𡈼", Fields.required("name", " 𠮷𡈼 ", 2));
		ProblemException e = assertThrows(ProblemException.class, () -> Fields.required("name", "𠮷𡈼王", 2));
		assertEquals("最多 2 个字", e.detail());
	}

	@Test
	void oneLineTextRefusesLineBreaksAParagraphKeepsThem() {
		assertEquals("name", assertThrows(ProblemException.class, () -> Fields.line("name", "张\n三", 10, true)).field());
		assertEquals("第一行\n第二行", Fields.paragraph("note", "第一行\n第二行", 10, true));
		assertThrows(ProblemException.class, () -> Fields.paragraph("note", "响\u0007铃", 10, true));
	}

	@Test
	void optionalTextIsNullWhenBlank() {
		assertNull(Fields.optional("nameEn", " ", 10));
	}

	@Test
	void yearsAreChecked() {
		assertEquals(2026, Fields.year("year", "2026"));
		assertNull(Fields.year("year", (String) null));
		assertEquals("year", assertThrows(ProblemException.class, () -> Fields.year("year", "abc")).field());
		assertEquals("应为年份，如 2026", assertThrows(ProblemException.class, () -> Fields.year("year", 1999)).detail());
	}

	@Test
	void aMissingBodyIsRefused() {
		assertEquals("请求须带 JSON 正文", assertThrows(ProblemException.class, () -> Fields.body(null)).detail());
	}

	@Test
	void aProblemWithOneDetailAnswersItInEveryLanguage() {
		assertEquals("text", new ProblemException(400, "Invalid", "text").detail(Locale.ENGLISH));
	}
}
