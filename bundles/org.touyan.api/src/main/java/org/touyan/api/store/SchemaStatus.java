package org.touyan.api.store;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.touyan.api.rest.Nullable;

/** What the store knows of each schema's migrations; readiness checks read it. */
@ProviderType
public interface SchemaStatus {

	/** Every schema a bundle has declared since the store started, in name order. */
	List<Schema> schemas();

	/** True when the database is open and every declared schema is migrated. */
	boolean ready();

	/** One declared schema. */
	record Schema(String name, String bundle, State state, int version, @Nullable String error) {
	}

	/** Where a schema's migrations stand. */
	enum State {
		MIGRATED, FAILED
	}
}
