package org.touyan.plugins.internal;

import java.util.function.LongSupplier;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pipeline stage 7: drains and retires a version. New calls stop reaching its services at once;
 * calls already running may finish (up to the drain time), then the bundle is uninstalled.
 */
final class Retirement {

	private static final Logger LOG = LoggerFactory.getLogger(Retirement.class);

	private final PolicyIndex index;
	private final LongSupplier drainTimeoutMs;

	Retirement(PolicyIndex index, LongSupplier drainTimeoutMs) {
		this.index = index;
		this.drainTimeoutMs = drainTimeoutMs;
	}

	void retire(Bundle old) {
		long drain = drainTimeoutMs.getAsLong();
		try {
			for (PolicyIndex.Entry e : index.ofBundle(old.getBundleId())) {
				if (!e.retireAndDrain(drain)) {
					LOG.warn("calls on {} {} still running after {} ms; removing it anyway", e.bsn, e.version, drain);
				}
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		uninstallQuietly(old);
	}

	static void uninstallQuietly(Bundle bundle) {
		if (bundle == null) {
			return;
		}
		try {
			bundle.uninstall();
		} catch (BundleException | IllegalStateException e) {
			LOG.warn("could not uninstall {}: {}", bundle.getSymbolicName(), e.getMessage());
		}
	}
}
