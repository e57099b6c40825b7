package org.touyan.api.rest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * CSV for imports and exports of the REST API, as RFC 4180 writes it (quoted fields may hold commas, quotes and line breaks), the shape
 * spreadsheets export; a UTF-8 byte order mark at the start is ignored.
 *
 * <p>Every export is safe to open in a spreadsheet. Excel, WPS and LibreOffice run a cell that begins
 * with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return as a formula (CSV
 * injection), so such a text cell is written with an apostrophe in front (OWASP's rule), which makes
 * the spreadsheet show it as text. This is the one place that does it: exports write their cells
 * through {@link #line}. Numbers the platform writes itself (a {@link Number} cell, such as a score
 * of {@code -2.5}) are data, not formulas, and are written as they are; text is always neutralised,
 * even when it looks like a number. {@link #parse} takes the apostrophe off again, so an export
 * reads back as exactly the text that was exported.
 */
public final class Csv {

	private Csv() {
	}

	/** The characters a spreadsheet reads as the start of a formula. */
	private static final String FORMULA_START = "=+-@\t\r";

	/**
	 * The rows of a CSV text. A cell written by {@link #line} with an apostrophe in front of a
	 * formula character answers the text without that apostrophe.
	 */
	public static List<List<String>> parse(String text) {
		String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
		List<List<String>> rows = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		boolean any = false;
		for (int i = 0; i < s.length(); i++) {
			char ch = s.charAt(i);
			any = true;
			if (quoted) {
				if (ch == '"') {
					if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
						cell.append('"');
						i++;
					} else {
						quoted = false;
					}
				} else {
					cell.append(ch);
				}
			} else if (ch == '"' && cell.length() == 0) {
				quoted = true;
			} else if (ch == ',') {
				row.add(unescape(cell.toString()));
				cell.setLength(0);
			} else if (ch == '\n' || ch == '\r') {
				if (ch == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
					i++;
				}
				row.add(unescape(cell.toString()));
				cell.setLength(0);
				rows.add(row);
				row = new ArrayList<>();
				any = false;
			} else {
				cell.append(ch);
			}
		}
		if (quoted) {
			throw ProblemException.invalid(null, "CSV 文件在引号内的字段中结束（第 " + (rows.size() + 1) + " 行），请检查引号是否成对",
					"the CSV ends inside a quoted field (row " + (rows.size() + 1) + ")");
		}
		if (any) {
			row.add(unescape(cell.toString()));
			rows.add(row);
		}
		return rows;
	}

	/**
	 * One CSV line of values: null is an empty cell, a number is written as a spreadsheet shows it
	 * (4.50 stored as DECIMAL reads 4.5) and as it is, sign and all, and anything else is written as
	 * its text, neutralised ({@link #cell}).
	 */
	public static String line(Object... cells) {
		return line(Arrays.asList(cells));
	}

	/** {@link #line(Object...)} of a list of cells. */
	public static String line(List<?> cells) {
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				b.append(',');
			}
			String v = cell(cells.get(i));
			if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
				b.append('"').append(v.replace("\"", "\"\"")).append('"');
			} else {
				b.append(v);
			}
		}
		return b.append("\r\n").toString();
	}

	/**
	 * The text of one exported cell, before CSV quoting; also for other spreadsheet exports. Null is
	 * empty; a {@link Number} is written plainly; text that a spreadsheet would run as a formula
	 * gets an apostrophe in front. So does text that already begins with apostrophes before such a
	 * character, so that {@link #parse} can tell the two apart and every text reads back exactly.
	 */
	public static String cell(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof BigDecimal d) {
			return d.stripTrailingZeros().toPlainString();
		}
		if (value instanceof Number n) {
			return n.toString();
		}
		String text = value.toString();
		return formulaAfterApostrophes(text) ? "'" + text : text;
	}

	/**
	 * The text of one imported cell as it was before {@link #cell} neutralised it: the apostrophe in
	 * front of a formula character is taken off. For other spreadsheet imports too.
	 */
	public static String restore(String cell) {
		return unescape(cell);
	}

	private static String unescape(String cell) {
		return cell.startsWith("'") && formulaAfterApostrophes(cell) ? cell.substring(1) : cell;
	}

	private static boolean formulaAfterApostrophes(String text) {
		int i = 0;
		while (i < text.length() && text.charAt(i) == '\'') {
			i++;
		}
		return i < text.length() && FORMULA_START.indexOf(text.charAt(i)) >= 0;
	}
}
