package org.touyan.api.tabular;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.touyan.api.rest.Csv;

/**
 * A table to export: a name (the workbook's sheet, the file's name), its columns and its rows, built
 * row by row. A cell is {@code null} (empty), a {@link Number} the platform computed (a score, a
 * count: written as a number) or anything else, written as its text and neutralised against formula
 * injection ({@code Tabular}). Masking personal numbers is the caller's: a table holds what it shows.
 */
public final class Table {

	private final String name;
	private final List<Column> columns;
	private final List<List<?>> rows = new ArrayList<>();

	public Table(String name, List<Column> columns) {
		if (name == null || name.isBlank() || columns.isEmpty()) {
			throw new IllegalArgumentException("a table needs a name and at least one column");
		}
		this.name = name;
		this.columns = List.copyOf(columns);
	}

	public Table(String name, Column... columns) {
		this(name, Arrays.asList(columns));
	}

	/** Adds a row of cells, one a column (a shorter row is padded with empty cells, a longer one refused). */
	public Table row(List<?> cells) {
		if (cells.size() > columns.size()) {
			throw new IllegalArgumentException("a row of " + cells.size() + " cells in a table of " + columns.size() + " columns");
		}
		rows.add(Collections.unmodifiableList(new ArrayList<>(cells)));
		return this;
	}

	public Table row(Object... cells) {
		return row(Arrays.asList(cells));
	}

	/**
	 * The table as CSV text: a UTF-8 byte order mark (spreadsheets then read the Chinese), the
	 * columns' keys as header, each row as {@link Csv#line} writes it.
	 */
	public String csv() {
		StringBuilder out = new StringBuilder("\uFEFF").append(Csv.line(Column.keys(columns)));
		rows.forEach(r -> out.append(Csv.line(r)));
		return out.toString();
	}

	public String name() {
		return name;
	}

	public List<Column> columns() {
		return columns;
	}

	public List<List<?>> rows() {
		return Collections.unmodifiableList(rows);
	}
}
