package org.touyan.itests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Keeps what the in-framework tests received, so that {@code OpenApiConformance} can check every
 * answer against the OpenAPI document the platform published: the document of each booted
 * platform ({@code openapi.json}) and the answers ({@code answers.jsonl}, one JSON object a line),
 * in a folder of this test run under {@code touyan.answers}. Of answers that differ only in ids,
 * the first {@value #PER_SHAPE} of each status are kept, so loops do not fill the disk.
 */
final class Answers {

	private static final int PER_SHAPE = 25;
	private static final int LARGEST_BODY = 4 << 20;
	private static final ObjectMapper JSON = new ObjectMapper();
	private static final Map<String, AtomicInteger> SHAPES = new ConcurrentHashMap<>();
	private static final Set<String> DOCUMENTED = ConcurrentHashMap.newKeySet();
	private static final Path FOLDER = folder();

	private Answers() {
	}

	private static Path folder() {
		String root = System.getProperty("touyan.answers");
		return root == null ? null : Path.of(root, String.valueOf(ProcessHandle.current().pid()));
	}

	/** Keeps the OpenAPI document of the platform at {@code base}, once per booted platform. */
	static void document(String base, HttpClient http) throws IOException, InterruptedException {
		if (FOLDER == null || !DOCUMENTED.add(base)) {
			return;
		}
		HttpResponse<String> doc = http.send(HttpRequest.newBuilder(URI.create(base + "/api/openapi.json")).GET().build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		if (doc.statusCode() != 200) {
			throw new AssertionError("GET /api/openapi.json answered " + doc.statusCode());
		}
		Files.createDirectories(FOLDER);
		Files.writeString(FOLDER.resolve("openapi.json"), doc.body(), StandardCharsets.UTF_8);
	}

	/** Keeps one answer, unless enough of its shape are kept already. */
	static void record(String test, HttpRequest request, PlatformTest.Reply reply) throws IOException {
		if (FOLDER == null || reply.body().length() > LARGEST_BODY) {
			return;
		}
		String shape = request.method() + " " + request.uri().getPath().replaceAll("/[^/]*[0-9][^/]*", "/*") + " " + reply.status();
		if (SHAPES.computeIfAbsent(shape, s -> new AtomicInteger()).incrementAndGet() > PER_SHAPE) {
			return;
		}
		String line = JSON.createObjectNode().put("test", test).put("method", request.method())
				.put("uri", request.uri().getRawPath() + (request.uri().getRawQuery() == null ? "" : "?" + request.uri().getRawQuery()))
				.put("status", reply.status()).put("contentType", reply.contentType()).put("body", reply.body()).toString() + "\n";
		synchronized (Answers.class) {
			Files.createDirectories(FOLDER);
			Files.writeString(FOLDER.resolve("answers.jsonl"), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		}
	}
}
