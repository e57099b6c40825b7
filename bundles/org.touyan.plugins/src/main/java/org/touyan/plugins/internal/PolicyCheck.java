package org.touyan.plugins.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * Pipeline stage 5: a started version must register a policy, every policy that is bound on its
 * predecessor, no endpoint, and pass its own fixtures, before it may serve.
 */
final class PolicyCheck {

	private final PolicyIndex index;
	private final Fixtures.Runner runner;

	PolicyCheck(PolicyIndex index, Fixtures.Runner runner) {
		this.index = index;
		this.runner = runner;
	}

	/** Waits up to {@code timeoutMs} until {@code fresh} provides what {@code bound} needs; refuses otherwise. */
	void verify(Bundle fresh, List<Binding> bound, long timeoutMs, String action) {
		Set<String> needed = new LinkedHashSet<>();
		bound.forEach(b -> needed.add(Views.simpleName(b.spi()) + " " + b.policyId()));
		long deadline = System.currentTimeMillis() + timeoutMs;
		while (true) {
			List<PolicyIndex.Entry> entries = index.ofBundle(fresh.getBundleId());
			Set<String> provided = new LinkedHashSet<>();
			entries.forEach(e -> e.spis.forEach(s -> provided.add(Views.simpleName(s) + " " + e.policyId)));
			if (registersEndpoints(fresh)) {
				throw new Refusal("注册了 JAX-RS 资源或扩展：插件只提供策略服务，不提供接口",
						"registers JAX-RS resources or extensions: plugins contribute policy services, not endpoints");
			}
			if (!provided.isEmpty() && provided.containsAll(needed)) {
				List<String> failures = Fixtures.run(fresh, entries, runner);
				if (!failures.isEmpty()) {
					List<String> shown = failures.subList(0, Math.min(5, failures.size()));
					throw new Refusal("未通过自带的测试用例（fixtures）：" + String.join("；", shown)
							+ (failures.size() > 5 ? "（另有 " + (failures.size() - 5) + " 项）" : ""),
							"fails its fixtures: " + String.join("; ", shown)
									+ (failures.size() > 5 ? " (and " + (failures.size() - 5) + " more)" : ""));
				}
				return;
			}
			if (fresh.getState() != Bundle.ACTIVE || System.currentTimeMillis() > deadline) {
				Set<String> missing = new LinkedHashSet<>(needed);
				missing.removeAll(provided);
				throw provided.isEmpty()
						? new Refusal(timeoutMs + " ms 内未注册任何策略服务", "registered no policy service within " + timeoutMs + " ms")
						: new Refusal("未提供已绑定的 " + missing + "（" + actionZh(action) + "被拒绝）",
								"does not provide the bound " + missing + " (" + action + " refused)");
			}
			try {
				Thread.sleep(10);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new Refusal("未能检查：平台正在停止", "was not checked: the platform is stopping");
			}
		}
	}

	private static String actionZh(String action) {
		return switch (action) {
		case "install" -> "安装";
		case "promote" -> "启用";
		case "rollback" -> "回退";
		default -> action;
		};
	}

	/** Endpoints from a plugin would make the whiteboard rebuild the core application. */
	static boolean registersEndpoints(Bundle bundle) {
		ServiceReference<?>[] services = bundle.getRegisteredServices();
		if (services == null) {
			return false;
		}
		for (ServiceReference<?> s : services) {
			if (s.getProperty("osgi.jaxrs.resource") != null || s.getProperty("osgi.jaxrs.extension") != null
					|| s.getProperty("osgi.jaxrs.application.base") != null) {
				return true;
			}
		}
		return false;
	}
}
