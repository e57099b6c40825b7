package org.touyan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;

import javax.inject.Inject;

import org.junit.Before;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.BundleContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Boots the distribution's run bundles (the folder its bndrun exports, so the tests run exactly
 * what ships) on a free port and a fresh database, and talks to the API over real HTTP.
 */
public abstract class PlatformTest {

	protected static final ObjectMapper JSON = new ObjectMapper();
	/** The first district administrator's password, given as an operator would (never a default). */
	protected static final String ADMIN_PASSWORD = "itest-组织部-Admin-2026";
	// one login per booted platform: hashing a password takes a while on purpose
	private static final java.util.Map<String, String> ADMIN_TOKENS = new java.util.concurrent.ConcurrentHashMap<>();
	private static final java.util.regex.Pattern CLASS_NAME = java.util.regex.Pattern.compile("\\b[a-z]+(\\.[a-z0-9_]+)+\\.[A-Z]\\w*");
	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Inject
	protected BundleContext context;

	@Configuration
	public Option[] configuration() throws IOException {
		List<Option> options = new ArrayList<>();
		File folder = new File(System.getProperty("touyan.runbundles"));
		File[] jars = folder.listFiles((dir, name) -> name.endsWith(".jar"));
		if (jars == null || jars.length == 0) {
			throw new IllegalStateException("no run bundles in " + folder + ": build the distribution first");
		}
		Arrays.sort(jars);
		for (File jar : jars) {
			boolean fragment;
			try (JarFile j = new JarFile(jar)) {
				fragment = j.getManifest().getMainAttributes().getValue("Fragment-Host") != null;
			}
			options.add(fragment ? bundle(jar.toURI().toString()).noStart() : bundle(jar.toURI().toString()));
		}
		File work = Files.createTempDirectory("touyan-itest").toFile();
		// the example plugins arrive as an operator would bring them: through the deploy folder
		File deploy = new File(work, "deploy");
		Files.createDirectories(deploy.toPath());
		File[] plugins = new File(System.getProperty("touyan.plugins")).listFiles((dir, name) -> name.endsWith(".jar"));
		for (File plugin : plugins == null ? new File[0] : plugins) {
			Files.copy(plugin.toPath(), new File(deploy, plugin.getName()).toPath());
		}
		options.add(junitBundles());
		options.add(frameworkProperty("org.osgi.service.http.port").value(String.valueOf(freePort())));
		options.add(frameworkProperty("org.apache.felix.http.host").value("127.0.0.1"));
		options.add(frameworkProperty("touyan.data").value(new File(work, "data").getAbsolutePath()));
		options.add(frameworkProperty("touyan.demo").value("true"));
		String postgresql = System.getProperty("touyan.itest.postgresql");
		if (postgresql != null && !postgresql.isBlank()) {
			options.add(frameworkProperty("touyan.store.url").value(freshDatabase(postgresql)));
		}
		options.add(frameworkProperty("touyan.admin.password").value(ADMIN_PASSWORD));
		// the operator shell's loopback port (ShellIT talks to it as ./touyan-shell does)
		options.add(frameworkProperty("touyan.shell.port").value(String.valueOf(freePort())));
		// the example plugins are not signed; GovernanceIT switches to production mode and back
		options.add(frameworkProperty("touyan.plugins.mode").value("development"));
		options.add(frameworkProperty("felix.fileinstall.dir").value(deploy.getAbsolutePath()));
		options.add(frameworkProperty("felix.fileinstall.filter").value(".*\\.(cfg|config)"));
		options.add(systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN"));
		// Felix HTTP logs to stdout at debug level when no log service is installed
		options.add(frameworkProperty("org.apache.felix.http.log.level").value("2"));
		return options.toArray(Option[]::new);
	}

	/**
	 * A new, empty database on the PostgreSQL server {@code server} names, for one test class's
	 * platform, and its URL (the server is a throwaway one of the test run's; its databases go with it).
	 */
	private static String freshDatabase(String server) throws IOException {
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(\\?.*)?").matcher(server);
		if (!m.matches()) {
			throw new IllegalArgumentException("not jdbc:postgresql://host:port/database[?…]: " + server);
		}
		String name = "touyan_itest_" + java.util.UUID.randomUUID().toString().replace("-", "");
		try (java.sql.Connection c = java.sql.DriverManager.getConnection(server); java.sql.Statement s = c.createStatement()) {
			s.execute("CREATE DATABASE " + name + " ENCODING 'UTF8'");
		} catch (java.sql.SQLException e) {
			throw new IOException("cannot create a database on " + server + ": " + e.getMessage(), e);
		}
		return m.group(1) + name + (m.group(3) == null ? "" : m.group(3));
	}

	private static int freePort() throws IOException {
		try (ServerSocket s = new ServerSocket(0)) {
			return s.getLocalPort();
		}
	}

	/** Readiness is health answering 200, not the port being open. */
	@Before
	public void awaitReady() throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		Reply last = null;
		while (System.nanoTime() < deadline) {
			try {
				last = anonymous(HttpRequest.newBuilder(URI.create(base() + "/api/health")).GET());
				if (last.status() == 200) {
					Answers.document(base(), HTTP);
					return;
				}
			} catch (IOException notListeningYet) {
				// the HTTP service is still starting
			}
			Thread.sleep(100);
		}
		throw new AssertionError("platform not ready in 60 s; last answer: " + last);
	}

