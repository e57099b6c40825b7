package org.touyan.training.internal;

import java.util.ArrayList;
import java.util.List;

import org.touyan.api.rest.ProblemException;

/**
 * CSV as spreadsheets export it (RFC 4180: quoted fields may hold commas, quotes and line breaks;
 * a UTF-8 byte order mark is ignored); blank lines are skipped.
 */
final class Csv {

	private Csv() {
	}

	static List<List<String>> parse(String text) {
		String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
		List<List<String>> rows = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < s.length(); i++) {
			char ch = s.charAt(i);
			if (quoted) {
				if (ch == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				} else if (ch == '"') {
					quoted = false;
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
				end(rows, row, cell);
				row = new ArrayList<>();
			} else {
				cell.append(ch);
			}
		}
		if (quoted) {
			throw ProblemException.invalid(null, "the CSV ends inside a quoted field");
		}
		end(rows, row, cell);
		return rows;
	}

	private static void end(List<List<String>> rows, List<String> row, StringBuilder cell) {
		row.add(cell.toString());
		cell.setLength(0);
		if (!(row.size() == 1 && row.get(0).isBlank())) {
			rows.add(row);
		}
	}

	/** One CSV line: fields holding a comma, quote or line break are quoted. */
	static String line(Object... cells) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < cells.length; i++) {
			Object cell = cells[i];
			// 4.50 stored as DECIMAL(6,2) reads 4.5, as a spreadsheet shows it
			String v = cell == null ? "" : cell instanceof java.math.BigDecimal d ? d.stripTrailingZeros().toPlainString() : cell.toString();
			if (i > 0) {
				out.append(',');
			}
			out.append(v.matches("(?s).*[,\"\r\n].*") ? '"' + v.replace("\"", "\"\"") + '"' : v);
		}
		return out.append("\r\n").toString();
	}
}
