package org.touyan.shell.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Semaphore;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.touyan.api.security.AuditLog;

/**
 * The shell's port: on the loopback address only, never another, at the port the framework
 * property {@value #PORT} names (absent, empty, {@code 0} or {@code off}: no port). Nothing reads
 * the JVM's stdin, so a platform started in the background never stops because its input closed.
 * Each start writes a new random token to {@code data/shell.token} (readable by its owner only);
 * a connection must send it first. A port that cannot be opened is logged, and the platform
 * runs on without the shell.
 */
@Component(immediate = true, service = {})
public class ShellServer {

	static final String PORT = "touyan.shell.port";
	static final String TOKEN_FILE = "shell.token";
	private static final int SESSIONS = 4;
	private static final int IDLE_MS = 30 * 60 * 1000;

	private static final Logger LOG = LoggerFactory.getLogger(ShellServer.class);

	private final CommandProcessor processor;
	private final AuditLog audit;
	private final Semaphore free = new Semaphore(SESSIONS);
	/** The connections open now: closed with the server, so no session outlives the bundle. */
	private final java.util.Set<Socket> connections = java.util.concurrent.ConcurrentHashMap.newKeySet();
	private final ServerSocket server;
	private final String token;

	@Activate
	public ShellServer(BundleContext context, @Reference CommandProcessor processor, @Reference AuditLog audit) {
		this.processor = processor;
		this.audit = audit;
		int port = port(context.getProperty(PORT));
		ServerSocket opened = null;
		String written = null;
		if (port > 0) {
			try {
				written = writeToken(dataDir(context));
				opened = new ServerSocket();
				opened.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), SESSIONS);
				LOG.info("operator shell on {}:{} (token in {})", InetAddress.getLoopbackAddress().getHostAddress(), port,
						dataDir(context).resolve(TOKEN_FILE));
			} catch (IOException e) {
				LOG.error("the operator shell cannot listen on 127.0.0.1:{}: {}; the platform runs on without it", port, e.toString());
				closeQuietly(opened);
				opened = null;
			}
		}
		this.server = opened;
		this.token = written;
		if (server != null) {
			Thread accept = new Thread(this::accept, "touyan-shell");
			accept.setDaemon(true);
			accept.start();
		}
	}

	@Deactivate
	void deactivate() {
		closeQuietly(server);
		for (Socket socket : connections) {
			try {
				socket.close();
			} catch (IOException ignored) {
				// closing
			}
		}
	}

	/** The port to listen on, or 0 for none. */
	static int port(String value) {
		if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("off")) {
			return 0;
		}
		try {
			int port = Integer.parseInt(value.strip());
			if (port < 0 || port > 65535) {
				throw new NumberFormatException(value);
			}
			return port;
		} catch (NumberFormatException e) {
			LOG.error("{}={} is not a port (0-65535, or off); the operator shell is off", PORT, value);
			return 0;
		}
	}

	static Path dataDir(BundleContext context) {
		String data = context.getProperty("touyan.data");
		return Path.of(data == null || data.isBlank() ? "data" : data).toAbsolutePath();
	}

	/** A fresh token in {@code dir/shell.token}, readable and writable by its owner only. */
	static String writeToken(Path dir) throws IOException {
		byte[] random = new byte[24];
		new SecureRandom().nextBytes(random);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		Files.createDirectories(dir);
		Path tmp = dir.resolve(TOKEN_FILE + ".tmp");
		Files.deleteIfExists(tmp);
		try {
			Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		} catch (UnsupportedOperationException notPosix) {
			Files.createFile(tmp);
		}
		Files.writeString(tmp, token + "\n", StandardCharsets.UTF_8);
		Files.move(tmp, dir.resolve(TOKEN_FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		return token;
	}

	private void accept() {
		while (!server.isClosed()) {
			Socket socket;
			try {
				socket = server.accept();
			} catch (SocketException closed) {
				return;
			} catch (IOException e) {
				LOG.warn("operator shell: {}", e.toString());
				continue;
			}
			if (!free.tryAcquire()) {
				try (socket; PrintStream out = new PrintStream(socket.getOutputStream(), true, StandardCharsets.UTF_8)) {
					out.println("会话已满（最多 " + SESSIONS + " 个），请稍后再试 (too many sessions, try again later)");
				} catch (IOException ignored) {
					// the client is gone already
				}
				continue;
			}
			Thread session = new Thread(() -> serve(socket), "touyan-shell-" + socket.getPort());
			session.setDaemon(true);
			session.start();
		}
	}

	private void serve(Socket socket) {
		String peer = socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
		connections.add(socket);
		try (socket) {
			socket.setSoTimeout(IDLE_MS);
			BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
			PrintStream out = new PrintStream(socket.getOutputStream(), false, StandardCharsets.UTF_8);
			new ShellConnection(token, this::open, audit, peer).serve(in, out);
		} catch (IOException e) {
			LOG.debug("operator shell session {} ended: {}", peer, e.toString());
		} finally {
			connections.remove(socket);
			free.release();
		}
	}

	/** A Gogo session whose output is the connection; it reads no input (nothing waits on the socket but us). */
	private ShellConnection.Session open(PrintStream out) {
		CommandSession session = processor.createSession(InputStream.nullInputStream(), out, out);
		session.put("SCOPE", "touyan:felix:gogo:*");
		return new ShellConnection.Session() {
			@Override
			public String run(String line) throws Exception {
				Object result = session.execute(line);
				if (result == null) {
					return null;
				}
				return result instanceof CharSequence text ? text.toString() : String.valueOf(session.format(result, Converter.INSPECT));
			}

			@Override
			public void close() {
				session.close();
			}
		};
	}

	private static void closeQuietly(ServerSocket socket) {
		if (socket != null) {
			try {
				socket.close();
			} catch (IOException ignored) {
				// closing
			}
		}
	}
}
