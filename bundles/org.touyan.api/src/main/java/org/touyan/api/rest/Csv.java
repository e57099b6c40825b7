package org.touyan.api.rest;

import java.util.ArrayList;
import java.util.List;

/**
 * CSV for imports and exports of the REST API, as RFC 4180 writes it (quoted fields may hold commas, quotes and line breaks), the shape
 * spreadsheets export; a UTF-8 byte order mark at the start is ignored.
 */
public final class Csv {

	private Csv() {
	}

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
				row.add(cell.toString());
				cell.setLength(0);
			} else if (ch == '\n' || ch == '\r') {
				if (ch == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
					i++;
				}
				row.add(cell.toString());
				cell.setLength(0);
				rows.add(row);
				row = new ArrayList<>();
				any = false;
			} else {
				cell.append(ch);
			}
		}
		if (quoted) {
			throw ProblemException.invalid(null, "the CSV ends inside a quoted field (row " + (rows.size() + 1) + ")");
		}
		if (any) {
			row.add(cell.toString());
			rows.add(row);
		}
		return rows;
	}

	/**
	 * One CSV line of values: null is an empty cell and a decimal is written as a spreadsheet
	 * shows it (4.50 stored as DECIMAL reads 4.5).
	 */
	public static String line(Object... cells) {
		List<String> texts = new ArrayList<>();
		for (Object cell : cells) {
			texts.add(cell == null ? "" : cell instanceof java.math.BigDecimal d ? d.stripTrailingZeros().toPlainString()
					: cell.toString());
		}
		return line(texts);
	}

	public static String line(List<String> cells) {
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				b.append(',');
			}
			String v = cells.get(i) == null ? "" : cells.get(i);
			if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
				b.append('"').append(v.replace("\"", "\"\"")).append('"');
			} else {
				b.append(v);
			}
		}
		return b.append("\r\n").toString();
	}
}
