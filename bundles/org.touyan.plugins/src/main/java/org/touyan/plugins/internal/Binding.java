package org.touyan.plugins.internal;

import java.util.Map;

/**
 * Which policy version serves an SPI in a scope, with the parameters it is called with.
 *
 * @param spi the SPI interface's class name
 * @param scope {@code platform}, {@code district:<id>} or {@code street:<id>}
 * @param revision the binding revision (0 before it is stored)
 */
public record Binding(String spi, String scope, String policyId, String bsn, String version,
		Map<String, String> parameters, long revision) {

	public Binding {
		parameters = Map.copyOf(parameters);
	}

	Binding withVersion(String newVersion, Map<String, String> newParameters) {
		return new Binding(spi, scope, policyId, bsn, newVersion, newParameters, 0);
	}
}
