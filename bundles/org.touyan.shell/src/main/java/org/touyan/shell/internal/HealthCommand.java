package org.touyan.shell.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.touyan.api.health.HealthContributor;
import org.touyan.api.health.HealthContributor.Contribution;
import org.touyan.api.store.SchemaStatus;

/**
 * {@code touyan:health}: what {@code GET /api/health} weighs, read in the framework itself (the
 * schemas, every {@link HealthContributor}, the bundles not active), and whether the HTTP
 * endpoint answers — so it still tells something when HTTP does not.
 */
@Component(service = HealthCommand.class)
@GogoCommand(scope = "touyan", function = { "health" })
public class HealthCommand {

	/** Asks the HTTP endpoint; the shell's own view stands without it. */
	interface Probe {
		String probe();
	}

	private final BundleContext context;
	private final SchemaStatus schemas;
	private final Probe http;

	@Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
	volatile List<HealthContributor> contributors = List.of();

	@Activate
	public HealthCommand(BundleContext context, @Reference SchemaStatus schemas) {
		this(context, schemas, new HttpProbe(context));
	}

	HealthCommand(BundleContext context, SchemaStatus schemas, Probe http) {
		this.context = context;
		this.schemas = schemas;
		this.http = http;
	}

	@Descriptor("平台健康状况：数据库结构、各部分、未激活的 bundle、HTTP 接口 (the platform's health)")
	public String health() {
		List<String> inactive = inactiveBundles();
		boolean storeReady = schemas.ready();
		boolean ready = storeReady && inactive.stream().noneMatch(HealthCommand::core);
		boolean degraded = false;
		List<String> warnings = new ArrayList<>();
		Table parts = new Table("部分 part", "就绪 ready", "降级 degraded", "详情 details");
		Map<String, Contribution> byName = new TreeMap<>();
		for (HealthContributor contributor : contributors) {
			Contribution c = contributor.contribute();
			byName.put(c.name(), c);
		}
		for (Contribution c : byName.values()) {
			ready &= c.ready();
			degraded |= c.degraded();
			warnings.addAll(c.warnings());
			parts.row(c.name(), UserCommands.yesNo(c.ready()), UserCommands.yesNo(c.degraded()), details(c.details()));
		}
		String status = !ready ? "DOWN" : degraded ? "DEGRADED" : "UP";
		StringBuilder out = new StringBuilder();
		out.append("状态 status: ").append(status).append(' ').append(switch (status) {
		case "UP" -> "（正常）";
		case "DEGRADED" -> "（降级：可用，但有部分未尽其职）";
		default -> "（不可用）";
		}).append('\n');
		out.append("数据库 store: ").append(storeReady ? "就绪 ready" : "未就绪 NOT ready").append('\n');
		out.append("HTTP /api/health: ").append(http.probe()).append('\n');
		if (!warnings.isEmpty()) {
			out.append("警告 warnings:\n");
			warnings.forEach(w -> out.append("  - ").append(w).append('\n'));
		}
		out.append('\n').append(parts);
		Table schemaTable = new Table("数据库结构 schema", "bundle", "状态 state", "版本 version", "错误 error");
		for (SchemaStatus.Schema s : schemas.schemas()) {
			schemaTable.row(s.name(), s.bundle(), s.state(), s.version(), s.error());
		}
		out.append('\n').append(schemaTable);
		if (!inactive.isEmpty()) {
			out.append("\n未激活的 bundle (not active):\n");
			inactive.forEach(b -> out.append("  - ").append(b).append('\n'));
		}
		return out.toString().stripTrailing();
	}

	/** A core bundle (the platform's own, not a plugin) that is not active keeps the platform down. */
	private static boolean core(String bundle) {
		return bundle.startsWith("org.touyan.") && !bundle.startsWith("org.touyan.plugin.");
	}

	private List<String> inactiveBundles() {
		return Arrays.stream(context.getBundles())
				.filter(b -> b.getState() != Bundle.ACTIVE)
				.filter(b -> !(b.getHeaders("").get(Constants.FRAGMENT_HOST) != null && b.getState() == Bundle.RESOLVED))
				.filter(b -> !(b.getState() == Bundle.STARTING
						&& String.valueOf(b.getHeaders("").get(Constants.BUNDLE_ACTIVATIONPOLICY)).startsWith(Constants.ACTIVATION_LAZY)))
				.map(b -> b.getSymbolicName() + " " + b.getVersion() + " " + state(b.getState()))
				.toList();
	}

	private static String state(int state) {
		return switch (state) {
		case Bundle.INSTALLED -> "INSTALLED";
		case Bundle.RESOLVED -> "RESOLVED";
		case Bundle.STARTING -> "STARTING";
		case Bundle.STOPPING -> "STOPPING";
		default -> "UNINSTALLED";
		};
	}

	/** A part's details on one line, cut short: the whole is in {@code GET /api/health}. */
	static String details(Map<String, Object> details) {
		StringBuilder s = new StringBuilder();
		new TreeMap<>(details).forEach((k, v) -> {
			if (s.length() > 0) {
				s.append(", ");
			}
			s.append(k).append('=').append(v);
		});
		return s.length() > 100 ? s.substring(0, 99) + "…" : s.length() == 0 ? "-" : s.toString();
	}
}
