package org.touyan.training.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.touyan.api.policy.Provenance;
import org.touyan.api.rest.ProblemException;

/** JDBC in few lines, so the services read as their rules; integrity violations become 409 problems. */
final class Db {

	/** SQLSTATE class of a unique or foreign key violation. */
	private static final String INTEGRITY = "23";

	private Db() {
	}

	/** Maps one row. */
	interface Row<T> {
		T map(ResultSet rs) throws SQLException;
	}

	static <T> List<T> query(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
		try (PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
			List<T> items = new ArrayList<>();
			while (rs.next()) {
				items.add(row.map(rs));
			}
			return items;
		}
	}

	/**
	 * {@code " AND column IN (?, …)"} with the values added to {@code args}, or a condition no row
	 * meets when there are none.
	 */
	static String in(String column, Collection<String> values, List<Object> args) {
		if (values.isEmpty()) {
			return " AND 1 = 0";
		}
		args.addAll(values);
		return " AND " + column + " IN (" + String.join(", ", Collections.nCopies(values.size(), "?")) + ")";
	}

	static <T> Optional<T> one(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
		List<T> found = query(c, sql, row, args);
		return found.isEmpty() ? Optional.empty() : Optional.ofNullable(found.get(0));
	}

	static long count(Connection c, String sql, Object... args) throws SQLException {
		return one(c, sql, rs -> rs.getLong(1), args).orElse(0L);
	}

	/** Runs an update; a duplicate key answers 409 with {@code conflict}. */
	static int update(Connection c, String sql, String conflict, Object... args) throws SQLException {
		try (PreparedStatement ps = prepare(c, sql, args)) {
			return ps.executeUpdate();
		} catch (SQLException e) {
			if (e.getSQLState() != null && e.getSQLState().startsWith(INTEGRITY)) {
				throw new ProblemException(409, "Conflict", conflict == null ? "数据已被他人修改，请刷新后重试" : conflict,
						conflict == null ? "the change conflicts with data stored meanwhile; reload and try again" : null, null);
			}
			throw e;
		}
	}

	private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
		PreparedStatement ps = c.prepareStatement(sql);
		for (int i = 0; i < args.length; i++) {
			Object a = args[i];
			ps.setObject(i + 1, a instanceof LocalDate d ? java.sql.Date.valueOf(d) : a);
		}
		return ps;
	}

	static Timestamp now() {
		return Timestamp.from(Instant.now());
	}

	static LocalDate date(ResultSet rs, String column) throws SQLException {
		java.sql.Date d = rs.getDate(column);
		return d == null ? null : d.toLocalDate();
	}

	/** The provenance stored in the four {@code prov_*} columns, or null when none was stored. */
	static Provenance provenance(ResultSet rs) throws SQLException {
		String bundle = rs.getString("prov_bundle");
		return bundle == null ? null
				: new Provenance(bundle, rs.getString("prov_version"), rs.getString("prov_policy"), rs.getLong("prov_revision"));
	}
}
