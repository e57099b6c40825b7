package org.touyan.api.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Many rows into one table of a transaction, sent {@value #SIZE} at a time, in the fastest way the
 * connection's {@link Dialect} offers: a JDBC batch on HSQLDB, which runs it in process; on
 * PostgreSQL one {@code INSERT … SELECT FROM unnest(…)} statement per {@value #SIZE} rows, each
 * column sent as one array. A batch there still costs the server an execution per row, about as
 * much again as the row's own insert (a rating run of 120,000 communities: 4.6–6.5 s in batches,
 * 3.7 s this way, the server's own floor with the table's keys being 3.6 s).
 *
 * <p>Table and column names are the bundle's own identifiers, never input. Values are bound as
 * {@link Sql#bind} binds them: a {@link LocalDate} as a date, an {@link Instant} or
 * {@link Timestamp} as a timestamp. A failed statement throws its {@link SQLException}, as a batch
 * does; the caller's transaction decides what is kept.
 *
 * <pre>{@code
 * try (BulkInsert rows = BulkInsert.into(c, "eval_score", column("cycle_id", VARCHAR), column("score", DECIMAL))) {
 *     for (…) rows.add(cycleId, score);
 *     rows.flush();
 * }
 * }</pre>
 *
 * @since 1.7
 */
public final class BulkInsert implements AutoCloseable {

	/** Rows held before they are sent: bounds the memory a large insert takes. */
	public static final int SIZE = 5000;

	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

	/** The SQL type of a column, as each dialect names it for the arrays PostgreSQL is sent. */
	public enum Type {
		VARCHAR("varchar"), INTEGER("int4"), BIGINT("int8"), DECIMAL("numeric"), BOOLEAN("bool"), DATE("date"),
		/** {@code TIMESTAMP WITH TIME ZONE} */
		TIMESTAMP("timestamptz");

		private final String postgres;

		Type(String postgres) {
			this.postgres = postgres;
		}

		/** Sent as the driver encodes it, rather than as text cast on the server. */
		private boolean encodedByDriver() {
			return this == VARCHAR || this == INTEGER || this == BIGINT || this == BOOLEAN;
		}
	}

	/** A column the rows fill, in the order of {@link #add}'s values. */
	public record Column(String name, Type type) {
		public Column {
			if (name == null || !IDENTIFIER.matcher(name).matches() || type == null) {
				throw new IllegalArgumentException("not a column: " + name + " " + type);
			}
		}
	}

	public static Column column(String name, Type type) {
		return new Column(name, type);
	}

	private final Connection connection;
	private final List<Column> columns;
	private final PreparedStatement ps;
	private final boolean arrays;
	/** PostgreSQL: the pending rows' values, column by column. */
	private final Object[][] pending;
	private int rows;

	private BulkInsert(Connection c, String table, List<Column> columns) throws SQLException {
		if (!IDENTIFIER.matcher(table).matches() || columns.isEmpty()) {
			throw new IllegalArgumentException("not a table with columns: " + table + " " + columns);
		}
		this.connection = c;
		this.columns = columns;
		this.arrays = Dialect.of(c) == Dialect.POSTGRESQL;
		String names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
		String sql = arrays
				? "INSERT INTO " + table + " (" + names + ") SELECT * FROM unnest("
						+ columns.stream().map(col -> "?::" + col.type().postgres + "[]").collect(Collectors.joining(", ")) + ")"
				: "INSERT INTO " + table + " (" + names + ") VALUES (" + "?, ".repeat(columns.size() - 1) + "?)";
		this.ps = c.prepareStatement(sql);
		this.pending = arrays ? new Object[columns.size()][SIZE] : null;
	}

	/** Rows for {@code table}'s {@code columns}, on {@code c}. */
	public static BulkInsert into(Connection c, String table, Column... columns) throws SQLException {
		return new BulkInsert(c, table, List.of(columns));
	}

	/** Adds one row, a value (or null) for each column in order; sends the rows when {@value #SIZE} are held. */
	public void add(Object... values) throws SQLException {
		if (values.length != columns.size()) {
			throw new IllegalArgumentException(values.length + " values for " + columns.size() + " columns");
		}
		if (arrays) {
			for (int i = 0; i < values.length; i++) {
				pending[i][rows] = element(columns.get(i).type(), values[i]);
			}
		} else {
			for (int i = 0; i < values.length; i++) {
				Object v = values[i];
				ps.setObject(i + 1, v instanceof LocalDate d ? java.sql.Date.valueOf(d) : v instanceof Instant t ? Timestamp.from(t) : v);
			}
			ps.addBatch();
		}
		if (++rows == SIZE) {
			flush();
		}
	}

	/** Sends the rows held, if any (HSQLDB refuses an empty batch). */
	public void flush() throws SQLException {
		if (rows == 0) {
			return;
		}
		if (arrays) {
			for (int i = 0; i < columns.size(); i++) {
				Type type = columns.get(i).type();
				Object[] values = Arrays.copyOf(pending[i], rows);
				ps.setArray(i + 1, connection.createArrayOf(type.encodedByDriver() ? type.postgres : "text", values));
				Arrays.fill(pending[i], null);
			}
			ps.executeUpdate();
		} else {
			ps.executeBatch();
		}
		rows = 0;
	}

	/** Closes the statement; rows not flushed are not sent. */
	@Override
	public void close() throws SQLException {
		ps.close();
	}

	/**
	 * A value as the array of its column holds it: the driver's own types where it encodes them,
	 * else text in a form PostgreSQL casts exactly (a plain decimal, an instant in UTC, an ISO date).
	 */
	private static Object element(Type type, Object v) {
		if (v == null || type.encodedByDriver()) {
			return v;
		}
		return switch (type) {
			case DECIMAL -> v instanceof BigDecimal d ? d.toPlainString() : v.toString();
			case TIMESTAMP -> v instanceof Timestamp t ? t.toInstant().toString() : v.toString();
			case DATE -> v instanceof java.sql.Date d ? d.toLocalDate().toString() : v.toString();
			default -> throw new IllegalStateException(type.name());
		};
	}
}
