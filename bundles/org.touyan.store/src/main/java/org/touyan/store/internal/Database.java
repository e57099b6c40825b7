package org.touyan.store.internal;

import java.sql.SQLException;
import java.util.concurrent.ExecutorService;

import javax.sql.DataSource;

import org.touyan.api.store.Cluster;
import org.touyan.api.store.Dialect;

/** The database the store opened: its pool of connections, its dialect, and how it is closed. */
interface Database extends AutoCloseable {

	DataSource dataSource();

	Dialect dialect();

	/** The nodes on this database; their signals are handed to listeners on {@code delivery}. */
	Cluster cluster(ExecutorService delivery) throws SQLException;

	/** Closes the pool (and shuts an embedded database down); logs rather than throws. */
	@Override
	void close();
}
