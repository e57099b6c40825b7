package org.touyan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URI;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/** The error conventions every resource shares, on the live server. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ProblemsIT extends PlatformTest {

	@Test
	public void anUnknownPathIsA404Problem() throws Exception {
		assertProblem(get("/api/no-such-thing"), 404);
		assertProblem(get("/api/districts/no-such-id"), 404);
	}

	@Test
	public void malformedJsonIsA400Problem() throws Exception {
		assertProblem(send("POST", "/api/districts", "application/json", "{\"code\": \"X1\", "), 400);
		assertProblem(send("POST", "/api/districts", "application/json", ""), 400);
	}

	@Test
	public void unknownFieldsAndWrongTypesAre400ProblemsNamingTheField() throws Exception {
		assertEquals("colour", assertProblem(send("POST", "/api/districts", "application/json",
				"{\"code\":\"X2\",\"name\":\"区\",\"colour\":\"red\"}"), 400).get("field").asText());
		assertEquals("code", assertProblem(send("POST", "/api/districts", "application/json",
				"{\"code\":12,\"name\":\"区\"}"), 400).get("field").asText());
		assertEquals("limit", assertProblem(get("/api/districts?limit=many"), 400).get("field").asText());
	}

	@Test
	public void aFieldProblemIsAnsweredInChineseOrInTheEnglishAClientAsksFor() throws Exception {
		String blankName = "{\"code\":\"X5\",\"name\":\" \"}";
		JsonNode zh = assertProblem(send("POST", "/api/districts", "application/json", blankName), 400);
		assertEquals("name", zh.get("field").asText());
		assertEquals("此项必填", zh.get("detail").asText());
		JsonNode en = assertProblem(send(HttpRequest.newBuilder(URI.create(base() + "/api/districts"))
				.header("Content-Type", "application/json").header("Accept-Language", "en-GB, zh;q=0.5")
				.POST(HttpRequest.BodyPublishers.ofString(blankName, StandardCharsets.UTF_8))), 400);
		assertEquals("name is required", en.get("detail").asText());
	}

	@Test
	public void aWrongMediaTypeIsA415Problem() throws Exception {
		assertProblem(send("POST", "/api/districts", "text/plain", "code=X3"), 415);
	}

	@Test
	public void aBodyOverTheLimitIsA413ProblemWhetherDeclaredOrStreamed() throws Exception {
		String big = "{\"code\":\"X4\",\"name\":\"" + "区".repeat(400_000) + "\"}";
		assertProblem(send("POST", "/api/districts", "application/json", big), 413);
		// no Content-Length: the body arrives chunked and is cut off while it is read
		HttpRequest.BodyPublisher chunked = HttpRequest.BodyPublishers.fromPublisher(
				HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))));
		assertProblem(send(HttpRequest.newBuilder(URI.create(base() + "/api/districts"))
				.header("Content-Type", "application/json").POST(chunked)), 413);
		assertEquals(0, get("/api/districts?limit=500").json().findValuesAsText("code").stream()
				.filter(c -> c.equals("X4")).count());
	}

	@Test
	public void aConflictIsA409ProblemAndNothingChanges() throws Exception {
		String body = "{\"code\":\"DUP\",\"name\":\"重复区\"}";
		assertEquals(201, send("POST", "/api/districts", "application/json", body).status());
		assertEquals("code", assertProblem(send("POST", "/api/districts", "application/json", body), 409)
				.get("field").asText());
		assertEquals(1, Stream.of(get("/api/districts?limit=500").json().findValuesAsText("code").toArray())
				.filter("DUP"::equals).count());
	}

	@Test
	public void aRequestUriThatIsNotAValidUriIsA400WithoutAStackTrace() throws Exception {
		// HTTP clients refuse to send such a URI, so write the request by hand. Jetty 12 rejects a raw
		// brace itself, before any platform code runs, with its own page (see docs/ARCHITECTURE.md)
		int port = Integer.parseInt(context.getProperty("org.osgi.service.http.port"));
		try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
			socket.getOutputStream().write("GET /api/districts/{id} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
					.getBytes(StandardCharsets.US_ASCII));
			String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertTrue(answer, answer.startsWith("HTTP/1.1 400"));
			assertFalse(answer, answer.contains("at org.") || answer.contains("Exception"));
		}
	}

	@Test
	public void answersCarryHeadersThatKeepBrowsersFromMisusingThem() throws Exception {
		java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
				HttpRequest.newBuilder(URI.create(base() + "/api/districts")).build(),
				java.net.http.HttpResponse.BodyHandlers.ofString());
		assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null));
		assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(null));
		assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(null));
		assertEquals(java.util.Optional.empty(), r.headers().firstValue("Access-Control-Allow-Origin"));
	}

	@Test
	public void aMethodTheResourceDoesNotHaveIsA405Problem() throws Exception {
		assertProblem(send("DELETE", "/api/health", "application/json", ""), 405);
	}
}
