package org.touyan.store.internal;

import java.sql.Connection;

/** What a unit of work's end means to the signals it sent: delivered when it commits, dropped when it rolls back. */
interface Commits {

	Commits NONE = new Commits() {
		@Override
		public void committed(Connection connection) {
		}

		@Override
		public void rolledBack(Connection connection) {
		}
	};

	void committed(Connection connection);

	void rolledBack(Connection connection);
}
