package org.touyan.api.store;

import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Part of the demo district, contributed by the bundle that owns the tables it fills.
 *
 * <p>When demo data is asked for, the store loads each dataset once, after the datasets it
 * {@link #requires() requires}, and records that it did so: restarting never loads it twice, and
 * a store that already holds real data of that bundle is left alone by the dataset itself.
 */
@ConsumerType
public interface DemoDataset {

	/** Stable identifier, recorded once the dataset is loaded. */
	String id();

	/** Identifiers of the datasets that must be loaded first. */
	default Set<String> requires() {
		return Set.of();
	}

	/**
	 * Loads the dataset through the contributing bundle's own services. It must leave a store that
	 * already holds that bundle's data untouched, so it is safe against a store of real data.
	 */
	void load();
}
