package org.touyan.shell.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.touyan.api.security.AuditLog;

/**
 * One operator's connection to the shell port. The first line is the token the platform wrote
 * to {@code data/shell.token}; a wrong one is audited as denied and the connection closed. Then
 * each line is a command, answered by its output. {@code <token> --batch} asks for no banner
 * and no prompt, for scripts; {@code exit} or the end of input ends the session.
 */
final class ShellConnection {

	static final String PROMPT = "touyan> ";
	static final String BATCH = "--batch";

	/** The commands one session runs. */
	interface Session extends AutoCloseable {
		/** Runs one command line and answers what it returned, as text (or null for nothing). */
		String run(String line) throws Exception;

		@Override
		void close();
	}

	/** Opens a session writing to {@code out}. */
	interface Sessions {
		Session open(PrintStream out);
	}

	private final String token;
	private final Sessions sessions;
	private final AuditLog audit;
	private final String peer;

	ShellConnection(String token, Sessions sessions, AuditLog audit, String peer) {
		this.token = token;
		this.sessions = sessions;
		this.audit = audit;
		this.peer = peer;
	}

	void serve(BufferedReader in, PrintStream out) throws IOException {
		String first = in.readLine();
		if (first == null) {
			return;
		}
		first = first.strip();
		boolean batch = first.endsWith(" " + BATCH);
		String given = batch ? first.substring(0, first.length() - BATCH.length()).strip() : first;
		if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
			audit.record(Outcome.ACTOR, "shell.login", peer, "denied", "wrong token");
			out.println("口令不符，连接已关闭 (wrong token; see data/shell.token)");
			out.flush();
			return;
		}
		audit.record(Outcome.ACTOR, "shell.login", peer, "ok", batch ? "batch" : null);
		try (Session session = sessions.open(out)) {
			if (!batch) {
				out.println("投研运维命令行 Touyan operator shell. 输入 help 查看命令，exit 退出 (type help for the commands, exit to leave)");
			}
			while (true) {
				if (!batch) {
					out.print(PROMPT);
				}
				out.flush();
				String line = in.readLine();
				if (line == null) {
					return;
				}
				line = line.strip();
				if (line.equals("exit") || line.equals("quit")) {
					return;
				}
				if (line.isEmpty() || line.startsWith("#")) {
					continue;
				}
				try {
					String answer = session.run(line);
					if (answer != null && !answer.isEmpty()) {
						out.println(answer.stripTrailing());
					}
				} catch (Exception e) {
					out.println("错误 error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
				}
			}
		} finally {
			out.flush();
		}
	}
}
