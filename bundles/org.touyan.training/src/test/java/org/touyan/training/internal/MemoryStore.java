package org.touyan.training.internal;

import java.io.IOException;
import java.sql.SQLException;

/** The shared in-memory store with the training schema, migrated as far as a test asks. */
final class MemoryStore extends org.touyan.testing.MemoryStore {

	MemoryStore(String... migrations) throws IOException, SQLException {
		super("training", migrations);
	}
}
