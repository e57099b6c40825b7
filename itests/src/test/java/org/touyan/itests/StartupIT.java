package org.touyan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.Test;

/**
 * Starts the executable jar as an operator does and polls the API from the moment its port opens:
 * once the platform answers at all, an {@code /api} path is never a 404 or an HTML page; health
 * answers 503 (with the reasons) until the core application is final, then 200, and stays 200.
 * Runs beside the Pax Exam tests, in a process of its own.
 */
public class StartupIT {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
	private static final List<String> PATHS = List.of("/api/health", "/api/openapi.json", "/api/districts");

	@Test
	public void fromTheFirstAnswerOnTheApiIsNeverA404AndHealthGoesFrom503To200Once() throws Exception {
		File jar = new File(System.getProperty("touyan.jar"));
		assertTrue("build the distribution first: " + jar, jar.isFile());
		File home = Files.createTempDirectory("touyan-startup").toFile();
		int port;
		try (ServerSocket s = new ServerSocket(0)) {
			port = s.getLocalPort();
		}
		Process platform = new ProcessBuilder("java", "-Dorg.osgi.service.http.port=" + port, "-Dorg.apache.felix.http.host=127.0.0.1",
				"-Dtouyan.demo=false", "-Dtouyan.admin.password=startup-组织部-Admin-2026", "-jar", jar.getAbsolutePath())
				.directory(home).redirectErrorStream(true).redirectOutput(new File(home, "out.log")).start();
		List<String> seen = new ArrayList<>();
		try {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
			long firstReady = 0;
			boolean platformAnswered = false;
			int health503 = 0;
			while (System.nanoTime() < deadline && (firstReady == 0 || System.nanoTime() - firstReady < TimeUnit.SECONDS.toNanos(30))) {
				assertTrue("the platform exited; see " + home + "/out.log", platform.isAlive());
				for (String path : PATHS) {
					HttpResponse<String> answer;
					try {
						answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
								.timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
					} catch (IOException notListeningYet) {
						assertTrue("the port closed after the platform answered: " + notListeningYet, !platformAnswered);
						continue;
					}
					String type = answer.headers().firstValue("Content-Type").orElse("");
					boolean own = type.startsWith("application/json") || type.startsWith("application/problem+json");
					// the HTTP service's own page, before any part of the platform is registered with it
					if (!platformAnswered && !own) {
						continue;
					}
					platformAnswered = true;
					String what = path + " " + answer.statusCode() + " " + type;
					if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(what)) {
						seen.add(what);
					}
					assertTrue("not the platform's answer: " + what + " " + answer.body() + " after " + seen, own);
					assertTrue("a 404 for an API path: " + what + " after " + seen, answer.statusCode() != 404);
					assertTrue("a 5xx other than 503: " + what + " " + answer.body(), answer.statusCode() < 500 || answer.statusCode() == 503);
					if (path.equals("/api/health")) {
						if (firstReady != 0) {
							assertEquals("health after its first 200: " + answer.body() + " after " + seen, 200, answer.statusCode());
						} else if (answer.statusCode() == 200) {
							firstReady = System.nanoTime();
						} else {
							assertEquals(answer.body(), 503, answer.statusCode());
							assertTrue(answer.body(), answer.body().contains("\"status\""));
							health503++;
						}
					}
				}
				Thread.sleep(10);
			}
			assertTrue("never ready; seen " + seen, firstReady != 0);
			assertTrue("health was never seen not ready, so the test proved nothing about the start: " + seen, health503 > 0);
		} finally {
			platform.destroy();
			if (!platform.waitFor(30, TimeUnit.SECONDS)) {
				platform.destroyForcibly();
			}
		}
	}
}
