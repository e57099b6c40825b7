package org.touyan.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

class PluginCommandsTest {

	private final Fakes.Plugins plugins = new Fakes.Plugins();
	private final Fakes.Audit audit = new Fakes.Audit();
	private final PluginCommands commands = new PluginCommands(plugins, audit, ZoneId.of("Asia/Shanghai"));

	@Test
	void pluginsNamesEachWithItsQuarantinedPolicies() {
		String out = commands.plugins();
		assertTrue(out.startsWith("模式 mode: development\n"), out);
		assertTrue(out.contains("插件 bsn"), out);
		assertTrue(out.lines().anyMatch(l -> l.startsWith("org.touyan.plugin.training.xiaozao") && l.contains("1.2.0")
				&& l.contains("2026-H1") && l.endsWith("xiaozao-report")), out);
		assertTrue(out.endsWith("共 2 个插件，1 个有隔离的策略 (2 plugins, 1 with quarantined policies)"), out);
		assertEquals(List.of(), audit.entries, "a read is not audited");
	}

	@Test
	void eventsShowLocalTimeAndOneLineDetails() {
		String out = commands.events();
		assertEquals(List.of("events 20"), plugins.calls);
		assertTrue(out.contains("2026-12-07 10:00:00"), out);
		assertTrue(out.contains("fixtures failed line two"), out);
		commands.events(5);
		assertEquals("events 5", plugins.calls.get(1));
	}

	@Test
	void rollbackIsAuditedAsTheShell() {
		String out = commands.rollback("org.touyan.plugin.training.xiaozao");
		assertTrue(out.startsWith("已回退：org.touyan.plugin.training.xiaozao 现为 1.0.0"), out);
		assertEquals(List.of("shell touyan:rollback org.touyan.plugin.training.xiaozao ok null"), audit.entries);
	}

	@Test
	void aRefusedRollbackSaysWhyAndIsAuditedAsFailed() {
		String out = commands.rollback("org.touyan.plugin.star.district");
		assertTrue(out.startsWith("失败 failed: 插件 org.touyan.plugin.star.district 没有可回退的早期版本 (There is no earlier"), out);
		assertEquals(1, audit.entries.size());
		assertTrue(audit.entries.get(0).startsWith("shell touyan:rollback org.touyan.plugin.star.district failed 409 There is no earlier"),
				audit.entries.get(0));
	}

	@Test
	void releaseNamesTheShellAsWhoReleased() {
		String out = commands.release("org.touyan.plugin.training.xiaozao");
		assertTrue(out.startsWith("已解除隔离"), out);
		assertEquals(List.of("release org.touyan.plugin.training.xiaozao by shell"), plugins.calls);
		assertEquals(List.of("shell touyan:release org.touyan.plugin.training.xiaozao ok null"), audit.entries);
		assertTrue(commands.release("nothing.quarantined").startsWith("失败 failed: 未找到"));
		assertTrue(audit.entries.get(1).startsWith("shell touyan:release nothing.quarantined failed 404"), audit.entries.get(1));
	}

	@Test
	void bindingsAndPins() {
		String bindings = commands.bindings();
		assertTrue(bindings.lines().anyMatch(l -> l.startsWith("StarRatingFormula") && l.contains("district:D1") && l.contains("threshold=90")
				&& l.endsWith("3")), bindings);
		assertTrue(bindings.endsWith("共 1 条绑定 (1 bindings)"), bindings);
		String pins = commands.pins();
		assertTrue(pins.lines().anyMatch(l -> l.startsWith("2026-H1") && l.endsWith("1")), pins);
		assertTrue(commands.pins("2026-H1").startsWith("锁定 pin: 2026-H1\nSPI"));
		assertTrue(commands.pins("2025-H2").startsWith("失败 failed: 未找到"), commands.pins("2025-H2"));
	}
}
