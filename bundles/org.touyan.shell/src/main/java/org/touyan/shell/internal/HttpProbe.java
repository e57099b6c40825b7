package org.touyan.shell.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.BundleContext;

/** Asks the platform's own {@code GET /api/health} (anonymous) on the host and port it serves. */
final class HttpProbe implements HealthCommand.Probe {

	private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z]+)\"");

	private final BundleContext context;

	HttpProbe(BundleContext context) {
		this.context = context;
	}

	@Override
	public String probe() {
		String host = property("org.apache.felix.http.host", "127.0.0.1");
		if (host.equals("0.0.0.0")) {
			host = "127.0.0.1";
		}
		String port = property("org.osgi.service.http.port", "8080");
		URI uri = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/api/health");
		try {
			HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
			HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			Matcher m = STATUS.matcher(r.body());
			return r.statusCode() + (m.find() ? " " + m.group(1) : "") + " (" + uri + ")";
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return "未答复 no answer (" + uri + "): interrupted";
		} catch (Exception e) {
			return "未答复 no answer (" + uri + "): " + e;
		}
	}

	private String property(String name, String absent) {
		String value = context.getProperty(name);
		return value == null || value.isBlank() ? absent : value.strip();
	}
}
