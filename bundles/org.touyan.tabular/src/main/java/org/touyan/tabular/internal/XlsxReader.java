package org.touyan.tabular.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.poi.util.XMLHelper;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.touyan.api.rest.Csv;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.tabular.Tabular;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads the first worksheet of an xlsx upload as rows of text with POI's event model: the sheet's
 * XML is parsed as a SAX stream and only the cells' text is kept, so a 120,000-row column costs its
 * strings, never a workbook document. The upload is spooled to a temporary file first, because a zip
 * is read from its end (the central directory) and POI checks each entry against zip bombs as it
 * inflates it from a file.
 */
final class XlsxReader {

	/** The largest part (a sheet's XML) a workbook may inflate to. */
	static final long MAX_PART_BYTES = 256L << 20;

	static {
		// a part inflating to more than 100 times its compressed size is treated as a bomb (POI's default ratio, made explicit)
		ZipSecureFile.setMinInflateRatio(0.01);
		ZipSecureFile.setMaxEntrySize(MAX_PART_BYTES);
	}

	private XlsxReader() {
	}

	static List<List<String>> read(InputStream in) {
		Path file = null;
		try {
			file = Files.createTempFile("touyan-import-", ".xlsx");
			Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
			return read(file.toFile());
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		} finally {
			if (file != null) {
				try {
					Files.deleteIfExists(file);
				} catch (IOException e) {
					// a temporary file left behind is removed with the temporary directory
				}
			}
		}
	}

	private static List<List<String>> read(File file) throws IOException {
		FileMagic magic = FileMagic.valueOf(file);
		if (magic == FileMagic.OLE2) {
			throw Limits.notXlsx("这是旧版 Excel（.xls）文件；请在 Excel 中另存为 .xlsx 后再上传", "this is an old Excel (.xls) file; save it as .xlsx");
		}
		if (magic != FileMagic.OOXML) {
			throw Limits.notXlsx("上传的文件不是 Excel 工作簿（.xlsx）", "the upload is not an Excel workbook (.xlsx)");
		}
		try (OPCPackage pkg = OPCPackage.open(file, PackageAccess.READ)) {
			XSSFReader reader = new XSSFReader(pkg);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
			StylesTable styles = reader.getStylesTable();
			Iterator<InputStream> sheets = reader.getSheetsData();
			if (!sheets.hasNext()) {
				throw Limits.notXlsx("工作簿中没有工作表", "the workbook has no worksheet");
			}
			Rows rows = new Rows();
			try (InputStream sheet = sheets.next()) {
				XMLReader parser = XMLHelper.newXMLReader();
				parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, rows, new PlainFormatter(), false));
				parser.parse(new InputSource(sheet));
			}
			return rows.padded();
		} catch (ProblemException e) {
			throw e;
		} catch (Exception e) {
			throw refusal(e);
		}
	}

	/** What went wrong reading, as the problem a client can act on: a limit found inside the parse, a bomb, or a damaged file. */
	private static ProblemException refusal(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof ProblemException p) {
				return p;
			}
			String message = String.valueOf(t.getMessage());
			if (message.contains("Zip bomb") || message.contains("exceeds the max") || message.contains("max entry size")) {
				return new ProblemException(413, "Payload too large", "工作簿解压后过大（疑似压缩炸弹），未导入任何数据",
						"the workbook inflates too far (a zip bomb?); nothing was imported", null);
			}
		}
		return Limits.notXlsx("Excel 工作簿已损坏或无法读取，未导入任何数据", "the workbook is damaged or cannot be read; nothing was imported");
	}

	/** Collects the cells of each row by column; a row or cell the sheet skips is empty, so row numbers are Excel's. */
	private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
		final List<List<String>> rows = new ArrayList<>();
		private int row;
		private int next;

		/**
		 * The rows, each with a cell for every column of the header: Excel writes no cell for an empty
		 * one, where CSV writes an empty field, and an import then reads the same row either way.
		 */
		List<List<String>> padded() {
			int width = rows.isEmpty() ? 0 : rows.get(0).size();
			for (List<String> r : rows) {
				while (!r.isEmpty() && r.size() < width) {
					r.add("");
				}
			}
			return rows;
		}

		@Override
		public void startRow(int rowNum) {
			row = rowNum;
			next = 0;
		}

		@Override
		public void endRow(int rowNum) {
		}

		@Override
		public void cell(String reference, String value, XSSFComment comment) {
			int column = reference == null ? next : new CellReference(reference).getCol();
			next = column + 1;
			if (value == null || value.isEmpty()) {
				return;
			}
			if (row > Tabular.MAX_ROWS) {
				throw Limits.tooManyRows();
			}
			if (column >= Tabular.MAX_COLUMNS) {
				throw Limits.tooManyColumns();
			}
			while (rows.size() <= row) {
				rows.add(new ArrayList<>());
			}
			List<String> cells = rows.get(row);
			while (cells.size() < column) {
				cells.add("");
			}
			cells.add(Csv.restore(value));
		}
	}

	/**
	 * Cell text as an import reads it, whatever the cell's display format: a number as its plain
	 * decimal (85.5, not "85.50" or "8.55E+01"), a date as ISO ({@code 2021-01-10}), as CSV carries them.
	 */
	private static final class PlainFormatter extends DataFormatter {
		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString) {
			if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
				LocalDateTime t = DateUtil.getLocalDateTime(value);
				return t.toLocalTime().toSecondOfDay() == 0 ? t.toLocalDate().toString() : t.toString();
			}
			return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
		}
	}
}
