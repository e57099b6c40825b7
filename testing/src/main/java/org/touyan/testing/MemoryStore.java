package org.touyan.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.touyan.api.store.Store;

/**
 * A {@link Store} on a private in-memory database holding one bundle's schema, built by running
 * that bundle's migration scripts ({@code db/<schema>/V…sql} on the test's class path) in the
 * order given. Reads and writes are both transactions that commit or roll back, as in the store.
 */
public class MemoryStore implements Store {

	private final String url = "jdbc:hsqldb:mem:" + UUID.randomUUID();

	public MemoryStore(String schema, String... migrations) throws IOException, SQLException {
		try (Connection c = connect(); Statement s = c.createStatement()) {
			for (String migration : migrations) {
				try (InputStream in = getClass().getResourceAsStream("/db/" + schema + "/" + migration)) {
					if (in == null) {
						throw new IOException("no migration db/" + schema + "/" + migration + " on the class path");
					}
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

	/** A connection of its own, outside any transaction of the store, for a test to look or meddle. */
	public Connection connect() throws SQLException {
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
