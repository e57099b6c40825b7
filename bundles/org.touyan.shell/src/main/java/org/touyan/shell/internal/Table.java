package org.touyan.shell.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table for a terminal: columns padded to their widest cell, where a Chinese
 * character takes two columns, so headings such as {@code 插件 bsn} line up in any terminal.
 */
final class Table {

	private final List<String> headings;
	private final List<List<String>> rows = new ArrayList<>();

	Table(String... headings) {
		this.headings = List.of(headings);
	}

	Table row(Object... cells) {
		if (cells.length != headings.size()) {
			throw new IllegalArgumentException("a row has " + headings.size() + " cells, not " + cells.length);
		}
		List<String> row = new ArrayList<>();
		for (Object cell : cells) {
			row.add(cell == null ? "-" : oneLine(cell.toString()));
		}
		rows.add(row);
		return this;
	}

	boolean isEmpty() {
		return rows.isEmpty();
	}

	@Override
	public String toString() {
		int[] widths = new int[headings.size()];
		for (int i = 0; i < widths.length; i++) {
			widths[i] = width(headings.get(i));
			for (List<String> row : rows) {
				widths[i] = Math.max(widths[i], width(row.get(i)));
			}
		}
		StringBuilder out = new StringBuilder();
		line(out, headings, widths);
		List<String> rule = new ArrayList<>();
		for (int w : widths) {
			rule.add("-".repeat(w));
		}
		line(out, rule, widths);
		for (List<String> row : rows) {
			line(out, row, widths);
		}
		return out.toString();
	}

	private static void line(StringBuilder out, List<String> cells, int[] widths) {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < cells.size(); i++) {
			String cell = cells.get(i);
			line.append(cell);
			if (i < cells.size() - 1) {
				line.append(" ".repeat(widths[i] - width(cell) + 2));
			}
		}
		out.append(line.toString().stripTrailing()).append('\n');
	}

	/** Terminal columns: East Asian wide and full-width characters take two. */
	static int width(String text) {
		int w = 0;
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			w += wide(cp) ? 2 : 1;
			i += Character.charCount(cp);
		}
		return w;
	}

	private static boolean wide(int cp) {
		return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
				|| (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
				|| (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
	}

	/** A cell is one line: what a stored detail holds in line breaks or tabs is shown as spaces. */
	private static String oneLine(String text) {
		return text.replaceAll("[\\r\\n\\t]+", " ");
	}
}
