package org.touyan.plugins.internal;

import java.util.List;
import java.util.function.Function;

import org.osgi.framework.Bundle;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.store.Store;

/**
 * Pins: the bindings in force frozen under a key (an evaluation cycle), so a cycle is rated by the
 * versions it opened with while the live bindings move on. The caller holds the manager's lock.
 */
final class PinDesk {

	private final Store store;
	private final BindingStore bindings;
	private final Pins pins;
	private final PluginVersions versions;
	private final PluginEvents events;
	private final Retirement retirement;
	private final Function<String, Bundle> bundleAt;

	PinDesk(Store store, BindingStore bindings, Pins pins, PluginVersions versions, PluginEvents events, Retirement retirement,
			Function<String, Bundle> bundleAt) {
		this.store = store;
		this.bindings = bindings;
		this.pins = pins;
		this.versions = versions;
		this.events = events;
		this.retirement = retirement;
		this.bundleAt = bundleAt;
	}

	/** Freezes every binding in force under {@code key}, e.g. an evaluation cycle being opened. */
	List<Binding> pin(String key) {
		BindingInput.pinKey(key);
		if (pins.exists(key)) {
			throw new ProblemException(409, "Conflict", "锁定 " + key + " 已存在", "'" + key + "' is pinned already", null);
		}
		List<Binding> current = bindings.all();
		if (current.isEmpty()) {
			throw new ProblemException(409, "Conflict", "尚无任何绑定，无可锁定", "Nothing is bound, so there is nothing to pin", null);
		}
		store.write(c -> {
			Pins.insert(c, key, current);
			events.record(c, null, null, "pin", "DONE", current.size() + " binding(s) pinned for " + key);
			return null;
		});
		pins.load();
		return pins.bindings(key);
	}

	/** Releases a pin; a version that is neither active, staged nor pinned elsewhere is retired. */
	void release(String key) {
		if (!pins.exists(key)) {
			throw ProblemException.notFound("插件锁定", "pin", key);
		}
		List<Binding> held = pins.bindings(key);
		store.write(c -> {
			Pins.delete(c, key);
			events.record(c, null, null, "unpin", "DONE", "released " + key);
			return null;
		});
		pins.load();
		for (Binding b : held) {
			boolean current = versions.active(b.bsn()).map(b.version()::equals).orElse(false)
					|| versions.staged(b.bsn()).map(b.version()::equals).orElse(false);
			Bundle bundle = bundleAt.apply(JarMeta.location(b.bsn(), b.version()));
			if (!current && !pins.holds(b.bsn(), b.version()) && bundle != null) {
				retirement.retire(bundle);
			}
		}
	}
}
