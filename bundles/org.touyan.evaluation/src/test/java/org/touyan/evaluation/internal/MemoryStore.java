package org.touyan.evaluation.internal;

import java.io.IOException;
import java.sql.SQLException;

/** The shared in-memory store with the evaluation schema. */
public final class MemoryStore extends org.touyan.testing.MemoryStore {

	/** Every migration of the evaluation schema, in order. */
	public static final String[] MIGRATIONS = { "V1__cycles_scores_ratings.sql", "V2__ballots.sql", "V3__reviews_assessments.sql",
			"V4__classifications.sql",
			"V10__measures_mentoring.sql", "V11__negative_list.sql", "V12__duty_reports_use.sql", "V13__score_cards.sql",
			"V14__incident_input_hash.sql" };

	public MemoryStore() throws IOException, SQLException {
		super("evaluation", MIGRATIONS);
	}
}
