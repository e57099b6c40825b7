package org.touyan.security.internal;

import java.io.IOException;
import java.sql.SQLException;

/** The shared in-memory store with the security schema. */
final class MemoryStore extends org.touyan.testing.MemoryStore {

	MemoryStore() throws IOException, SQLException {
		super("security", "V1__users_sessions_audit.sql", "V2__audit_hash_format.sql", "V3__login_throttle.sql", "V4__user_district.sql");
	}
}
