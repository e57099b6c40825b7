package org.touyan.api.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.touyan.api.rest.Nullable;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.ProblemException;

/**
 * The few JDBC shapes every bundle's tables need, written once: mapping rows, one page with its
 * total, optional filters, {@code IN} lists, writes whose integrity violations answer 409, row
 * locks, timestamps and batches. Each bundle's services then read as their rules, and a rule of
 * the plumbing (how a conflict is worded, what a timestamp keeps) is the same in every bundle.
 *
 * <p>It writes standard SQL ({@code LIMIT ? OFFSET ?}, {@code COUNT(*)}, {@code IN}), which HSQLDB
 * and PostgreSQL both run. The few statements that differ between them are chosen here, by the
 * connection's {@link Dialect}, so no bundle writes a dialect's SQL of its own (1.5:
 * {@link #nextValue}).
 */
public final class Sql {

	/** SQLSTATE class of a unique or foreign key violation. */
	private static final String INTEGRITY = "23";

	/** What {@link #nextValue} takes as a sequence name: an unquoted SQL identifier. */
	private static final java.util.regex.Pattern SEQUENCE = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

	/** What a 409 says when the caller has nothing more precise: the row changed meanwhile. */
	private static final Conflict STORED_MEANWHILE = new Conflict(null, "数据已被他人修改，请刷新后重试",
			"the change conflicts with data stored meanwhile; reload and try again");

	private Sql() {
	}

	/** Maps one row. */
	@FunctionalInterface
	public interface Row<T> {
		T map(ResultSet rs) throws SQLException;
	}

	/**
	 * The detail of an integrity violation's 409: the field it concerns (or null), in Chinese and in
	 * English (or null when there is no English wording).
	 */
	public record Conflict(@Nullable String field, String detail, @Nullable String detailEn) {

		/** A conflict of the whole record rather than one field. */
		public Conflict(String detail, String detailEn) {
			this(null, detail, detailEn);
		}
	}

	/** The arguments that are not null, for a query whose optional filters are appended only when given. */
	public static Object[] args(Object... values) {
		return Arrays.stream(values).filter(Objects::nonNull).toArray();
	}

	/**
	 * {@code " AND column IN (?, …)"} with the values added to {@code args}, or a condition no row
	 * meets when there are none (an empty {@code IN ()} is not SQL).
	 */
	public static String in(String column, Collection<String> values, List<Object> args) {
		if (values.isEmpty()) {
			return " AND 1 = 0";
		}
		args.addAll(values);
		return " AND " + column + " IN (" + String.join(", ", Collections.nCopies(values.size(), "?")) + ")";
	}

