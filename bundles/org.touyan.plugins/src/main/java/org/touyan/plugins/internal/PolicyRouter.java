package org.touyan.plugins.internal;

import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import org.touyan.api.policy.Policies.Call;
import org.touyan.api.policy.Policies.Comparison;
import org.touyan.api.policy.Policies.Result;
import org.touyan.api.policy.Policies.Scope;
import org.touyan.api.policy.Provenance;
import org.touyan.api.rest.ProblemException;

/**
 * The policy call path: finds the binding that serves a scope (the nearest one not quarantined, or
 * the one a pin froze), enters its policy's service so an update drains it rather than cuts it off,
 * and runs the call contained ({@link PolicyCalls}). Also the what-if comparison of an active and a
 * staged version.
 */
final class PolicyRouter {

	private final PolicyIndex index;
	private final BindingStore bindings;
	private final Pins pins;
	private final Quarantine quarantine;
	private final PluginVersions versions;
	private final PolicyCalls calls;
	private final LongSupplier callTimeoutMs;
	private final PluginTally tally;

	PolicyRouter(PolicyIndex index, BindingStore bindings, Pins pins, Quarantine quarantine, PluginVersions versions, PolicyCalls calls,
			LongSupplier callTimeoutMs, PluginTally tally) {
		this.index = index;
		this.bindings = bindings;
		this.pins = pins;
		this.quarantine = quarantine;
		this.versions = versions;
		this.calls = calls;
		this.callTimeoutMs = callTimeoutMs;
		this.tally = tally;
	}

	<S, R> Result<R> apply(Class<S> spi, Scope scope, String pin, Call<S, R> call) {
		if (pin != null && !pins.exists(pin)) {
			throw new ProblemException(409, "Conflict", "锁定标识 " + pin + " 下没有锁定的绑定", "Nothing is pinned for '" + pin + "'", null);
		}
		for (int attempt = 0; attempt < 50; attempt++) {
			Binding binding = serving(spi.getName(), scope, pin);
			PolicyIndex.Entry entry = index.find(spi.getName(), binding.policyId(), binding.bsn(), binding.version());
			if (entry == null || !entry.enter()) {
				// the binding is moving or its bundle is restarting: look again shortly
				pause();
				continue;
			}
			Provenance provenance = entry.provenance(binding.revision());
			try {
				return new Result<>(calls.invoke(spi.cast(entry.service), binding.parameters(), call, provenance), provenance);
			} finally {
				entry.exit();
			}
		}
		throw new ProblemException(503, "Policy unavailable", BindingStore.scopeOf(scope) + " 绑定的 " + Views.simpleName(spi.getName())
				+ " 未在运行，请查看 GET /api/plugins", "The " + Views.simpleName(spi.getName())
				+ " bound for " + BindingStore.scopeOf(scope) + " is not running; see GET /api/plugins", null);
	}

	/**
	 * The binding that serves {@code scope}: the nearest one (street, district, platform) whose
	 * policy is not quarantined. 409 when nothing is bound, 503 naming the quarantine when every
	 * binding that could serve is quarantined.
	 */
	private Binding serving(String spi, Scope scope, String pin) {
		List<Binding> chain = pin == null ? bindings.chain(spi, scope) : pins.chain(pin, spi, scope);
		if (chain.isEmpty()) {
			throw new ProblemException(409, "Conflict", (pin == null ? "" : "锁定标识 " + pin + " 下，") + BindingStore.scopeOf(scope)
					+ "、其所在区及平台均未绑定 " + Views.simpleName(spi), "No " + Views.simpleName(spi) + " is bound for "
					+ BindingStore.scopeOf(scope) + ", its district or the platform" + (pin == null ? "" : " in what is pinned for '" + pin + "'"),
					null);
		}
		for (Binding b : chain) {
			if (!quarantine.holds(b.bsn(), b.version(), b.policyId())) {
				return b;
			}
		}
		Binding nearest = chain.get(0);
		tally.call(nearest.bsn(), nearest.version(), nearest.policyId(), PluginTally.Outcome.QUARANTINED);
		throw new ProblemException(503, "Policy quarantined", BindingStore.scopeOf(scope) + " 绑定的 " + Views.simpleName(spi) + "（"
				+ nearest.bsn() + " " + nearest.version() + " " + nearest.policyId() + "）已被隔离：超过 " + callTimeoutMs.getAsLong()
				+ " ms 的调用过多" + (chain.size() > 1 ? "，其上级的绑定也均已隔离" : "，其上级没有绑定")
				+ "。插件管理员可通过 DELETE /api/plugins/" + nearest.bsn() + "/quarantine 解除隔离",
				"The " + Views.simpleName(spi) + " bound for "
				+ BindingStore.scopeOf(scope) + ", " + nearest.bsn() + " " + nearest.version() + " '" + nearest.policyId()
				+ "', is quarantined: too many of its calls ran past " + callTimeoutMs.getAsLong() + " ms"
				+ (chain.size() > 1 ? ", and so is every binding above it" : ", and nothing above it is bound")
				+ ". A plugin administrator releases it with DELETE /api/plugins/" + nearest.bsn() + "/quarantine", null);
	}

	/** Runs {@code work} on one specific policy service, contained like any call. */
	<R> R call(PolicyIndex.Entry entry, Map<String, String> parameters, java.util.function.Function<Object, R> work) {
		if (!entry.enter()) {
			throw new ProblemException(503, "Policy unavailable", "插件 " + entry.bsn + " " + entry.version + " 正在移除",
					entry.bsn + " " + entry.version + " is being removed", null);
		}
		try {
			return calls.invoke(entry.service, parameters, (p, params) -> work.apply(p), entry.provenance(0));
		} finally {
			entry.exit();
		}
	}

	private static void pause() {
		try {
			Thread.sleep(10);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	<S, R> Comparison<R> compare(Class<S> spi, String bsn, String policyId, Map<String, String> parameters,
			Call<S, R> call) {
		String active = versions.active(bsn).orElseThrow(() -> ProblemException.notFound("插件", "plugin", bsn));
		String staged = versions.staged(bsn).orElseThrow(() -> new ProblemException(409, "Conflict", "插件 " + bsn
				+ " 没有待启用（staged）的版本：请先以 stage=true 安装候选版本", "No version of " + bsn
				+ " is staged: install the candidate with stage=true first", null));
		PolicyIndex.Entry current = index.find(spi.getName(), policyId, bsn, active);
		PolicyIndex.Entry candidate = index.find(spi.getName(), policyId, bsn, staged);
		if (current == null) {
			throw ProblemException.invalid("policyId", "插件 " + bsn + " " + active + " 未提供 " + Views.simpleName(spi.getName())
					+ " 策略 " + policyId, bsn + " " + active + " provides no " + Views.simpleName(spi.getName()) + " '" + policyId + "'");
		}
		if (candidate == null) {
			throw ProblemException.invalid("policyId", "候选版本 " + bsn + " " + staged + " 未提供 " + Views.simpleName(spi.getName())
					+ " 策略 " + policyId + "：试算只比较同一 SPI 的同一策略", "the candidate " + bsn + " " + staged + " provides no "
					+ Views.simpleName(spi.getName()) + " '" + policyId + "': a what-if compares one policy of one SPI");
		}
		Map<String, String> params = parameters == null ? Map.of() : parameters;
		return new Comparison<>(
				new Result<>(call(current, params, p -> call.call(spi.cast(p), params)), current.provenance(0)),
				new Result<>(call(candidate, params, p -> call.call(spi.cast(p), params)), candidate.provenance(0)));
	}
}
