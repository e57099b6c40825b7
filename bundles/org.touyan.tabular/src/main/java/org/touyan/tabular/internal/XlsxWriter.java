package org.touyan.tabular.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.touyan.api.rest.Csv;
import org.touyan.api.tabular.Column;
import org.touyan.api.tabular.Table;

/**
 * Writes a table as a one-sheet workbook with POI's streaming writer (SXSSF): rows leave for a
 * temporary file a window at a time, so an export of 120,000 rows holds 200 of them. Text
 * is written as inline string cells (never a formula, no shared-string table to hold in memory) and
 * neutralised by {@link Csv#cell} exactly as the CSV export is; a number is a numeric cell.
 */
final class XlsxWriter {

	private static final int WINDOW = 200;

	private XlsxWriter() {
	}

	static void write(Table table, OutputStream out) throws IOException {
		// temporary rows uncompressed: compressing them too would deflate every row twice (about 20 MB of disk for 120,000 rows)
		SXSSFWorkbook workbook = new SXSSFWorkbook(null, WINDOW, false, false);
		try {
			SXSSFSheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(table.name()));
			sheet.setDefaultColumnWidth(16);
			sheet.createFreezePane(0, 1);
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			Row header = sheet.createRow(0);
			List<Column> columns = table.columns();
			for (int i = 0; i < columns.size(); i++) {
				Cell cell = header.createCell(i);
				cell.setCellValue(Csv.cell(columns.get(i).label()));
				cell.setCellStyle(bold);
			}
			int r = 1;
			for (List<?> cells : table.rows()) {
				Row row = sheet.createRow(r++);
				for (int i = 0; i < cells.size(); i++) {
					Object v = cells.get(i);
					if (v == null) {
						continue;
					}
					Cell cell = row.createCell(i);
					if (v instanceof Number n) {
						cell.setCellValue(n.doubleValue());
					} else {
						cell.setCellValue(Csv.cell(v));
					}
				}
			}
			workbook.write(out);
		} finally {
			workbook.dispose();
			workbook.close();
		}
	}
}
