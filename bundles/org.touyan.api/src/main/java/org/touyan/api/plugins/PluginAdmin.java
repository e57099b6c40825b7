package org.touyan.api.plugins;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;
import org.touyan.api.rest.Nullable;

/**
 * The plugin manager as an operator outside any request reads and repairs it (the operator
 * shell): what is installed, what happened, what is bound and pinned, going back to the previous
 * version and releasing a quarantine. The same rules and events as {@code /api/plugins}.
 */
@ProviderType
public interface PluginAdmin {

	/** {@code production} or {@code development}. */
	String mode();

	/** Every plugin the manager installed that is still active, by symbolic name. */
	List<PluginInfo> plugins();

	/** The latest {@code limit} plugin events, newest first. */
	List<EventInfo> events(int limit);

	/** Every binding in force. */
	List<BindingInfo> bindings();

	/** The keys under which bindings are pinned (open evaluation cycles). */
	Set<String> pins();

	/**
	 * The bindings pinned under {@code key}.
	 *
	 * @throws RuntimeException (a {@code ProblemException}) when nothing is pinned under it
	 */
	List<BindingInfo> pinned(String key);

	/**
	 * Goes back to the plugin's previous version with the binding parameters it had, as
	 * {@code POST /api/plugins/{bsn}/rollback} does.
	 *
	 * @throws RuntimeException (a {@code ProblemException}) when there is no such plugin or no
	 *         earlier version, or the earlier version is refused
	 */
	PluginInfo rollback(String bsn);

	/**
	 * Releases the plugin's quarantined policies: their bindings serve again.
	 *
	 * @param actor who releases it, for the plugin's events
	 * @throws RuntimeException (a {@code ProblemException}) when nothing of it is quarantined
	 */
	void releaseQuarantine(String bsn, String actor);

	/** An installed plugin: version, state, signer, staged version, pins, and its policies. */
	record PluginInfo(String bsn, String version, String state, @Nullable String signer, @Nullable String staged, Set<String> pinnedBy,
			List<String> policies, List<String> quarantined) {
	}

	/** Something that happened to a plugin. */
	record EventInfo(long id, Instant at, @Nullable String bsn, @Nullable String version, String action, String outcome,
			@Nullable String detail) {
	}

	/** One binding: which policy serves an SPI where, from which plugin version, with which parameters. */
	record BindingInfo(String spi, String scope, String policyId, @Nullable String bsn, @Nullable String version,
			Map<String, String> parameters, long revision) {
	}
}
