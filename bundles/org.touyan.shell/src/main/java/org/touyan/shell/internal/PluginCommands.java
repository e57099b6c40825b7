package org.touyan.shell.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.touyan.api.plugins.PluginAdmin;
import org.touyan.api.plugins.PluginAdmin.BindingInfo;
import org.touyan.api.plugins.PluginAdmin.EventInfo;
import org.touyan.api.plugins.PluginAdmin.PluginInfo;
import org.touyan.api.security.AuditLog;

/** The plugin manager at the shell: plugins, events, rollback, a quarantine's release, bindings and pins. */
@Component(service = PluginCommands.class)
@GogoCommand(scope = "touyan", function = { "plugins", "events", "rollback", "release", "bindings", "pins" })
public class PluginCommands {

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
	private static final int DEFAULT_EVENTS = 20;

	private final PluginAdmin plugins;
	private final Outcome outcome;
	private final ZoneId zone;

	@Activate
	public PluginCommands(@Reference PluginAdmin plugins, @Reference AuditLog audit) {
		this(plugins, audit, ZoneId.systemDefault());
	}

	PluginCommands(PluginAdmin plugins, AuditLog audit, ZoneId zone) {
		this.plugins = plugins;
		this.outcome = new Outcome(audit);
		this.zone = zone;
	}

	@Descriptor("已安装的插件：版本、状态、签名者、待启用版本、锁定、策略与隔离 (installed plugins)")
	public String plugins() {
		List<PluginInfo> all = plugins.plugins();
		Table t = new Table("插件 bsn", "版本 version", "状态 state", "签名者 signer", "待启用 staged", "锁定 pins", "策略 policies",
				"隔离 quarantined");
		for (PluginInfo p : all) {
			t.row(p.bsn(), p.version(), p.state(), p.signer(), p.staged(), join(p.pinnedBy()), join(p.policies()), join(p.quarantined()));
		}
		long quarantined = all.stream().filter(p -> !p.quarantined().isEmpty()).count();
		return "模式 mode: " + plugins.mode() + "\n" + t + "共 " + all.size() + " 个插件，" + quarantined + " 个有隔离的策略 ("
				+ all.size() + " plugins, " + quarantined + " with quarantined policies)";
	}

	@Descriptor("最近 20 条插件事件，最新在前 (the latest 20 plugin events, newest first)")
	public String events() {
		return events(DEFAULT_EVENTS);
	}

	@Descriptor("最近 n 条插件事件，最新在前 (the latest n plugin events, newest first)")
	public String events(@Descriptor("条数 how many") int n) {
		List<EventInfo> events = plugins.events(n);
		Table t = new Table("编号 id", "时间 at", "插件 bsn", "版本 version", "操作 action", "结果 outcome", "详情 detail");
		for (EventInfo e : events) {
			t.row(e.id(), TIME.format(e.at().atZone(zone)), e.bsn(), e.version(), e.action(), e.outcome(), e.detail());
		}
		return t.isEmpty() ? "尚无插件事件 (no plugin events yet)" : t.toString().stripTrailing();
	}

	@Descriptor("回退插件到上一个版本及其当时的绑定参数 (rolls a plugin back to its previous version)")
	public String rollback(@Descriptor("插件符号名 the plugin's bsn") String bsn) {
		return outcome.audited("rollback", bsn, () -> {
			PluginInfo p = plugins.rollback(bsn);
			return "已回退：" + p.bsn() + " 现为 " + p.version() + " (rolled back: " + p.bsn() + " is now " + p.version() + ")";
		});
	}

	@Descriptor("解除插件被隔离的策略，其绑定恢复服务 (releases a plugin's quarantined policies)")
	public String release(@Descriptor("插件符号名 the plugin's bsn") String bsn) {
		return outcome.audited("release", bsn, () -> {
			plugins.releaseQuarantine(bsn, Outcome.ACTOR);
			return "已解除隔离：" + bsn + " 的策略恢复服务 (quarantine released: the policies of " + bsn + " serve again)";
		});
	}

	@Descriptor("生效中的绑定：哪个策略在何处为哪个 SPI 服务 (the bindings in force)")
	public String bindings() {
		List<BindingInfo> all = plugins.bindings();
		return all.isEmpty() ? "尚无绑定 (nothing is bound)" : bindingTable(all) + "共 " + all.size() + " 条绑定 (" + all.size() + " bindings)";
	}

	@Descriptor("锁定（评估周期）及各自锁定的绑定数 (pins and how many bindings each holds)")
	public String pins() {
		Set<String> keys = plugins.pins();
		if (keys.isEmpty()) {
			return "尚无锁定 (nothing is pinned)";
		}
		Table t = new Table("锁定 pin", "绑定数 bindings");
		for (String key : keys.stream().sorted().toList()) {
			t.row(key, plugins.pinned(key).size());
		}
		return t.toString().stripTrailing();
	}

	@Descriptor("一个锁定下的绑定 (the bindings pinned under a key)")
	public String pins(@Descriptor("锁定键 the pin's key") String key) {
		try {
			List<BindingInfo> pinned = plugins.pinned(key);
			return "锁定 pin: " + key + "\n" + bindingTable(pinned).stripTrailing();
		} catch (RuntimeException e) {
			return "失败 failed: " + Outcome.reason(e);
		}
	}

	private static String bindingTable(List<BindingInfo> bindings) {
		Table t = new Table("SPI", "范围 scope", "策略 policy", "插件 bsn", "版本 version", "参数 parameters", "修订 revision");
		for (BindingInfo b : bindings) {
			t.row(b.spi(), b.scope(), b.policyId(), b.bsn(), b.version(), parameters(b.parameters()), b.revision());
		}
		return t.toString();
	}

	private static String parameters(Map<String, String> parameters) {
		return parameters.isEmpty() ? "-"
				: new java.util.TreeMap<>(parameters).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
						.collect(Collectors.joining(", "));
	}

	private static String join(java.util.Collection<String> values) {
		return values.isEmpty() ? "-" : String.join(", ", values);
	}
}