	/** Runs a query with positional arguments and maps every row. */
	public static <T> List<T> query(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement(sql)) {
			bind(ps, args);
			List<T> items = new ArrayList<>();
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					items.add(row.map(rs));
				}
			}
			return items;
		}
	}

	/** The first row, mapped; empty when there is none or it maps to null. */
	public static <T> Optional<T> one(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
		List<T> found = query(c, sql, row, args);
		return found.isEmpty() ? Optional.empty() : Optional.ofNullable(found.get(0));
	}

	/** The number in the first column of the first row, 0 when there is no row. */
	public static long count(Connection c, String sql, Object... args) throws SQLException {
		return one(c, sql, rs -> rs.getLong(1), args).orElse(0L);
	}

	/**
	 * One page of {@code select} ({@code SELECT … FROM …}, with its WHERE clause if any) in
	 * {@code order}, with the total of all its rows, counted from its {@code FROM} on.
	 */
	public static <T> Page<T> page(Connection c, String select, String order, Paging paging, Row<T> row, List<Object> args)
			throws SQLException {
		List<Object> all = new ArrayList<>(args);
		all.add(paging.limit());
		all.add(paging.offset());
		List<T> items = query(c, select + " ORDER BY " + order + " LIMIT ? OFFSET ?", row, all.toArray());
		String from = select.substring(select.indexOf(" FROM "));
		long total = count(c, "SELECT COUNT(*)" + from, args.toArray());
		return new Page<>(items, total, paging.offset(), paging.limit());
	}

	/**
	 * Runs an update; an integrity violation becomes a 409 naming {@code field} with {@code conflict}
	 * as its detail, or, when {@code conflict} is null, saying that the data changed meanwhile.
	 */
	public static int update(Connection c, String sql, @Nullable String field, @Nullable String conflict, Object... args)
			throws SQLException {
		return insert(c, sql, conflict == null ? new Conflict(field, STORED_MEANWHILE.detail(), STORED_MEANWHILE.detailEn())
				: new Conflict(field, conflict, null), args);
	}

	/** Runs an insert (or any update); an integrity violation (the row is there already) becomes a 409 with {@code conflict}. */
	public static int insert(Connection c, String sql, Conflict conflict, Object... args) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement(sql)) {
			bind(ps, args);
			return ps.executeUpdate();
		} catch (SQLException e) {
			if (e.getSQLState() != null && e.getSQLState().startsWith(INTEGRITY)) {
				throw new ProblemException(409, "Conflict", conflict.detail(), conflict.detailEn(), conflict.field());
			}
			throw e;
		}
	}

	/**
	 * Takes the row lock of a record before its current version is compared with If-Match: a
	 * second writer waits here and then compares with what the first committed, so both cannot
	 * pass. The lock is taken by an update that changes nothing, which holds the row's write lock
	 * in every dialect; the table needs an {@code updated_at} column. Unknown ids lock nothing;
	 * reading the row then answers 404.
	 */
	public static void lock(Connection c, String table, String id) throws SQLException {
		update(c, "UPDATE " + table + " SET updated_at = updated_at WHERE id = ?", null, null, id);
	}

	/**
	 * The next value of {@code sequence} (a name the bundle's migrations created, never input):
	 * {@code NEXT VALUE FOR} on HSQLDB, {@code nextval} on PostgreSQL. Like every sequence, a value
	 * taken by a transaction that rolls back is not given again.
	 *
	 * @since 1.5
	 */
	public static long nextValue(Connection c, String sequence) throws SQLException {
		if (!SEQUENCE.matcher(sequence).matches()) {
			throw new IllegalArgumentException("not a sequence name: " + sequence);
		}
		String sql = switch (Dialect.of(c)) {
			case HSQLDB -> "VALUES (NEXT VALUE FOR " + sequence + ")";
			case POSTGRESQL -> "SELECT nextval('" + sequence + "')";
		};
		return count(c, sql);
	}

	/** Binds positional arguments; a {@link LocalDate} as a {@code DATE}, which drivers do not all map themselves. */
	public static void bind(PreparedStatement ps, Object... args) throws SQLException {
		for (int i = 0; i < args.length; i++) {
			Object a = args[i];
			ps.setObject(i + 1, a instanceof LocalDate d ? java.sql.Date.valueOf(d) : a);
		}
	}

	/** Now, to the millisecond: the columns keep milliseconds, so what a write returns is what a read gives back. */
	public static Timestamp now() {
		return Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MILLIS));
	}

	/** A JDBC batch sent every {@value #SIZE} rows and at the end, never empty (HSQLDB refuses an empty batch). */
	public static final class Batch {

		/** Rows a batch holds before it is sent: bounds the memory a large insert takes. */
		public static final int SIZE = 5000;

		private final PreparedStatement ps;
		private int pending;

		public Batch(PreparedStatement ps) {
			this.ps = ps;
		}

		/** Adds the row bound on the statement; sends the batch when it is full. */
		public void add() throws SQLException {
			ps.addBatch();
			if (++pending == SIZE) {
				flush();
			}
		}

		/** Sends what is pending, if anything. */
		public void flush() throws SQLException {
			if (pending > 0) {
				ps.executeBatch();
				pending = 0;
			}
		}
	}
}
