/**
 * The store contract. Each bundle owns its tables: it names its schema in the {@code Touyan-Schema}
 * header and ships ordered SQL migrations; the store applies them once, records them, and only then
 * registers a {@link org.touyan.api.store.Store} for that schema, so a component that references
 * the store with {@code (touyan.schema=<name>)} never sees a half-migrated database.
 *
 * <p>1.3: {@link org.touyan.api.store.StoreBackup}, online backups of the database.
 *
 * <p>1.4: {@link org.touyan.api.store.Sql}, the JDBC helpers every bundle uses on its tables.
 *
 * <p>1.5: {@link org.touyan.api.store.Dialect} (HSQLDB or PostgreSQL, read from a connection) and
 * {@link org.touyan.api.store.Sql#nextValue}, the one statement of the bundles that differs.
 *
 * <p>1.6: {@link org.touyan.api.store.Cluster}, the nodes sharing one database: signals between
 * them, and a lock they all respect.
 *
 * <p>1.7: {@link org.touyan.api.store.BulkInsert}, many rows into one table as fast as the dialect
 * allows (a batch on HSQLDB, arrays on PostgreSQL).
 */
@Export
@Version("1.7.0")
package org.touyan.api.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
