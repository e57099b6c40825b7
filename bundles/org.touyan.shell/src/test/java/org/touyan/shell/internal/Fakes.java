package org.touyan.shell.internal;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.touyan.api.plugins.PluginAdmin;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.security.AuditLog;

/** Services the commands call, kept in memory. */
final class Fakes {

	private Fakes() {
	}

	/** An audit log that keeps every entry as "actor action target outcome detail". */
	static final class Audit implements AuditLog {
		final List<String> entries = new ArrayList<>();

		@Override
		public void record(String actor, String action, String target, String outcome, String detail) {
			entries.add(actor + " " + action + " " + target + " " + outcome + " " + detail);
		}

		@Override
		public void recordNow(String actor, String action, String target, String outcome, String detail) {
			record(actor, action, target, outcome, detail);
		}

		@Override
		public Verification verify() {
			return new Verification(entries.size(), true, null);
		}
	}

	/** Two plugins, one with a quarantined policy; rollback and release answer as the manager would. */
	static final class Plugins implements PluginAdmin {
		final List<String> calls = new ArrayList<>();

		@Override
		public String mode() {
			return "development";
		}

		@Override
		public List<PluginInfo> plugins() {
			return List.of(
					new PluginInfo("org.touyan.plugin.star.district", "1.0.0", "ACTIVE", null, null, Set.of(), List.of("district-star"),
							List.of()),
					new PluginInfo("org.touyan.plugin.training.xiaozao", "1.1.0", "ACTIVE", "CN=示范区", "1.2.0", Set.of("2026-H1"),
							List.of("xiaozao", "xiaozao-report"), List.of("xiaozao-report")));
		}

		@Override
		public List<EventInfo> events(int limit) {
			calls.add("events " + limit);
			return List.of(new EventInfo(7, Instant.parse("2026-12-07T02:00:00Z"), "org.touyan.plugin.training.xiaozao", "1.1.0", "install",
					"REFUSED", "fixtures failed\nline two"));
		}

		@Override
		public List<BindingInfo> bindings() {
			return List.of(new BindingInfo("StarRatingFormula", "district:D1", "district-star", "org.touyan.plugin.star.district", "1.0.0",
					Map.of("threshold", "90"), 3));
		}

		@Override
		public Set<String> pins() {
			return Set.of("2026-H1");
		}

		@Override
		public List<BindingInfo> pinned(String key) {
			if (!key.equals("2026-H1")) {
				throw ProblemException.notFound("插件锁定", "pin", key);
			}
			return bindings();
		}

		@Override
		public PluginInfo rollback(String bsn) {
			calls.add("rollback " + bsn);
			if (!bsn.equals("org.touyan.plugin.training.xiaozao")) {
				throw new ProblemException(409, "Conflict", "插件 " + bsn + " 没有可回退的早期版本", "There is no earlier version of " + bsn
						+ " to roll back to", null);
			}
			return new PluginInfo(bsn, "1.0.0", "ACTIVE", null, null, Set.of(), List.of("xiaozao"), List.of());
		}

		@Override
		public void releaseQuarantine(String bsn, String actor) {
			calls.add("release " + bsn + " by " + actor);
			if (!bsn.equals("org.touyan.plugin.training.xiaozao")) {
				throw ProblemException.notFound("插件隔离记录", "quarantine of plugin", bsn);
			}
		}
	}

	/** A bundle context with the given framework properties and no bundles. */
	static BundleContext context(Map<String, String> properties) {
		return (BundleContext) Proxy.newProxyInstance(Fakes.class.getClassLoader(), new Class<?>[] { BundleContext.class },
				(proxy, method, args) -> switch (method.getName()) {
				case "getProperty" -> properties.get((String) args[0]);
				case "getBundles" -> new Bundle[0];
				default -> throw new UnsupportedOperationException(method.getName());
				});
	}
}
