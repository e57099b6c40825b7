package org.touyan.plugins.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

import org.osgi.framework.Bundle;
import org.touyan.api.health.HealthContributor.Contribution;
import org.touyan.plugins.internal.Views.PluginView;
import org.touyan.plugins.internal.Views.PolicyView;

/**
 * What the plugin administrator and health read: each installed plugin with its policies, bindings
 * and pins; the overview of mode, trust and quarantines; and the plugins' part of {@code /api/health}.
 */
final class PluginCatalogue {

	private final PluginVersions versions;
	private final PolicyIndex index;
	private final BindingStore bindings;
	private final Pins pins;
	private final Quarantine quarantine;
	private final PolicyCalls calls;
	private final PluginEvents events;
	private final Supplier<PluginSettings> settings;
	private final Function<String, Bundle> bundleAt;

	PluginCatalogue(PluginVersions versions, PolicyIndex index, BindingStore bindings, Pins pins, Quarantine quarantine, PolicyCalls calls,
			PluginEvents events, Supplier<PluginSettings> settings, Function<String, Bundle> bundleAt) {
		this.versions = versions;
		this.index = index;
		this.bindings = bindings;
		this.pins = pins;
		this.quarantine = quarantine;
		this.calls = calls;
		this.events = events;
		this.settings = settings;
		this.bundleAt = bundleAt;
	}

	Contribution contribute() {
		PluginSettings settings = this.settings.get();
		List<String> warnings = new ArrayList<>();
		if (settings.development()) {
			warnings.add("DEVELOPMENT MODE: unsigned plugins are accepted. Set mode=production in touyan.plugins for real use.");
		} else if (settings.verifier().trustedKeys().isEmpty()) {
			warnings.add("No plugin-signing key is trusted: every plugin install will be refused until the trust store has one.");
		}
		List<Quarantine.Entry> quarantined = quarantine.all();
		for (Quarantine.Entry q : quarantined) {
			warnings.add("QUARANTINED: " + q.key() + " since " + q.since() + ": too many of its calls ran past their time limit; "
					+ "its bindings fall back to the next one up. Release it with DELETE /api/plugins/" + q.bsn() + "/quarantine");
		}
		int runaway = calls.runaway();
		if (runaway > 0) {
			warnings.add(runaway + " policy call(s) still running past their time limit");
		}
		Map<String, Object> details = new TreeMap<>();
		details.put("mode", settings.mode());
		details.put("trustedKeys", settings.verifier().trustedKeys());
		details.put("pins", pins.keys());
		details.put("quarantined", quarantined.stream().map(q -> q.key().toString()).toList());
		details.put("runawayCalls", runaway);
		return new Contribution("plugins", true, !quarantined.isEmpty() || runaway > 0, warnings, details);
	}

	/** The mode, trust, pins, active plugins, quarantines and the last refusals, for the admin overview. */
	Views.PluginsOverview overview() {
		PluginSettings settings = this.settings.get();
		return new Views.PluginsOverview(settings.mode(), settings.verifier().trustedKeys(),
				pins.keys(), plugins(), quarantine.all().stream().map(Views.QuarantineView::of).toList(), calls.runaway(),
				events.refusals(10));
	}

	/** Every plugin the manager installed and that is still active. */
	List<PluginView> plugins() {
		return versions.activeNames().stream().map(this::view).flatMap(Optional::stream).toList();
	}

	Optional<PluginView> view(String bsn) {
		return versions.active(bsn).map(version -> {
			Bundle bundle = bundleAt.apply(JarMeta.location(bsn, version));
			List<PolicyView> policies = bundle == null ? List.of() : index.ofBundle(bundle.getBundleId()).stream()
					.flatMap(e -> e.spis.stream().map(s -> new PolicyView(Views.simpleName(s), e.policyId, e.name, e.nameEn,
							quarantine.holds(bsn, version, e.policyId))))
					.sorted(Comparator.comparing(PolicyView::spi).thenComparing(PolicyView::id)).toList();
			String signer = versions.signer(bsn, version);
			return new PluginView(bsn, version, bundle == null ? "MISSING" : state(bundle), versions.source(bsn, version),
					signer.isEmpty() ? null : signer, versions.staged(bsn).orElse(null), pins.holding(bsn), policies,
					bindings.onBundle(bsn).stream().map(Views.BindingView::of).toList());
		});
	}

	private static String state(Bundle b) {
		return switch (b.getState()) {
		case Bundle.ACTIVE -> "ACTIVE";
		case Bundle.RESOLVED -> "RESOLVED";
		case Bundle.STARTING -> "STARTING";
		case Bundle.STOPPING -> "STOPPING";
		case Bundle.INSTALLED -> "INSTALLED";
		default -> "UNINSTALLED";
		};
	}
}
