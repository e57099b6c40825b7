package org.touyan.plugins.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings this node's plugin bundles and its snapshots to what the database says: installs every
 * version in service (active, staged or pinned) that is not installed here, from its jar in the
 * database, before the bindings that may name it are read again; then retires the plugin bundles
 * no longer in service. On one node this finds nothing to do after a restart but what a cleared
 * OSGi cache lost; on several it is how a change made on one reaches the others ({@link PluginNodes}).
 */
final class Convergence {

	private static final Logger LOG = LoggerFactory.getLogger(Convergence.class);
	private static final String PREFIX = JarMeta.location("", "").replace("@", "");

	private final BundleContext context;
	private final PluginVersions versions;
	private final BindingStore bindings;
	private final Pins pins;
	private final Quarantine quarantine;
	private final Retirement retirement;

	Convergence(BundleContext context, PluginVersions versions, BindingStore bindings, Pins pins, Quarantine quarantine,
			Retirement retirement) {
		this.context = context;
		this.versions = versions;
		this.bindings = bindings;
		this.pins = pins;
		this.quarantine = quarantine;
		this.retirement = retirement;
	}

	/** Call with the manager's lock held: no change of this node's may run meanwhile. */
	void run() {
		List<PluginVersions.Kept> inService = versions.inService();
		Set<String> wanted = new HashSet<>();
		for (PluginVersions.Kept row : inService) {
			String location = JarMeta.location(row.bsn(), row.version());
			wanted.add(location);
			if (context.getBundle(location) == null) {
				install(row, location);
			}
		}
		bindings.load();
		pins.load();
		quarantine.load();
		for (Bundle bundle : context.getBundles()) {
			if (bundle.getLocation().startsWith(PREFIX) && !wanted.contains(bundle.getLocation())) {
				LOG.info("plugin {} {} left service on another node; retiring it here", bundle.getSymbolicName(), bundle.getVersion());
				retirement.retire(bundle);
			}
		}
	}

	private void install(PluginVersions.Kept row, String location) {
		try {
			byte[] jar = versions.jar(row);
			Bundle bundle = context.installBundle(location, new java.io.ByteArrayInputStream(jar));
			bundle.start();
			LOG.info("installed plugin {} {} from the database", row.bsn(), row.version());
		} catch (BundleException | RuntimeException e) {
			LOG.error("plugin {} {} could not be installed on this node: {}", row.bsn(), row.version(), e.getMessage());
		}
	}
}
