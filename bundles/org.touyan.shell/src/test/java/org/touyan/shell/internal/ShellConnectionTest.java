package org.touyan.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ShellConnectionTest {

	private final Fakes.Audit audit = new Fakes.Audit();
	private final List<String> ran = new ArrayList<>();
	private boolean closed;

	private String converse(String input) throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
		new ShellConnection("s3cret", o -> new ShellConnection.Session() {
			@Override
			public String run(String line) {
				ran.add(line);
				if (line.equals("boom")) {
					throw new IllegalStateException("命令 boom 不存在");
				}
				return "answer to " + line + "\n";
			}

			@Override
			public void close() {
				closed = true;
			}
		}, audit, "127.0.0.1:40000").serve(new BufferedReader(new StringReader(input)), out);
		return bytes.toString(StandardCharsets.UTF_8);
	}

	@Test
	void aWrongTokenRunsNothingAndIsAuditedAsDenied() throws Exception {
		String out = converse("guess\nhealth\n");
		assertTrue(out.startsWith("口令不符"), out);
		assertEquals(List.of(), ran);
		assertEquals(List.of("shell shell.login 127.0.0.1:40000 denied wrong token"), audit.entries);
	}

	@Test
	void interactiveHasABannerAndPrompts() throws Exception {
		String out = converse("s3cret\nhealth\n\n# a comment\nboom\nexit\nnever\n");
		assertTrue(out.startsWith("投研运维命令行"), out);
		assertTrue(out.contains("touyan> answer to health\ntouyan> "), out);
		assertTrue(out.contains("错误 error: 命令 boom 不存在"), out);
		assertEquals(List.of("health", "boom"), ran, "blank lines and comments are skipped; nothing runs after exit");
		assertTrue(closed);
		assertEquals(List.of("shell shell.login 127.0.0.1:40000 ok null"), audit.entries);
	}

	@Test
	void batchPrintsOnlyTheAnswers() throws Exception {
		String out = converse("s3cret --batch\nplugins\nusers\n");
		assertEquals("answer to plugins\nanswer to users\n", out);
		assertFalse(out.contains(ShellConnection.PROMPT));
		assertEquals(List.of("shell shell.login 127.0.0.1:40000 ok batch"), audit.entries);
	}
}
