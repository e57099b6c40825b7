package org.touyan.api.tabular;

import java.util.ArrayList;
import java.util.List;

/**
 * A column of an import or export: its {@code key}, the header CSV writes and every import has read
 * so far ({@code communityId}), and its Chinese {@code label} ({@code 社区ID}), the header an Excel
 * export writes. An import accepts either in its header row.
 */
public record Column(String key, String label) {

	public Column {
		if (key == null || key.isBlank() || label == null || label.isBlank()) {
			throw new IllegalArgumentException("a column needs a key and a label");
		}
	}

	public static Column of(String key, String label) {
		return new Column(key, label);
	}

	/** A column whose label is its key, for headers made from data (a grade, a type). */
	public static Column of(String key) {
		return new Column(key, key);
	}

	/**
	 * The rows of an import with each header cell that is one of the columns' labels replaced by that
	 * column's key, so an import reads its columns by key whatever the file's header says. Other
	 * header cells and the data rows are left as they are (an unknown header stays for the import to
	 * name in its report).
	 */
	public static List<List<String>> keyed(List<List<String>> rows, List<Column> columns) {
		if (rows.isEmpty()) {
			return rows;
		}
		List<String> header = new ArrayList<>(rows.get(0).size());
		for (String cell : rows.get(0)) {
			String text = cell.strip();
			header.add(columns.stream().filter(c -> c.label().equals(text)).map(Column::key).findFirst().orElse(cell));
		}
		List<List<String>> keyed = new ArrayList<>(rows);
		keyed.set(0, header);
		return keyed;
	}

	/** The columns' keys, in order. */
	public static List<String> keys(List<Column> columns) {
		return columns.stream().map(Column::key).toList();
	}
}
