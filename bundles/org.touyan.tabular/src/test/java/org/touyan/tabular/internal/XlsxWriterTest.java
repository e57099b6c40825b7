package org.touyan.tabular.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.touyan.api.tabular.Column;
import org.touyan.api.tabular.Format;
import org.touyan.api.tabular.Table;

class XlsxWriterTest {

	static final String LINK = "=HYPERLINK(\"http://x\",\"点我\")";
	static final List<String> HOSTILE = List.of(LINK, "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR", "'=already", "𠮷𡈼", "-12");

	private final TabularService tabular = new TabularService();

	static byte[] xlsx(Table table) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new TabularService().write(table, Format.XLSX, out);
		return out.toByteArray();
	}

	@Test
	void everyTextCellIsAStringCellNeutralisedAsCsvDoesAndNumbersStayNumbers() throws Exception {
		Table table = new Table("roster", Column.of("name", "姓名"), Column.of("score", "得分"));
		for (String h : HOSTILE) {
			table.row(h, new BigDecimal("-2.50"));
		}
		table.row(null, 7);
		byte[] bytes = xlsx(table);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			Sheet sheet = book.getSheetAt(0);
			assertEquals("roster", sheet.getSheetName());
			assertEquals("姓名", sheet.getRow(0).getCell(0).getStringCellValue());
			assertEquals("得分", sheet.getRow(0).getCell(1).getStringCellValue());
			for (int i = 0; i < HOSTILE.size(); i++) {
				Cell text = sheet.getRow(i + 1).getCell(0);
				assertEquals(CellType.STRING, text.getCellType(), HOSTILE.get(i));
				String expected = HOSTILE.get(i).equals("𠮷𡈼") ? "𠮷𡈼" : "'" + HOSTILE.get(i);
				assertEquals(expected, text.getStringCellValue());
				Cell number = sheet.getRow(i + 1).getCell(1);
				assertEquals(CellType.NUMERIC, number.getCellType());
				assertEquals(-2.5, number.getNumericCellValue());
			}
			Row last = sheet.getRow(HOSTILE.size() + 1);
			assertEquals(null, last.getCell(0));
			assertEquals(7.0, last.getCell(1).getNumericCellValue());
			for (Row row : sheet) {
				for (Cell cell : row) {
					assertFalse(cell.getCellType() == CellType.FORMULA, "no formula cell");
				}
			}
		}
		String sheetXml = part(bytes, "xl/worksheets/sheet1.xml");
		assertFalse(sheetXml.contains("<f>") || sheetXml.contains("<f "), "no formula element in the sheet");
		assertTrue(sheetXml.contains("t=\"inlineStr\""), "text is written as inline strings");
	}

	@Test
	void anExportReadsBackAsExactlyTheTextItHad() throws Exception {
		Table table = new Table("t", Column.of("name", "姓名"), Column.of("n", "数"));
		// a cell of a carriage return alone is read as Excel keeps it; the rest reads back exactly
		List<String> texts = HOSTILE.stream().filter(h -> !h.startsWith("\r")).toList();
		texts.forEach(h -> table.row(h, 85.5));
		List<List<String>> rows = tabular.read(Format.XLSX, new ByteArrayInputStream(xlsx(table)));
		assertEquals(List.of("姓名", "数"), rows.get(0));
		assertEquals(texts.size() + 1, rows.size());
		for (int i = 1; i < rows.size(); i++) {
			assertEquals(List.of(texts.get(i - 1), "85.5"), rows.get(i));
		}
	}

	@Test
	void csvIsWrittenWithTheKeysAsHeaderAndABom() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		tabular.write(new Table("t", Column.of("name", "姓名"), Column.of("n", "数")).row("=1", -2), Format.CSV, out);
		assertEquals("\uFEFFname,n\r\n'=1,-2\r\n", out.toString(StandardCharsets.UTF_8));
	}

	static String part(byte[] zip, String name) throws Exception {
		// SXSSF's zip declares its sizes after each entry, which only a zip read from its directory accepts
		java.nio.file.Path file = java.nio.file.Files.createTempFile("part", ".zip");
		try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(java.nio.file.Files.write(file, zip).toFile())) {
			ZipEntry e = z.getEntry(name);
			if (e == null) {
				throw new AssertionError("no part " + name);
			}
			return new String(z.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
		} finally {
			java.nio.file.Files.delete(file);
		}
	}
}
