package org.touyan.evaluation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.touyan.api.store.Store;

/** A {@link Store} on a private in-memory database holding the evaluation schema. */
final class MemoryStore implements Store {

	/** Every migration of the evaluation schema, in order. */
	static final String[] MIGRATIONS = { "V1__cycles_scores_ratings.sql", "V2__ballots.sql", "V3__reviews_assessments.sql",
			"V4__classifications.sql",
			"V10__measures_mentoring.sql", "V11__negative_list.sql", "V12__duty_reports_use.sql" };

	private final String url = "jdbc:hsqldb:mem:" + UUID.randomUUID();

	MemoryStore() throws IOException, SQLException {
		try (Connection c = connect(); Statement s = c.createStatement()) {
			for (String migration : MIGRATIONS) {
				try (InputStream in = getClass().getResourceAsStream("/db/evaluation/" + migration)) {
					for (String statement : new String(in.readAllBytes(), StandardCharsets.UTF_8).split(";\\s*\\n")) {
						String sql = statement.replaceAll("(?m)^--.*$", "");
						if (!sql.isBlank()) {
							s.execute(sql);
						}
					}
				}
			}
		}
	}

	Connection connect() throws SQLException {
		return DriverManager.getConnection(url, "SA", "");
	}

	@Override
	public <T> T write(SqlWork<T> work) {
		try (Connection c = connect()) {
			c.setAutoCommit(false);
			try {
				T result = work.run(c);
				c.commit();
				return result;
			} catch (SQLException | RuntimeException e) {
				c.rollback();
				throw e;
			}
		} catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	@Override
	public <T> T read(SqlWork<T> work) {
		return write(work);
	}
}
