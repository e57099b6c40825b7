package org.touyan.console.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.touyan.api.security.Sha256;

/**
 * What the console answers for a path: the file, its gzip twin, index.html for a route of the
 * front end, or a 404 for a missing asset. Files are read once from the bundle and kept (the whole
 * build is a few megabytes), each with a strong ETag of its content.
 */
final class StaticFiles {

	/** The answer to one request: status, headers and body (null for 304 and HEAD-less 404s). */
	record Answer(int status, Map<String, String> headers, byte[] body) {
	}

	private record File(byte[] bytes, String etag) {
	}

	static final String IMMUTABLE = "public, max-age=31536000, immutable";
	static final String REVALIDATE = "no-cache";
	/**
	 * Same origin only. Element Plus and ECharts set style attributes, hence 'unsafe-inline' for
	 * styles; no script runs that is not a file of this origin.
	 */
	static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
			+ "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	private static final Map<String, String> TYPES = Map.ofEntries(Map.entry("html", "text/html; charset=UTF-8"),
			Map.entry("js", "text/javascript; charset=UTF-8"), Map.entry("mjs", "text/javascript; charset=UTF-8"),
			Map.entry("css", "text/css; charset=UTF-8"), Map.entry("json", "application/json"),
			Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("ico", "image/x-icon"),
			Map.entry("woff2", "font/woff2"), Map.entry("woff", "font/woff"), Map.entry("ttf", "font/ttf"),
			Map.entry("txt", "text/plain; charset=UTF-8"), Map.entry("map", "application/json"));

	private final Function<String, URL> entries;
	private final Map<String, Optional<File>> cache = new ConcurrentHashMap<>();

	/** @param entries the bundle entry of a path under the console folder ({@code /index.html}), or null */
	StaticFiles(Function<String, URL> entries) {
		this.entries = entries;
	}

	Answer answer(String uri, String acceptEncoding, String ifNoneMatch) {
		String path = uri == null || uri.isEmpty() || uri.equals("/") ? "/index.html" : uri;
		if (path.contains("..") || path.contains("\\") || path.contains("%")) {
			return notFound();
		}
		Optional<File> file = load(path);
		boolean fallback = false;
		if (file.isEmpty()) {
			// A route of the front end has no extension; a missing asset (old hash) is a 404, not the page
			if (path.startsWith("/assets/") || lastSegment(path).contains(".")) {
				return notFound();
			}
			path = "/index.html";
			file = load(path);
			fallback = true;
			if (file.isEmpty()) {
				return notFound();
			}
		}
		Map<String, String> headers = securityHeaders();
		headers.put("Content-Type", TYPES.getOrDefault(extension(path), "application/octet-stream"));
		headers.put("Cache-Control", path.startsWith("/assets/") && !fallback ? IMMUTABLE : REVALIDATE);
		headers.put("Vary", "Accept-Encoding");
		boolean gzip = acceptsGzip(acceptEncoding) && load(path + ".gz").isPresent();
		File sent = gzip ? load(path + ".gz").get() : file.get();
		// One ETag per representation, so a cache never mixes the gzip and the plain body
		String etag = "\"" + file.get().etag() + (gzip ? "-gz" : "") + "\"";
		headers.put("ETag", etag);
		if (gzip) {
			headers.put("Content-Encoding", "gzip");
		}
		if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.trim().equals("*"))) {
			return new Answer(304, headers, null);
		}
		return new Answer(200, headers, sent.bytes());
	}

	static final String API_UNAVAILABLE = "{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
			+ "\"detail\":\"接口尚未就绪，请稍后再试\"}";

	static boolean isApi(String uri) {
		return uri != null && (uri.equals("/api") || uri.startsWith("/api/"));
	}

	static Map<String, String> securityHeaders() {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("X-Content-Type-Options", "nosniff");
		headers.put("X-Frame-Options", "DENY");
		headers.put("Content-Security-Policy", CSP);
		headers.put("Referrer-Policy", "no-referrer");
		return headers;
	}

	private Answer notFound() {
		Map<String, String> headers = securityHeaders();
		headers.put("Content-Type", "text/plain; charset=UTF-8");
		headers.put("Cache-Control", REVALIDATE);
		return new Answer(404, headers, "Not found\n".getBytes(StandardCharsets.UTF_8));
	}

	private Optional<File> load(String path) {
		return cache.computeIfAbsent(path, p -> {
			URL url = entries.apply(p);
			if (url == null || p.endsWith("/")) {
				return Optional.empty();
			}
			try (InputStream in = url.openStream()) {
				byte[] bytes = in.readAllBytes();
				return Optional.of(new File(bytes, Sha256.hex(bytes).substring(0, 32)));
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		});
	}

	private static boolean acceptsGzip(String acceptEncoding) {
		if (acceptEncoding == null) {
			return false;
		}
		for (String part : acceptEncoding.split(",")) {
			String[] token = part.trim().split(";");
			if (token[0].trim().equalsIgnoreCase("gzip")) {
				return token.length == 1 || !token[1].trim().replace(" ", "").matches("q=0(\\.0*)?");
			}
		}
		return false;
	}

	private static String lastSegment(String path) {
		return path.substring(path.lastIndexOf('/') + 1);
	}

	private static String extension(String path) {
		String name = lastSegment(path);
		int dot = name.lastIndexOf('.');
		return dot < 0 ? "" : name.substring(dot + 1);
	}

}
