package org.touyan.plugins.internal;

import java.util.List;
import java.util.function.Function;

import org.osgi.framework.Bundle;
import org.touyan.api.store.Store;

/**
 * Pipeline stage 6, and 7's start: moves the bindings to the new version and the version states
 * in one transaction (calls see all of a swap or none of it), then retires the old version unless
 * a pin still holds it. A failed commit removes the new version again, so the old one keeps
 * serving.
 */
final class BindingMove {

	private final BindingStore bindings;
	private final Pins pins;
	private final PluginEvents events;
	private final Retirement retirement;
	private final Function<String, Bundle> bundleAt;

	BindingMove(BindingStore bindings, Pins pins, PluginEvents events, Retirement retirement, Function<String, Bundle> bundleAt) {
		this.bindings = bindings;
		this.pins = pins;
		this.events = events;
		this.retirement = retirement;
		this.bundleAt = bundleAt;
	}

	/** Every binding of {@code bsn}, moved to {@code newVersion} with its parameters. */
	List<Binding> keepingParameters(String bsn, String newVersion) {
		return bindings.onBundle(bsn).stream().map(b -> b.withVersion(newVersion, b.parameters())).toList();
	}

	void move(String bsn, String oldVersion, String newVersion, Bundle fresh, List<Binding> moved, String action,
			Store.SqlWork<Void> more) {
		try {
			bindings.put(moved, action + " " + bsn + " " + newVersion, c -> {
				if (oldVersion != null) {
					PluginVersions.setState(c, bsn, oldVersion, action.equals("rollback") ? "ROLLED_BACK" : "REPLACED");
				}
				more.run(c);
				events.record(c, bsn, newVersion, action, "DONE", (oldVersion == null ? "" : "replaced " + oldVersion + "; ")
						+ moved.size() + " binding(s) moved");
				return null;
			});
		} catch (RuntimeException e) {
			Retirement.uninstallQuietly(fresh);
			throw e;
		}
		Bundle old = oldVersion == null ? null : bundleAt.apply(JarMeta.location(bsn, oldVersion));
		if (old != null && !pins.holds(bsn, oldVersion)) {
			retirement.retire(old);
		}
	}
}
