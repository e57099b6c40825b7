package org.touyan.evaluation.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.touyan.api.rest.Page;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.ProblemException;

/** The few JDBC shapes the evaluation tables need, so each service reads as its rules, not as plumbing. */
final class Sql {

	/** SQLSTATE class of a unique or foreign key violation. */
	private static final String INTEGRITY = "23";

	private Sql() {
	}

	/** Maps one row. */
	@FunctionalInterface
	interface Row<T> {
		T map(ResultSet rs) throws SQLException;
	}

	/** The arguments that are not null, for a query whose optional filters are appended only when given. */
	static Object[] args(Object... values) {
		return Arrays.stream(values).filter(Objects::nonNull).toArray();
	}

	static <T> List<T> query(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
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

	static <T> Optional<T> one(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
		List<T> found = query(c, sql, row, args);
		return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
	}

	/** One page of {@code select} (FROM … WHERE …) in {@code order}, with the total. */
	static <T> Page<T> page(Connection c, String select, String order, Paging paging, Row<T> row, List<Object> args)
			throws SQLException {
		List<Object> all = new ArrayList<>(args);
		all.add(paging.limit());
		all.add(paging.offset());
		List<T> items = query(c, select + " ORDER BY " + order + " LIMIT ? OFFSET ?", row, all.toArray());
		String from = select.substring(select.indexOf(" FROM "));
		long total = query(c, "SELECT COUNT(*)" + from, rs -> rs.getLong(1), args.toArray()).get(0);
		return new Page<>(items, total, paging.offset(), paging.limit());
	}

	/** Runs an update; a constraint violation becomes a 409 with {@code conflict} as its detail. */
	static int update(Connection c, String sql, String conflict, Object... args) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement(sql)) {
			bind(ps, args);
			return ps.executeUpdate();
		} catch (SQLException e) {
			if (e.getSQLState() != null && e.getSQLState().startsWith(INTEGRITY)) {
				throw ProblemException.conflict(conflict);
			}
			throw e;
		}
	}

	/**
	 * Runs an insert; a constraint violation (the row is there already) becomes a 409 with the
	 * {@code conflict}'s Chinese detail and its English one.
	 */
	static int insert(Connection c, String sql, Conflict conflict, Object... args) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement(sql)) {
			bind(ps, args);
			return ps.executeUpdate();
		} catch (SQLException e) {
			if (e.getSQLState() != null && e.getSQLState().startsWith(INTEGRITY)) {
				throw new ProblemException(409, "Conflict", conflict.detail(), conflict.detailEn(), null);
			}
			throw e;
		}
	}

	/** The detail of a constraint violation's 409, in Chinese and in English. */
	record Conflict(String detail, String detailEn) {
	}

	static void bind(PreparedStatement ps, Object... args) throws SQLException {
		for (int i = 0; i < args.length; i++) {
			ps.setObject(i + 1, args[i]);
		}
	}

	static Timestamp now() {
		// the columns keep milliseconds: what a write returns is then what a read gives back
		return Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MILLIS));
	}

	/** A JDBC batch sent every {@value #BATCH} rows and at the end, never empty (HSQLDB refuses an empty batch). */
	static final class Batch {
		private static final int BATCH = 5000;

		private final PreparedStatement ps;
		private int pending;

		Batch(PreparedStatement ps) {
			this.ps = ps;
		}

		void add() throws SQLException {
			ps.addBatch();
			if (++pending == BATCH) {
				flush();
			}
		}

		void flush() throws SQLException {
			if (pending > 0) {
				ps.executeBatch();
				pending = 0;
			}
		}
	}
}
