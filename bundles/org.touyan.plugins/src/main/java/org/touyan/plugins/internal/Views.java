package org.touyan.plugins.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.touyan.api.rest.Nullable;

/** What the plugin admin API shows. */
final class Views {

	private Views() {
	}

	/** A plugin bundle, the policies it provides and where they are bound. */
	public record PluginView(String bsn, String version, String state, @Nullable String source, @Nullable String signer, @Nullable String staged,
			java.util.Set<String> pinnedBy, List<PolicyView> policies, List<BindingView> bindings) {
	}

	/** One community to rate in a what-if. */
	public record WhatIfCase(String communityId, @Nullable String streetId, @Nullable String period, Map<String, java.math.BigDecimal> scores) {
	}

	/** What the active and the staged version made of one community. */
	public record WhatIfRow(String communityId, int currentStars, int candidateStars, @Nullable BigDecimal currentScore,
			@Nullable BigDecimal candidateScore, boolean changed) {
	}

	/** A what-if request: which plugin's policy, on which cases. */
	public record WhatIfRequest(@Nullable String spi, String bsn, String policyId, List<WhatIfCase> cases) {
	}

	/** A what-if report: per community, and how many changed stars. */
	public record WhatIfReport(String bsn, @Nullable String currentVersion, @Nullable String candidateVersion, long changed, List<WhatIfRow> rows) {
	}

	/**
	 * Everything an administrator checks first: mode, trusted keys, pins, plugins, quarantined
	 * policies, calls still running past their limit, recent refusals.
	 */
	public record PluginsOverview(String mode, List<String> trustedKeys, java.util.Set<String> pins, List<PluginView> plugins,
			List<QuarantineView> quarantined, int runawayCalls, List<PluginEvent> recentRefusals) {
	}

	/** One policy service; a quarantined one serves no binding until it is released. */
	public record PolicyView(String spi, String id, String name, String nameEn, boolean quarantined) {
	}

	/** A quarantined policy: which, since when, and why. */
	public record QuarantineView(String bsn, String version, String policyId, Instant since, String detail) {
		static QuarantineView of(Quarantine.Entry e) {
			return new QuarantineView(e.bsn(), e.version(), e.policyId(), e.since(), e.detail());
		}
	}

	/** One binding. */
	public record BindingView(String spi, String scope, String policyId, @Nullable String bsn, @Nullable String version,
			Map<String, String> parameters, long revision) {

		static BindingView of(Binding b) {
			return new BindingView(simpleName(b.spi()), b.scope(), b.policyId(), b.bsn(), b.version(), b.parameters(),
					b.revision());
		}
	}

	/** What a client sends to bind a policy. */
	public record BindingRequest(String spi, @Nullable String districtId, @Nullable String streetId, String policyId,
			@Nullable Map<String, String> parameters) {
	}

	/** Something that happened to a plugin. */
	public record PluginEvent(long id, Instant at, @Nullable String bsn, @Nullable String version, String action, String outcome,
			@Nullable String detail) {
	}

	static String simpleName(String className) {
		return className.substring(className.lastIndexOf('.') + 1);
	}
}
