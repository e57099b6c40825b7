package org.touyan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The operator shell: its commands run through the Gogo {@link CommandProcessor} as an operator's
 * session runs them, act on the platform as the REST API would (a disabled user cannot log in),
 * and are audited with the shell as the actor; and its loopback port takes only the token.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ShellIT extends PlatformTest {

	private static final Pattern ONE_TIME = Pattern.compile("一次性密码 one-time password: (\\S+)");

	@Inject
	private CommandProcessor processor;

	/** Runs one command line in a fresh session and answers what it printed and returned. */
	private String shell(String line) throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
		CommandSession session = processor.createSession(InputStream.nullInputStream(), out, out);
		try {
			Object result = session.execute(line);
			out.flush();
			return bytes.toString(StandardCharsets.UTF_8) + (result == null ? "" : result.toString());
		} finally {
			session.close();
		}
	}

	@Test
	public void healthSaysWhatApiHealthSays() throws Exception {
		awaitDemo();
		String health = shell("touyan:health");
		assertTrue(health, health.startsWith("状态 status: " + get("/api/health").json().get("status").asText()));
		assertTrue(health, health.contains("数据库 store: 就绪 ready"));
		assertTrue(health, health.contains("HTTP /api/health: 200"));
		assertTrue(health, health.lines().anyMatch(l -> l.startsWith("plugins ")));
		assertTrue(health, health.lines().anyMatch(l -> l.startsWith("security ") && l.contains("MIGRATED")));
	}

	@Test
	public void pluginsBindingsEventsAndPinsNameTheDemoPlugins() throws Exception {
		awaitDemo();
		String plugins = shell("touyan:plugins");
		assertTrue(plugins, plugins.startsWith("模式 mode: development"));
		for (String bsn : new String[] { "org.touyan.plugin.star.district", "org.touyan.plugin.training.xiaozao",
				"org.touyan.plugin.eligibility" }) {
			assertTrue(plugins, plugins.lines().anyMatch(l -> l.startsWith(bsn + " ") && l.contains("ACTIVE")));
		}
		String bindings = shell("touyan:bindings");
		assertTrue(bindings, bindings.lines().anyMatch(l -> l.startsWith("StarRatingFormula ")));
		String events = shell("touyan:events 5");
		assertTrue(events, events.startsWith("编号 id"));
		assertTrue(events, events.lines().count() <= 7);
		String pins = shell("touyan:pins");
		assertTrue(pins, pins.startsWith("锁定 pin") || pins.equals("尚无锁定 (nothing is pinned)"));
		String unknown = shell("touyan:pins no-such-cycle");
		assertTrue(unknown, unknown.startsWith("失败 failed: 未找到"));
	}

	@Test
	public void aRollbackWithNoEarlierVersionIsRefusedAndAudited() throws Exception {
		awaitDemo();
		String out = shell("touyan:rollback org.touyan.plugin.negativelist.district");
		assertTrue(out, out.startsWith("失败 failed: 插件 org.touyan.plugin.negativelist.district 没有可回退的早期版本"));
		String release = shell("touyan:release org.touyan.plugin.negativelist.district");
		assertTrue(release, release.startsWith("失败 failed: 未找到"));
		JsonNode entries = shellAudit();
		assertTrue(entries.toString(), entries.findValuesAsText("action").contains("touyan:rollback"));
	}

	@Test
	public void resetAndDisableActAsTheApiWouldAndAreAudited() throws Exception {
		String token = newUser("shell.night", "夜班用户", "AUDITOR", null, null);
		String reset = shell("touyan:reset shell.night");
		Matcher m = ONE_TIME.matcher(reset);
		assertTrue(reset, m.find());
		String oneTime = m.group(1);
		assertEquals("the reset ended the user's session", 401, session(token));
		String fresh = login("shell.night", oneTime);
		assertEquals(200, session(fresh));

		String disabled = shell("touyan:disable shell.night");
		assertTrue(disabled, disabled.startsWith("已停用：shell.night（夜班用户）"));
		assertEquals("the disable ended the user's session", 401, session(fresh));
		Reply again = anonymous(HttpRequest.newBuilder(URI.create(base() + "/api/session")).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("login", "shell.night").put("password", oneTime)
						.toString(), StandardCharsets.UTF_8)));
		assertNotEquals("a disabled user's login fails: " + again, 200, again.status());
		String users = shell("touyan:users");
		assertTrue(users, users.lines().anyMatch(l -> l.startsWith("shell.night ") && l.contains("是 yes")));

		JsonNode entries = shellAudit();
		java.util.List<String> actions = entries.findValuesAsText("action");
		assertTrue(entries.toString(), actions.contains("touyan:reset") && actions.contains("touyan:disable"));
		assertFalse("the one-time password is never audited", entries.toString().contains(oneTime));
		// (that the last enabled district administrator stays is UserCommandsTest's: the suite shares one
		// platform, where other classes may have appointed a second one, and the admin's token must live on)
	}

	@Test
	public void theAuditChainAndAPersonsArchiveVerify() throws Exception {
		awaitDemo();
		String audit = shell("touyan:auditverify");
		assertTrue(audit, audit.startsWith("审计日志哈希链完整："));
		String person = get("/api/people?limit=1").json().get("items").get(0).get("id").asText();
		String archive = shell("touyan:archiveverify " + person);
		assertTrue(archive, archive.startsWith("人员 " + person + " 的档案哈希链完整"));
		assertTrue(shell("touyan:archiveverify no-such-person").startsWith("失败 failed: 未找到"));
	}

	@Test
	public void theLoopbackPortTakesOnlyTheToken() throws Exception {
		int port = Integer.parseInt(context.getProperty("touyan.shell.port"));
		Path tokenFile = Path.of(context.getProperty("touyan.data"), "shell.token");
		String token = Files.readString(tokenFile).strip();
		assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)));

		String refused = converse(port, "not-the-token\ntouyan:health\n");
		assertTrue(refused, refused.startsWith("口令不符"));
		assertFalse(refused, refused.contains("状态 status"));

		String batch = converse(port, token + " --batch\nauditverify\nexit\n");
		assertTrue(batch, batch.startsWith("审计日志哈希链完整："));
		assertFalse(batch, batch.contains("touyan> "));

		String interactive = converse(port, token + "\nhelp\nexit\n");
		assertTrue(interactive, interactive.startsWith("投研运维命令行"));
		assertTrue(interactive, interactive.contains("touyan:archiveverify"));
	}

	private static String converse(int port, String input) throws Exception {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(30_000);
			socket.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
			socket.getOutputStream().flush();
			try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
				return in.lines().collect(Collectors.joining("\n"));
			}
		}
	}

	/** The status GET /api/session answers with this token. */
	private int session(String token) throws Exception {
		return sendAsIs(HttpRequest.newBuilder(URI.create(base() + "/api/session")).header("Authorization", "Bearer " + token).GET())
				.status();
	}

	/** The audit entries written with the shell as the actor, read by an auditor. */
	private JsonNode shellAudit() throws Exception {
		String auditor = auditorToken();
		Reply r = sendAsIs(HttpRequest.newBuilder(URI.create(base() + "/api/audit?actor=shell&limit=200"))
				.header("Authorization", "Bearer " + auditor).GET());
		assertEquals(r.toString(), 200, r.status());
		return r.json().get("items");
	}

	private static String auditor;

	private synchronized String auditorToken() throws Exception {
		if (auditor == null) {
			auditor = newUser("shell.auditor", "审计员", "AUDITOR", null, null);
		}
		return auditor;
	}
}
