package org.touyan.api.store;

import org.osgi.annotation.versioning.ProviderType;
import org.touyan.api.rest.ProblemException;

/**
 * Whether the demo district is still loading. The store registers it; an endpoint that would
 * create what the demo is about to create (a district before the demo district, a cycle of the
 * demo district) asks it first and answers 503 with {@code Retry-After} while the dataset loads,
 * so nothing created meanwhile collides with the demo. The datasets themselves use the bundles'
 * services, never these endpoints.
 */
@ProviderType
public interface DemoStatus {

	/** Code of the demo district. */
	String DISTRICT_CODE = "DEMO";

	/**
	 * Whether demo data is asked for and the dataset with this id is not loaded yet (nor given up
	 * on after its attempts), whether or not the bundle that contributes it has registered it yet.
	 */
	boolean loading(String datasetId);

	/** Whether demo data is asked for and any dataset of it is not loaded yet. */
	boolean loading();

	/**
	 * Refuses, with 503 (REST adds {@code Retry-After}), to create {@code what} while the dataset
	 * that would create it for the demo is loading.
	 */
	default void refuseWhileLoading(String datasetId, String what) {
		if (loading(datasetId)) {
			throw new ProblemException(503, "Demo loading", "演示区（" + DISTRICT_CODE + "）的数据正在载入（" + datasetId
					+ "），载入完成后才能新建，以免与演示数据冲突；请稍后再试", "the demo district (" + DISTRICT_CODE + ") is still loading (" + datasetId
					+ "): " + what + " is created once it is loaded, so nothing collides with it; try again shortly", null);
		}
	}
}
