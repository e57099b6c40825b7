package org.touyan.console.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticFilesTest {

	@TempDir
	Path dir;
	StaticFiles files;

	@BeforeEach
	void build() throws IOException {
		Files.createDirectories(dir.resolve("assets"));
		Files.writeString(dir.resolve("index.html"), "<html>首页</html>");
		Files.writeString(dir.resolve("ballot.html"), "<html>群众评议</html>");
		Files.writeString(dir.resolve("assets/index-abc123.js"), "console.log(1)");
		Files.write(dir.resolve("assets/index-abc123.js.gz"), new byte[] { 31, -117, 8 });
		files = new StaticFiles(p -> {
			Path f = dir.resolve(p.substring(1));
			try {
				return Files.isRegularFile(f) ? f.toUri().toURL() : null;
			} catch (MalformedURLException e) {
				throw new IllegalStateException(e);
			}
		});
	}

	@Test
	void hashedAssetsAreImmutableAndIndexIsRevalidated() {
		assertEquals(StaticFiles.IMMUTABLE, files.answer("/assets/index-abc123.js", null, null).headers().get("Cache-Control"));
		StaticFiles.Answer index = files.answer("/", null, null);
		assertEquals(200, index.status());
		assertEquals("no-cache", index.headers().get("Cache-Control"));
		assertEquals("text/html; charset=UTF-8", index.headers().get("Content-Type"));
		assertEquals("<html>首页</html>", new String(index.body(), StandardCharsets.UTF_8));
	}

	@Test
	void gzipTwinGoesOnlyToBrowsersThatAcceptIt() {
		StaticFiles.Answer gz = files.answer("/assets/index-abc123.js", "gzip, deflate, br", null);
		assertEquals("gzip", gz.headers().get("Content-Encoding"));
		assertArrayEquals(new byte[] { 31, -117, 8 }, gz.body());
		StaticFiles.Answer plain = files.answer("/assets/index-abc123.js", "gzip;q=0, br", null);
		assertNull(plain.headers().get("Content-Encoding"));
		assertEquals("console.log(1)", new String(plain.body(), StandardCharsets.UTF_8));
		assertTrue(!gz.headers().get("ETag").equals(plain.headers().get("ETag")));
	}

	@Test
	void routesOfTheFrontEndAnswerIndexButMissingAssetsAre404() {
		StaticFiles.Answer route = files.answer("/people/42", "gzip", null);
		assertEquals(200, route.status());
		assertEquals("no-cache", route.headers().get("Cache-Control"));
		assertEquals("<html>首页</html>", new String(route.body(), StandardCharsets.UTF_8));
		assertEquals(404, files.answer("/assets/index-old999.js", null, null).status());
		assertEquals(404, files.answer("/favicon.ico", null, null).status());
		assertEquals(404, files.answer("/../etc/passwd", null, null).status());
	}

	@Test
	void aBallotAddressAnswersTheBallotPageNotTheConsole() {
		StaticFiles.Answer ballot = files.answer("/ballot/Xk3f9a-_Qz81bcdEFGHijkl", "gzip", null);
		assertEquals(200, ballot.status());
		assertEquals("no-cache", ballot.headers().get("Cache-Control"));
		assertEquals("<html>群众评议</html>", new String(ballot.body(), StandardCharsets.UTF_8));
		assertEquals("no-referrer", ballot.headers().get("Referrer-Policy"), "the token in the address goes nowhere else");
		// only one segment after /ballot/ is a token; anything else is a console route as before
		assertEquals("<html>首页</html>", new String(files.answer("/ballot/", null, null).body(), StandardCharsets.UTF_8));
		assertEquals("<html>首页</html>", new String(files.answer("/ballot/a/b", null, null).body(), StandardCharsets.UTF_8));
		assertEquals("<html>首页</html>", new String(files.answer("/ballots", null, null).body(), StandardCharsets.UTF_8));
		assertEquals("<html>首页</html>", new String(files.answer("/evaluate/ballots", null, null).body(), StandardCharsets.UTF_8));
	}

	@Test
	void apiPathsAreNeverTheConsole() {
		assertTrue(StaticFiles.isApi("/api"));
		assertTrue(StaticFiles.isApi("/api/session"));
		assertTrue(!StaticFiles.isApi("/apiary"));
		assertTrue(!StaticFiles.isApi("/people/api"));
	}

	@Test
	void matchingEtagAnswers304AndEveryAnswerCarriesTheSecurityHeaders() {
		String etag = files.answer("/", null, null).headers().get("ETag");
		StaticFiles.Answer again = files.answer("/", null, etag);
		assertEquals(304, again.status());
		assertNull(again.body());
		for (String path : new String[] { "/", "/assets/nope.js" }) {
			StaticFiles.Answer a = files.answer(path, null, null);
			assertEquals("nosniff", a.headers().get("X-Content-Type-Options"));
			assertEquals("DENY", a.headers().get("X-Frame-Options"));
			assertTrue(a.headers().get("Content-Security-Policy").contains("connect-src 'self'"));
			assertTrue(a.headers().get("Content-Security-Policy").contains("frame-ancestors 'none'"));
		}
	}
}
