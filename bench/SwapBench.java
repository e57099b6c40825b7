import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Live-swap benchmark: 8 clients rate a community through the street's bound star formula while
 * the formula plugin is swapped 5 times (versions 1.0.1 … 1.0.5; odd swaps uploaded through the
 * REST API, even ones dropped into deploy/; with several nodes' ports, the clients spread over the
 * nodes and every swap is uploaded through the next node in turn, and each other node must serve
 * the new version within 1 s of the upload's answer). Counts failed answers and answers from a version older
 * than one already installed when the request started, and how long each new version took to serve.
 *
 *   TOKEN=<plugin administrator's token> java bench/SwapBench.java <port>[,<port>…] <district formula jar> <deploy folder> [requests]
 */
public class SwapBench {

	record Answer(long startNanos, long endNanos, int status, String version, int node) {
	}

	/** The plugin administrator's token, from bench/session.py through the environment. */
	static final String AUTH = "Bearer " + System.getenv().getOrDefault("TOKEN", "");

	public static void main(String[] args) throws Exception {
		// one port, or several nodes' ports separated by commas: the clients then spread over the
		// nodes and each swap is uploaded through the next node in turn
		List<String> bases = Arrays.stream(args[0].split(",")).map(p -> "http://127.0.0.1:" + p.strip()).toList();
		String base = bases.get(0);
		int nodes = bases.size();
		Path jar = Path.of(args[1]);
		Path deploy = Path.of(args[2]);
		int minimum = args.length > 3 ? Integer.parseInt(args[3]) : 6000;
		HttpClient http = HttpClient.newHttpClient();

		String street = streetBoundTo(http, base, "district-default");
		String body = "{\"communityId\":\"c1\",\"streetId\":\"" + street + "\",\"period\":\"2026-H1\",\"scores\":{\"MZJ\":91,\"ZFW\":78,\"JW\":85}}";

		ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
		AtomicInteger count = new AtomicInteger();
		AtomicBoolean swapsDone = new AtomicBoolean();
		List<Thread> clients = new ArrayList<>();
		long t0 = System.nanoTime();
		for (int i = 0; i < 8; i++) {
			int node = i % nodes;
			String at = bases.get(node);
			Thread t = new Thread(() -> {
				while (!(swapsDone.get() && count.get() >= minimum) && System.nanoTime() - t0 < 300_000_000_000L) {
					long start = System.nanoTime();
					try {
						HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(at + "/api/star-ratings/preview")).header("Authorization", AUTH)
								.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
								HttpResponse.BodyHandlers.ofString());
						answers.add(new Answer(start, System.nanoTime(), r.statusCode(), version(r.body()), node));
					} catch (IOException | InterruptedException e) {
						answers.add(new Answer(start, System.nanoTime(), -1, null, node));
					}
					count.incrementAndGet();
				}
			});
			t.start();
			clients.add(t);
		}

		// {version index, nanos when installed (upload returned / file moved in), 0 upload 1 deploy/, node uploaded through}
		List<long[]> swaps = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			Thread.sleep(1500);
			byte[] next = withVersion(jar, "1.0." + i);
			int through = (i - 1) % nodes;
			if (i % 2 == 1 || nodes > 1) {
				HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(bases.get(through) + "/api/plugins")).header("Authorization", AUTH)
						.header("Content-Type", "application/java-archive").POST(HttpRequest.BodyPublishers.ofByteArray(next)).build(),
						HttpResponse.BodyHandlers.ofString());
				if (r.statusCode() != 201) {
					throw new IllegalStateException("upload of 1.0." + i + " answered " + r.statusCode() + " " + r.body());
				}
				swaps.add(new long[] { i, System.nanoTime(), 0, through });
			} else {
				Path staged = Files.createTempFile(deploy.getParent(), "formula", ".tmp");
				Files.write(staged, next);
				Files.setLastModifiedTime(staged, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));
				long moved = System.nanoTime();
				Files.move(staged, deploy.resolve("district-formula-1.0." + i + ".jar"), StandardCopyOption.ATOMIC_MOVE);
				swaps.add(new long[] { i, moved, 1, 0 });
			}
		}
		Thread.sleep(1500);
		swapsDone.set(true);
		for (Thread t : clients) {
			t.join();
		}
		long elapsed = System.nanoTime() - t0;

		List<Answer> all = new ArrayList<>(answers);
		long failed = all.stream().filter(a -> a.status != 200).count();
		long mixed = 0;
		for (Answer a : all) {
			if (a.status != 200) {
				continue;
			}
			int v = patch(a.version);
			for (long[] s : swaps) {
				// a request that started after version s was installed must not be answered by an older one
				if (a.startNanos > s[1] && v < s[0] && s[2] == 0) {
					mixed++;
					break;
				}
			}
		}
		System.out.printf("requests: %d in %.1f s (%.0f/s), 8 clients on %d node(s)%n", all.size(), elapsed / 1e9, all.size() / (elapsed / 1e9),
				nodes);
		System.out.printf("failed answers: %d%n", failed);
		System.out.printf("answers from a version older than one installed when the request started: %d%n", mixed);
		long late = 0;
		for (long[] s : swaps) {
			long first = all.stream().filter(a -> a.status == 200 && patch(a.version) >= s[0]).mapToLong(Answer::endNanos)
					.min().orElse(Long.MAX_VALUE);
			System.out.printf("swap to 1.0.%d via %-6s: new version serving %.0f ms after %s%n", s[0], s[2] == 0 ? "upload" : "deploy/",
					Math.max(0, first - s[1]) / 1e6, s[2] == 0 ? "the upload returned" : "the jar landed in deploy/");
			for (int n = 0; n < nodes; n++) {
				if (n == s[3]) {
					continue;
				}
				int other = n;
				// the first answer of the new version from another node than the one it was uploaded through,
				// counted from the upload's answer (negative: it served before the upload answered)
				long there = all.stream().filter(a -> a.node == other && a.status == 200 && patch(a.version) >= s[0])
						.mapToLong(Answer::endNanos).min().orElse(Long.MAX_VALUE);
				double ms = there == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : (there - s[1]) / 1e6;
				System.out.printf("  node %d (uploaded through node %d) served it %.0f ms after the upload answered%n", other, s[3], ms);
				if (ms > 1000) {
					late++;
				}
			}
		}
		List<Long> latencies = new ArrayList<>();
		all.forEach(a -> latencies.add(a.endNanos - a.startNanos));
		Collections.sort(latencies);
		System.out.printf("latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", latencies.get(latencies.size() / 2) / 1e6,
				latencies.get((int) (latencies.size() * 0.99)) / 1e6, latencies.get(latencies.size() - 1) / 1e6);
		if (failed > 0 || mixed > 0 || late > 0 || all.size() < minimum) {
			System.exit(1);
		}
	}

	private static String streetBoundTo(HttpClient http, String base, String policy) throws Exception {
		String bindings = http.send(HttpRequest.newBuilder(URI.create(base + "/api/plugins/bindings?limit=500")).header("Authorization", AUTH).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher district = Pattern.compile("\"scope\":\"district:([^\"]+)\",\"policyId\":\"" + policy + "\"").matcher(bindings);
		if (!district.find()) {
			throw new IllegalStateException("no district binding for " + policy + ": " + bindings);
		}
		String streets = http.send(HttpRequest.newBuilder(URI.create(base + "/api/streets?limit=500&district=" + district.group(1))).header("Authorization", AUTH).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher ids = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(streets);
		while (ids.find()) {
			if (!bindings.contains("street:" + ids.group(1))) {
				return ids.group(1);
			}
		}
		throw new IllegalStateException("every street has its own binding");
	}

	private static String version(String body) {
		Matcher m = Pattern.compile("\"version\":\"([^\"]+)\"").matcher(body);
		return m.find() ? m.group(1) : null;
	}

	private static int patch(String version) {
		return version == null ? -1 : Integer.parseInt(version.substring(version.lastIndexOf('.') + 1));
	}

	private static byte[] withVersion(Path jar, String version) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (JarInputStream in = new JarInputStream(Files.newInputStream(jar))) {
			Manifest manifest = new Manifest(in.getManifest());
			manifest.getMainAttributes().putValue("Bundle-Version", version);
			try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
				for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
					out.putNextEntry(new JarEntry(e.getName()));
					in.transferTo(out);
				}
			}
		}
		return bytes.toByteArray();
	}
}
