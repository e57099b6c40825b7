package org.touyan.tabular.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.tabular.Column;
import org.touyan.api.tabular.Format;
import org.touyan.api.tabular.Table;
import org.touyan.api.tabular.Tabular;

class XlsxReaderTest {

	private final TabularService tabular = new TabularService();

	private List<List<String>> read(byte[] bytes) {
		return tabular.read(Format.XLSX, new ByteArrayInputStream(bytes));
	}

	private static byte[] bytes(Workbook book) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		book.write(out);
		book.close();
		return out.toByteArray();
	}

	@Test
	void aWorkbookTypedByHandReadsAsCsvWould() throws Exception {
		XSSFWorkbook book = new XSSFWorkbook();
		Sheet sheet = book.createSheet("分数");
		Row header = sheet.createRow(0);
		header.createCell(0).setCellValue("社区ID");
		header.createCell(1).setCellValue("score");
		header.createCell(3).setCellValue("日期");
		Row one = sheet.createRow(1);
		one.createCell(0).setCellValue("c1");
		one.createCell(1).setCellValue(90.0);
		CellStyle shown = book.createCellStyle();
		shown.setDataFormat(book.createDataFormat().getFormat("0.00"));
		one.getCell(1).setCellStyle(shown);
		CellStyle date = book.createCellStyle();
		date.setDataFormat(book.createDataFormat().getFormat("yyyy/m/d"));
		one.createCell(3).setCellValue(LocalDate.of(2021, 1, 10));
		one.getCell(3).setCellStyle(date);
		// a skipped row keeps Excel's row numbers
		Row four = sheet.createRow(3);
		four.createCell(0).setCellValue("c2");
		four.createCell(1).setCellValue(12.345);
		four.createCell(2).setCellFormula("1+1");
		book.createSheet("第二张").createRow(0).createCell(0).setCellValue("not read");

		List<List<String>> rows = read(bytes(book));
		assertEquals(List.of("社区ID", "score", "", "日期"), rows.get(0));
		assertEquals(List.of("c1", "90", "", "2021-01-10"), rows.get(1));
		assertEquals(List.of(), rows.get(2));
		// a formula is read by the value it was saved with (none here: it was never calculated); the row is as wide as the header
		assertEquals(List.of("c2", "12.345", "", ""), rows.get(3));
		assertEquals(4, rows.size());
	}

	@Test
	void headersMayBeTheChineseLabels() throws Exception {
		byte[] bytes = XlsxWriterTest.xlsx(new Table("t", Column.of("communityId", "社区ID"), Column.of("score", "得分")).row("c1", 80));
		List<List<String>> rows = Column.keyed(read(bytes), List.of(Column.of("communityId", "社区ID"), Column.of("score", "得分")));
		assertEquals(List.of(List.of("communityId", "score"), List.of("c1", "80")), rows);
	}

	@Test
	void somethingElseThanAWorkbookIsA400() throws Exception {
		ProblemException text = assertThrows(ProblemException.class, () -> read("communityId,score\n".getBytes(StandardCharsets.UTF_8)));
		assertEquals(400, text.status());
		assertTrue(text.detail().contains("不是 Excel 工作簿"), text.detail());
		ProblemException xls = assertThrows(ProblemException.class, () -> read(bytes(new HSSFWorkbook())));
		assertEquals(400, xls.status());
		assertTrue(xls.detail().contains(".xls"), xls.detail());
		byte[] good = XlsxWriterTest.xlsx(new Table("t", Column.of("a")).row("x"));
		byte[] cut = java.util.Arrays.copyOf(good, good.length / 2);
		assertEquals(400, assertThrows(ProblemException.class, () -> read(cut)).status());
	}

	@Test
	void aWorkbookWithoutAWorksheetIsA400() throws Exception {
		ProblemException e = assertThrows(ProblemException.class, () -> read(bytes(new XSSFWorkbook())));
		assertEquals(400, e.status());
		assertTrue(e.detail().contains("没有工作表"), e.detail());
	}

	@Test
	void aZipBombIsRefusedBeforeItIsInflated() throws Exception {
		byte[] good = XlsxWriterTest.xlsx(new Table("t", Column.of("a")).row("x"));
		// the same workbook whose sheet inflates 1,000 times its compressed size
		String sheet = XlsxWriterTest.part(good, "xl/worksheets/sheet1.xml");
		String padded = sheet.replace("<sheetData>", "<sheetData>" + " ".repeat(20 << 20));
		ProblemException e = assertThrows(ProblemException.class, () -> read(replace(good, "xl/worksheets/sheet1.xml", padded)));
		assertEquals(413, e.status());
		assertTrue(e.detail().contains("压缩炸弹"), e.detail());
	}

	@Test
	void moreRowsThanTheLimitIsA413() throws Exception {
		XSSFWorkbook book = new XSSFWorkbook();
		Sheet sheet = book.createSheet();
		sheet.createRow(0).createCell(0).setCellValue("a");
		sheet.createRow(Tabular.MAX_ROWS + 1).createCell(0).setCellValue("one too many");
		assertEquals(413, assertThrows(ProblemException.class, () -> read(bytes(book))).status());
		XSSFWorkbook wide = new XSSFWorkbook();
		wide.createSheet().createRow(0).createCell(Tabular.MAX_COLUMNS).setCellValue("x");
		assertEquals(413, assertThrows(ProblemException.class, () -> read(bytes(wide))).status());
	}

	@Test
	void csvThatIsNotUtf8IsRefused() {
		byte[] gbk = "姓名".getBytes(java.nio.charset.Charset.forName("GBK"));
		ProblemException e = assertThrows(ProblemException.class, () -> tabular.read(Format.CSV, new ByteArrayInputStream(gbk)));
		assertEquals(400, e.status());
	}

	static byte[] replace(byte[] zip, String name, String content) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		java.nio.file.Path file = java.nio.file.Files.createTempFile("part", ".zip");
		try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(java.nio.file.Files.write(file, zip).toFile());
				ZipOutputStream z = new ZipOutputStream(out)) {
			for (ZipEntry e : java.util.Collections.list(in.entries())) {
				z.putNextEntry(new ZipEntry(e.getName()));
				z.write(e.getName().equals(name) ? content.getBytes(StandardCharsets.UTF_8) : in.getInputStream(e).readAllBytes());
				z.closeEntry();
			}
		} finally {
			java.nio.file.Files.delete(file);
		}
		return out.toByteArray();
	}
}
