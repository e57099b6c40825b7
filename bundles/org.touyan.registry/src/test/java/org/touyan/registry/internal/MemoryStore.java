package org.touyan.registry.internal;

import java.io.IOException;
import java.sql.SQLException;

/** The shared in-memory store with the registry's schema, migrated as far as a test asks. */
final class MemoryStore extends org.touyan.testing.MemoryStore {

	/** Every migration of the registry, in order. */
	static final String[] ALL = { "V1__org_units.sql", "V2__communities_committees_departments.sql",
			"V3__people_posts_archive.sql", "V4__filings.sql",
			"V5__eligibility.sql", "V6__reserve.sql",
			"V7__reference_data.sql", "V9__archive_hash_format.sql",
			"V10__committee_reserve_age_rule.sql", "V11__assistant_recruitment.sql",
			"V12__first_secretary_mission.sql" };

	/** A store with the registry's current schema. */
	static MemoryStore registry() throws IOException, SQLException {
		return new MemoryStore(ALL);
	}

	MemoryStore(String... migrations) throws IOException, SQLException {
		super("registry", migrations);
	}
}
