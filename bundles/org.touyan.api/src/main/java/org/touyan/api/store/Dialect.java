package org.touyan.api.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The SQL dialect of the platform database. Standard SQL, which is nearly all of the platform's,
 * runs on both; where a statement differs, {@link Sql} holds the one place that chooses (e.g.
 * {@link Sql#nextValue}), and a migration that differs ships one script per dialect
 * ({@code db/<schema>/<dialect>/V<n>__….sql} beside the shared {@code db/<schema>/V<n>__….sql}).
 *
 * @since 1.5
 */
public enum Dialect {
	/** HSQLDB 2.7, the embedded file database (the default). */
	HSQLDB("hsqldb"),
	/** PostgreSQL 15 or newer. */
	POSTGRESQL("postgresql");

	private final String folder;

	Dialect(String folder) {
		this.folder = folder;
	}

	/** The folder under {@code db/<schema>/} whose scripts override the shared ones in this dialect. */
	public String folder() {
		return folder;
	}

	/**
	 * The dialect of the database behind {@code c}, from the driver's product name (no round trip
	 * to the database with either driver).
	 *
	 * @throws SQLException for a database the platform does not support
	 */
	public static Dialect of(Connection c) throws SQLException {
		String product = c.getMetaData().getDatabaseProductName();
		String p = product == null ? "" : product.toLowerCase(Locale.ROOT);
		if (p.contains("hsql")) {
			return HSQLDB;
		}
		if (p.contains("postgres")) {
			return POSTGRESQL;
		}
		throw new SQLException("unsupported database '" + product + "': the platform runs on HSQLDB or PostgreSQL", "0A000");
	}
}