	/**
	 * Waits until the demo district, loaded in the background at start, is loaded whole (health names
	 * it {@code loaded}): its cycles are archived by then (while one is open its pin holds every
	 * plugin version bound anywhere), its training year graded and its use records written.
	 */
	protected void awaitDemo() throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
		while (System.nanoTime() < deadline) {
			if (get("/api/health").json().path("components").path("demo").path("status").asText().equals("loaded")) {
				return;
			}
			Thread.sleep(250);
		}
		throw new AssertionError("the demo district was not loaded within 180 s: " + get("/api/health").body());
	}

	protected String base() {
		return "http://127.0.0.1:" + context.getProperty("org.osgi.service.http.port");
	}

	protected Reply get(String path) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(URI.create(base() + path)).GET());
	}

	protected Reply send(String method, String path, String contentType, String body) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", contentType)
				.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
	}

	/**
	 * Sends the request as the operator whose work it is: the plugin administrator for
	 * {@code /api/plugins…}, the district administrator for everything else — unless it carries its
	 * own Authorization header (see {@link #login}) or is sent with {@link #anonymous}.
	 */
	protected Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
		HttpRequest built = authorized(request);
		if (!built.method().equals("GET") && built.headers().firstValue("If-Match").isEmpty()) {
			// a client that reads before it writes, as the console does: the ETag of what the write acts on
			String tag = currentTag(built);
			if (tag != null) {
				built = HttpRequest.newBuilder(built, (name, value) -> true).header("If-Match", tag).build();
			}
		}
		return exchange(built);
	}

	/** Sends the request as {@link #send} does, but exactly as built: no If-Match is added. */
	protected Reply sendAsIs(HttpRequest.Builder request) throws IOException, InterruptedException {
		return exchange(authorized(request));
	}

	private HttpRequest authorized(HttpRequest.Builder request) throws IOException, InterruptedException {
		HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
		if (built.headers().firstValue("Authorization").isEmpty()) {
			String token = built.uri().getPath().startsWith("/api/plugins") ? pluginAdminToken() : adminToken();
			built = HttpRequest.newBuilder(built, (name, value) -> true).header("Authorization", "Bearer " + token).build();
		}
		return built;
	}

	/**
	 * The ETag of the resource a write acts on: the path itself (PUT, DELETE) or, for a transition
	 * such as {@code …/filings/{id}/steps/3/complete}, the nearest enclosing path whose GET answers one.
	 */
	private String currentTag(HttpRequest write) throws IOException, InterruptedException {
		String path = write.uri().getRawPath();
		String authorization = write.headers().firstValue("Authorization").orElseThrow();
		while (path.lastIndexOf('/') > "/api".length()) {
			HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", authorization)
					.timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			Optional<String> tag = r.statusCode() == 200 ? r.headers().firstValue("ETag") : Optional.empty();
			if (tag.isPresent()) {
				return tag.get();
			}
			path = path.substring(0, path.lastIndexOf('/'));
		}
		return null;
	}

	/** A single resource as one GET answered it: its ETag and its body. */
	protected record Read(String etag, JsonNode json) {
	}

	/** GETs a single resource as the district administrator; fails the test when it answers no ETag. */
	protected Read read(String path) throws IOException, InterruptedException {
		HttpRequest get = authorized(HttpRequest.newBuilder(URI.create(base() + path)).GET());
		HttpResponse<String> r = HTTP.send(get, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertEquals(path + ": " + r.body(), 200, r.statusCode());
		return new Read(r.headers().firstValue("ETag").orElseThrow(() -> new AssertionError(path + " answers no ETag")),
				JSON.readTree(r.body()));
	}

	/** Uploads a plugin jar as the plugin administrator. */
	protected Reply upload(byte[] jar) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(URI.create(base() + "/api/plugins")).header("Content-Type", "application/java-archive")
				.POST(HttpRequest.BodyPublishers.ofByteArray(jar)));
	}

	/** Rates one community's scores with the formula bound for {@code streetId}. */
	protected Reply preview(String streetId) throws IOException, InterruptedException {
		return send("POST", "/api/star-ratings/preview", "application/json", "{\"communityId\":\"c1\",\"streetId\":\"" + streetId
				+ "\",\"period\":\"2026-H1\",\"scores\":{\"MZJ\":95,\"JW\":90,\"ZFW\":65}}");
	}

	/** Sends the request without logging in. */
	protected Reply anonymous(HttpRequest.Builder request) throws IOException, InterruptedException {
		return exchange(request.timeout(Duration.ofSeconds(30)).build());
	}

	private Reply exchange(HttpRequest request) throws IOException, InterruptedException {
		HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		Reply reply = new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
		Answers.record(getClass().getSimpleName(), request, reply);
		return reply;
	}

	/** Logs in and answers the bearer token; fails the test when the login does not succeed. */
	protected String login(String login, String password) throws IOException, InterruptedException {
		Reply r = anonymous(HttpRequest.newBuilder(URI.create(base() + "/api/session")).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("login", login).put("password", password)
						.toString(), StandardCharsets.UTF_8)));
		assertEquals("login of " + login + ": " + r, 200, r.status());
		return r.json().get("token").asText();
	}

	private String adminToken() throws IOException, InterruptedException {
		String token = ADMIN_TOKENS.get(base());
		if (token == null) {
			token = login("admin", ADMIN_PASSWORD);
			ADMIN_TOKENS.put(base(), token);
		}
		return token;
	}

	private synchronized String pluginAdminToken() throws IOException, InterruptedException {
		String key = base() + "#plugins";
		String token = ADMIN_TOKENS.get(key);
		if (token == null) {
			token = newUser("plugin.admin", "插件管理员", "PLUGIN_ADMIN", null, null);
			ADMIN_TOKENS.put(key, token);
		}
		return token;
	}

	/**
	 * Creates a user as the district administrator, logs in with the one-time password, changes it
	 * as the platform demands, and answers the user's token. {@code scopeField} is street,
	 * department or person for the scoped roles, district for a district administrator, else null.
	 */
	protected String newUser(String login, String displayName, String role, String scopeField, String scopeId)
			throws IOException, InterruptedException {
		com.fasterxml.jackson.databind.node.ObjectNode user = JSON.createObjectNode().put("login", login)
				.put("displayName", displayName).put("role", role);
		if (scopeField != null) {
			user.put(scopeField, scopeId);
		}
		Reply created = send("POST", "/api/users", "application/json", user.toString());
		assertEquals(created.toString(), 201, created.status());
		String oneTime = created.json().get("oneTimePassword").asText();
		String token = login(login, oneTime);
		String changed = JSON.createObjectNode().put("currentPassword", oneTime).put("newPassword", oneTime + "-changed").toString();
		Reply r = exchange(HttpRequest.newBuilder(URI.create(base() + "/api/session/password")).header("Content-Type", "application/json")
				.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30))
				.PUT(HttpRequest.BodyPublishers.ofString(changed, StandardCharsets.UTF_8)).build());
		assertEquals(r.toString(), 204, r.status());
		return token;
	}

	/** Posts a JSON body as the operator whose work it is, expects 201 Created, and answers the new id. */
	protected String create(String path, String json) throws IOException, InterruptedException {
		Reply r = send("POST", path, "application/json", json);
		assertEquals("POST " + path + ": " + r, 201, r.status());
		return r.json().get("id").asText();
	}

	/** A citizen ID number: the 17 digits given and their check character (GB 11643). */
	protected static String idNumber(String first17) {
		int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * weights[i];
		}
		return first17 + "10X98765432".charAt(sum % 11);
	}

	/** A binary answer (an xlsx export), with the headers a download needs. */
	public record Download(int status, String contentType, String disposition, byte[] body) {
	}

	/** Sends the request as {@link #send} does and keeps the answer's bytes as they came. */
	protected Download download(HttpRequest.Builder request) throws IOException, InterruptedException {
		HttpResponse<byte[]> r = HTTP.send(authorized(request), HttpResponse.BodyHandlers.ofByteArray());
		return new Download(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
				r.headers().firstValue("Content-Disposition").orElse(""), r.body());
	}

	/** An HTTP answer. */
	public record Reply(int status, String contentType, String body) {
		public JsonNode json() throws IOException {
			return JSON.readTree(body);
		}
	}

	/**
	 * Asserts an RFC 9457 problem with {@code status} that leaks nothing of the implementation.
	 */
	protected static JsonNode assertProblem(Reply reply, int status) throws IOException {
		assertEquals(reply.toString(), status, reply.status());
		assertTrue(reply.toString(), reply.contentType().startsWith("application/problem+json"));
		JsonNode problem = reply.json();
		assertEquals(status, problem.get("status").asInt());
		assertTrue(problem.hasNonNull("type"));
		assertTrue(problem.hasNonNull("title"));
		assertTrue(problem.hasNonNull("detail"));
		for (String leak : List.of("Exception", "java.", "\tat ", "SQL")) {
			assertFalse("problem leaks '" + leak + "': " + reply.body(), reply.body().contains(leak));
		}
		// a qualified class name (a bundle's symbolic name like org.touyan.plugin.x is fine)
		assertFalse("problem names a class: " + reply.body(), CLASS_NAME.matcher(reply.body()).find());
		return problem;
	}
}
