package org.touyan.api.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CsvTest {

	@ParameterizedTest
	@ValueSource(strings = { "=HYPERLINK(\"http://x\",\"点我\")", "+SUM(1,2)", "-2+3", "@SUM(A1)", "\tcmd", "\r=1", "=", "-" })
	void aTextCellThatASpreadsheetWouldRunIsWrittenAsText(String text) {
		String cell = Csv.cell(text);
		assertEquals("'" + text, cell);
		String line = Csv.line("x", text);
		// the first character of the field's content, quoted or not, is the apostrophe
		String field = line.substring(2, line.length() - 2);
		assertEquals('\'', field.charAt(field.startsWith("\"") ? 1 : 0), line);
	}

	@ParameterizedTest
	@ValueSource(strings = { "王建国", "𠮷𡈼", "𠮷", "a=b", "1-2", "'quoted", "'", "", "张三,李四", "他说\"好\"", "两\n行",
			"=HYPERLINK(\"http://x\",\"点我\")", "'=1+1", "''@x", "-5", "+86 138", "\t", "@" })
	void everyTextReadsBackExactly(String text) {
		List<List<String>> rows = Csv.parse(Csv.line("a", text, "z") + Csv.line(text));
		assertEquals(List.of(List.of("a", text, "z"), List.of(text)), rows);
	}

	@Test
	void validChineseAndSurrogatePairTextIsWrittenUnchanged() {
		assertEquals("𠮷𡈼,王建国,湖畔夜校\r\n", Csv.line("𠮷𡈼", "王建国", "湖畔夜校"));
	}

	@Test
	void numbersThePlatformWritesAreDataEvenWhenNegative() {
		assertEquals("-2.5,-3,0,4.5,12\r\n", Csv.line(new BigDecimal("-2.50"), -3, 0L, new BigDecimal("4.50"), 12));
		// the same characters as text are neutralised: only the platform's own numbers are trusted
		assertEquals("'-2.5\r\n", Csv.line("-2.5"));
	}

	@Test
	void nullIsAnEmptyCellAndTheListFormIsTheSame() {
		assertEquals(",x,\r\n", Csv.line(null, "x", null));
		assertEquals(Csv.line("=a", 1, null), Csv.line(Arrays.asList("=a", 1, null)));
	}

	@Test
	void aHandWrittenApostropheBeforeAFormulaCharacterIsTakenOff() {
		assertEquals(List.of(List.of("=1", "-5", "'abc")), Csv.parse("'=1,'-5,'abc\r\n"));
	}
}
