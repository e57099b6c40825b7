package org.touyan.store.internal;

import javax.sql.DataSource;

import org.touyan.api.store.Dialect;

/** The database the store opened: its pool of connections, its dialect, and how it is closed. */
interface Database extends AutoCloseable {

	DataSource dataSource();

	Dialect dialect();

	/** Closes the pool (and shuts an embedded database down); logs rather than throws. */
	@Override
	void close();
}
