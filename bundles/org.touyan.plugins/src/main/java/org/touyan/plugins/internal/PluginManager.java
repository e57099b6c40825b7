package org.touyan.plugins.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.touyan.api.policy.Policies;
import org.touyan.api.policy.PolicyFailureException;
import org.touyan.api.policy.Provenance;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.store.Store;
import org.touyan.plugins.internal.Views.PluginEvent;
import org.touyan.plugins.internal.Views.PluginView;
import org.touyan.plugins.internal.Views.PolicyView;

/**
 * Installs, updates, removes and rolls back plugin bundles, keeps the bindings, and runs policy
 * calls. An update never leaves a gap: the new version is installed beside the old one, started
 * and checked to provide every policy that is bound; only then do the bindings move to it, in one
 * transaction, and the old version is drained and removed. A version that fails any step is
 * removed again and the old one keeps serving (keep last good).
 */
@Component(service = { Policies.class, PluginManager.class }, configurationPid = PluginManager.PID)
@Designate(ocd = PluginManager.Config.class)
public class PluginManager implements Policies {

	static final String PID = "touyan.plugins";

	@ObjectClassDefinition(name = "Touyan plugins", description = "Policy plugins: time limits of calls and updates")
	public @interface Config {
		@AttributeDefinition(description = "Longest a policy call may run before it fails that call")
		long callTimeoutMs() default 2000;

		@AttributeDefinition(description = "Longest a new plugin version may take to register its policies")
		long verifyTimeoutMs() default 10000;

		@AttributeDefinition(description = "Longest an update waits for calls on the old version to finish")
		long drainTimeoutMs() default 5000;

		@AttributeDefinition(description = "Policy calls running at once; more are refused with 503")
		int maxConcurrentCalls() default 64;
	}

	private static final Logger LOG = LoggerFactory.getLogger(PluginManager.class);
	private static final Pattern PARAMETER_KEY = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	private final BundleContext context;
	private final Config config;
	private final Store store;
	private final PolicyIndex index;
	private final BindingStore bindings;
	private final Path jars;
	private final ThreadPoolExecutor calls;

	@Activate
	public PluginManager(BundleContext context, Config config, @Reference(target = "(touyan.schema=plugins)") Store store)
			throws InvalidSyntaxException, IOException {
		this.context = context;
		this.config = config;
		this.store = store;
		String data = context.getProperty("touyan.data");
		this.jars = Path.of(data == null || data.isBlank() ? "data" : data, "plugins").toAbsolutePath();
		Files.createDirectories(jars);
		AtomicInteger threads = new AtomicInteger();
		this.calls = new ThreadPoolExecutor(0, config.maxConcurrentCalls(), 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
				r -> {
					Thread t = new Thread(r, "touyan-policy-" + threads.incrementAndGet());
					t.setDaemon(true);
					return t;
				});
		this.index = new PolicyIndex(context);
		this.bindings = new BindingStore(store);
		bindings.load();
		index.open();
		reinstallMissing();
	}

	@Deactivate
	void deactivate() {
		index.close();
		calls.shutdownNow();
	}

	// ---- policy calls -------------------------------------------------------------------------

	@Override
	public <S, R> Result<R> apply(Class<S> spi, Scope scope, Call<S, R> call) {
		for (int attempt = 0; attempt < 50; attempt++) {
			Binding binding = bindings.resolve(spi.getName(), scope).orElseThrow(() -> ProblemException.conflict(
					"No " + Views.simpleName(spi.getName()) + " is bound for " + BindingStore.scopeOf(scope)
							+ ", its district or the platform"));
			PolicyIndex.Entry entry = index.find(spi.getName(), binding.policyId(), binding.bsn(), binding.version());
			if (entry == null || !entry.enter()) {
				// the binding is moving or its bundle is restarting: look again shortly
				pause();
				continue;
			}
			Provenance provenance = entry.provenance(binding.revision());
			try {
				return new Result<>(invoke(spi.cast(entry.service), binding.parameters(), call, provenance), provenance);
			} finally {
				entry.exit();
			}
		}
		throw new ProblemException(503, "Policy unavailable", "The " + Views.simpleName(spi.getName())
				+ " bound for " + BindingStore.scopeOf(scope) + " is not running; see GET /api/plugins");
	}

	private <S, R> R invoke(S policy, Map<String, String> parameters, Call<S, R> call, Provenance provenance) {
		Future<R> future;
		try {
			future = calls.submit(() -> call.call(policy, parameters));
		} catch (RejectedExecutionException e) {
			throw new ProblemException(503, "Busy", "Too many policy calls are running; try again");
		}
		try {
			return future.get(config.callTimeoutMs(), TimeUnit.MILLISECONDS);
		} catch (TimeoutException e) {
			future.cancel(true);
			throw new PolicyFailureException(provenance, "did not answer within " + config.callTimeoutMs() + " ms");
		} catch (ExecutionException e) {
			if (e.getCause() instanceof PolicyFailureException p) {
				throw p;
			}
			throw new PolicyFailureException(provenance, "failed with an error", e.getCause());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			future.cancel(true);
			throw new ProblemException(503, "Interrupted", "The platform is stopping");
		}
	}

	private static void pause() {
		try {
			Thread.sleep(10);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	// ---- administration -----------------------------------------------------------------------

	/** Installs a new plugin, or updates the installed one of the same symbolic name, without a gap. */
	public synchronized PluginView install(byte[] jar, String source) {
		JarMeta meta = JarMeta.of(jar);
		Optional<String> active = activeVersion(meta.bsn());
		if (active.isPresent() && active.get().equals(meta.version())) {
			if (sha(meta.bsn(), meta.version()).equals(meta.sha256())) {
				return view(meta.bsn()).orElseThrow();
			}
			throw ProblemException.conflict(meta.bsn() + " " + meta.version()
					+ " is installed with different content: give the new build a new version");
		}
		Path file = jars.resolve(meta.bsn() + "-" + meta.version() + ".jar");
		try {
			Files.write(file, jar);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		Bundle fresh = startBeside(meta, jar);
		Bundle old = active.map(v -> bundleAt(JarMeta.location(meta.bsn(), v))).orElse(null);
		verify(fresh, meta, old == null ? List.of() : bindings.onBundle(meta.bsn()), "install");
		List<Binding> moved = bindings.onBundle(meta.bsn()).stream()
				.map(b -> b.withVersion(meta.version(), b.parameters())).toList();
		String action = active.isPresent() ? "update" : "install";
		try {
			bindings.put(moved, action + " " + meta.bsn() + " " + meta.version(), c -> {
				if (active.isPresent()) {
					setState(c, meta.bsn(), active.get(), "REPLACED");
				}
				upsertVersion(c, meta, source, file);
				event(c, meta.bsn(), meta.version(), action, "DONE", active.map(v -> "replaced " + v + "; ").orElse("")
						+ moved.size() + " binding(s) moved; from " + source);
				return null;
			});
		} catch (RuntimeException e) {
			uninstallQuietly(fresh);
			throw e;
		}
		if (old != null) {
			retire(old);
		}
		return view(meta.bsn()).orElseThrow();
	}

	/** Removes a plugin that nothing is bound to. */
	public synchronized void remove(String bsn) {
		String version = activeVersion(bsn).orElseThrow(() -> ProblemException.notFound("plugin", bsn));
		List<Binding> bound = bindings.onBundle(bsn);
		if (!bound.isEmpty()) {
			throw ProblemException.conflict(bsn + " is bound for " + bound.stream().map(Binding::scope).distinct().toList()
					+ ": bind another policy there first");
		}
		Bundle bundle = bundleAt(JarMeta.location(bsn, version));
		store.write(c -> {
			setState(c, bsn, version, "REMOVED");
			event(c, bsn, version, "remove", "DONE", "removed");
			return null;
		});
		if (bundle != null) {
			retire(bundle);
		}
	}

	/** Goes back to the version before the current one, with the parameters its bindings had then. */
	public synchronized PluginView rollback(String bsn) {
		String current = activeVersion(bsn).orElseThrow(() -> ProblemException.notFound("plugin", bsn));
		Previous previous = previousVersion(bsn, current).orElseThrow(() -> ProblemException.conflict(
				"There is no earlier version of " + bsn + " to roll back to"));
		byte[] jar;
		try {
			jar = Files.readAllBytes(Path.of(previous.jarPath()));
		} catch (IOException e) {
			throw ProblemException.conflict("The jar of " + bsn + " " + previous.version() + " is no longer kept");
		}
		JarMeta meta = JarMeta.of(jar);
		Bundle fresh = startBeside(meta, jar);
		Bundle old = bundleAt(JarMeta.location(bsn, current));
		List<Binding> bound = bindings.onBundle(bsn);
		verify(fresh, meta, bound, "rollback");
		List<Binding> moved = bound.stream().map(b -> b.withVersion(meta.version(),
				bindings.lastWith(b.spi(), b.scope(), bsn, meta.version()).map(Binding::parameters).orElse(b.parameters())))
				.toList();
		try {
			bindings.put(moved, "rollback " + bsn + " to " + meta.version(), c -> {
				setState(c, bsn, current, "ROLLED_BACK");
				setState(c, bsn, meta.version(), "ACTIVE");
				event(c, bsn, meta.version(), "rollback", "DONE", "rolled back from " + current + "; "
						+ moved.size() + " binding(s) restored");
				return null;
			});
		} catch (RuntimeException e) {
			uninstallQuietly(fresh);
			throw e;
		}
		if (old != null) {
			retire(old);
		}
		return view(bsn).orElseThrow();
	}

	/** Binds {@code policyId} for {@code spi} in {@code scope}, with parameters, as a new revision. */
	public synchronized Binding bind(String spi, Scope scope, String policyId, Map<String, String> parameters) {
		String spiName = spiName(spi);
		Map<String, String> params = parameters(parameters);
		PolicyIndex.Entry provider = index.providing(spiName, policyId == null ? "" : policyId).stream()
				.filter(e -> activeVersion(e.bsn).map(e.version::equals).orElse(false))
				.findFirst().orElseThrow(() -> new ProblemException(409, "Conflict",
						"No installed plugin provides policy '" + policyId + "' for " + spi, "policyId"));
		Binding binding = new Binding(spiName, BindingStore.scopeOf(scope), policyId, provider.bsn, provider.version, params, 0);
		return bindings.put(List.of(binding), "bind", c -> {
			event(c, provider.bsn, provider.version, "bind", "DONE",
					policyId + " bound for " + Views.simpleName(spiName) + " in " + binding.scope());
			return null;
		}).get(0);
	}

	/** Every plugin the manager installed and that is still active. */
	public List<PluginView> plugins() {
		List<String> names = store.read(c -> {
			List<String> bsns = new ArrayList<>();
			try (PreparedStatement ps = c.prepareStatement(
					"SELECT bsn FROM plugin_version WHERE state = 'ACTIVE' ORDER BY bsn")) {
				try (ResultSet rs = ps.executeQuery()) {
					while (rs.next()) {
						bsns.add(rs.getString(1));
					}
				}
			}
			return bsns;
		});
		return names.stream().map(this::view).flatMap(Optional::stream).toList();
	}

	public Optional<PluginView> view(String bsn) {
		return activeVersion(bsn).map(version -> {
			Bundle bundle = bundleAt(JarMeta.location(bsn, version));
			List<PolicyView> policies = bundle == null ? List.of() : index.ofBundle(bundle.getBundleId()).stream()
					.flatMap(e -> e.spis.stream().map(s -> new PolicyView(Views.simpleName(s), e.policyId, e.name, e.nameEn)))
					.sorted(Comparator.comparing(PolicyView::spi).thenComparing(PolicyView::id)).toList();
			return new PluginView(bsn, version, bundle == null ? "MISSING" : state(bundle), source(bsn, version),
					null, policies, bindings.onBundle(bsn).stream().map(Views.BindingView::of).toList());
		});
	}

	public List<Binding> bindings() {
		return bindings.all();
	}

	/** The binding revision a result's provenance names. */
	public Optional<Binding> revision(long revision) {
		return bindings.revision(revision);
	}

	public Page<PluginEvent> events(Paging paging) {
		return store.read(c -> {
			List<PluginEvent> items = new ArrayList<>();
			try (PreparedStatement ps = c.prepareStatement("SELECT id, happened_at, bsn, version, action, outcome, detail "
					+ "FROM plugin_event ORDER BY id DESC LIMIT ? OFFSET ?")) {
				ps.setInt(1, paging.limit());
				ps.setInt(2, paging.offset());
				try (ResultSet rs = ps.executeQuery()) {
					while (rs.next()) {
						items.add(new PluginEvent(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
								rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)));
					}
				}
			}
			long total;
			try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM plugin_event");
					ResultSet rs = ps.executeQuery()) {
				rs.next();
				total = rs.getLong(1);
			}
			return new Page<>(items, total, paging.offset(), paging.limit());
		});
	}

	/**
	 * Installs a jar found in the deploy folder, unless exactly this file was installed from there
	 * before: after a restart, or after the plugin was updated through the API since, the folder's
	 * older jar must not be installed again as if it were new.
	 */
	public synchronized Optional<PluginView> installFromFolder(byte[] jar, String source) {
		String sha = JarMeta.of(jar).sha256();
		boolean seen = store.read(c -> {
			try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM plugin_version WHERE source = ? AND sha256 = ?")) {
				ps.setString(1, source);
				ps.setString(2, sha);
				try (ResultSet rs = ps.executeQuery()) {
					return rs.next();
				}
			}
		});
		return seen ? Optional.empty() : Optional.of(install(jar, source));
	}

	/** The plugin a deploy-folder file installed, if it is still the active version. */
	Optional<String> bsnFromSource(String source) {
		return store.read(c -> {
			try (PreparedStatement ps = c.prepareStatement(
					"SELECT bsn FROM plugin_version WHERE source = ? AND state = 'ACTIVE'")) {
				ps.setString(1, source);
				try (ResultSet rs = ps.executeQuery()) {
					return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
				}
			}
		});
	}

	// ---- steps --------------------------------------------------------------------------------

	private Bundle startBeside(JarMeta meta, byte[] jar) {
		Bundle fresh;
		try {
			fresh = context.installBundle(meta.location(), new ByteArrayInputStream(jar));
		} catch (BundleException e) {
			throw refuse(null, meta, "could not be installed: " + reason(e));
		}
		try {
			fresh.start();
		} catch (BundleException e) {
			throw refuse(fresh, meta, "could not start: " + reason(e));
		}
		return fresh;
	}

	/** Waits until {@code fresh} provides a policy, and every one that is {@code bound} on its predecessor. */
	private void verify(Bundle fresh, JarMeta meta, List<Binding> bound, String action) {
		Set<String> needed = new LinkedHashSet<>();
		bound.forEach(b -> needed.add(Views.simpleName(b.spi()) + " " + b.policyId()));
		long deadline = System.currentTimeMillis() + config.verifyTimeoutMs();
		while (true) {
			Set<String> provided = new LinkedHashSet<>();
			for (PolicyIndex.Entry e : index.ofBundle(fresh.getBundleId())) {
				e.spis.forEach(s -> provided.add(Views.simpleName(s) + " " + e.policyId));
			}
			if (registersEndpoints(fresh)) {
				throw refuse(fresh, meta, "registers JAX-RS resources or extensions: plugins contribute policy services, not endpoints");
			}
			if (!provided.isEmpty() && provided.containsAll(needed)) {
				return;
			}
			if (fresh.getState() != Bundle.ACTIVE || System.currentTimeMillis() > deadline) {
				Set<String> missing = new LinkedHashSet<>(needed);
				missing.removeAll(provided);
				throw refuse(fresh, meta, provided.isEmpty()
						? "registered no policy service within " + config.verifyTimeoutMs() + " ms"
						: "does not provide the bound " + missing + " (" + action + " refused)");
			}
			pause();
		}
	}

	/** Endpoints from a plugin would make the whiteboard rebuild the core application. */
	private static boolean registersEndpoints(Bundle bundle) {
		ServiceReference<?>[] services = bundle.getRegisteredServices();
		if (services == null) {
			return false;
		}
		for (ServiceReference<?> s : services) {
			if (s.getProperty("osgi.jaxrs.resource") != null || s.getProperty("osgi.jaxrs.extension") != null
					|| s.getProperty("osgi.jaxrs.application.base") != null) {
				return true;
			}
		}
		return false;
	}

	/** Undoes a failed install and records why; the caller throws the returned problem. */
	private ProblemException refuse(Bundle fresh, JarMeta meta, String why) {
		uninstallQuietly(fresh);
		String detail = meta.bsn() + " " + meta.version() + " " + why + "; the installed version keeps serving";
		LOG.warn("plugin refused: {}", detail);
		store.write(c -> {
			event(c, meta.bsn(), meta.version(), "install", "REFUSED", detail);
			return null;
		});
		return new ProblemException(422, "Plugin refused", detail);
	}

	/** Stops new calls on {@code old}, lets running ones finish, then uninstalls it. */
	private void retire(Bundle old) {
		try {
			for (PolicyIndex.Entry e : index.ofBundle(old.getBundleId())) {
				if (!e.retireAndDrain(config.drainTimeoutMs())) {
					LOG.warn("calls on {} {} still running after {} ms; removing it anyway", e.bsn, e.version,
							config.drainTimeoutMs());
				}
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		uninstallQuietly(old);
	}

	private static void uninstallQuietly(Bundle bundle) {
		if (bundle == null) {
			return;
		}
		try {
			bundle.uninstall();
		} catch (BundleException | IllegalStateException e) {
			LOG.warn("could not uninstall {}: {}", bundle.getSymbolicName(), e.getMessage());
		}
	}

	/** Reinstalls active versions whose bundle is gone, e.g. after the OSGi cache was cleared. */
	private void reinstallMissing() {
		record Row(String bsn, String version, String jarPath) {
		}
		List<Row> rows = store.read(c -> {
			List<Row> r = new ArrayList<>();
			try (PreparedStatement ps = c.prepareStatement("SELECT bsn, version, jar_path FROM plugin_version WHERE state = 'ACTIVE'");
					ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					r.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3)));
				}
			}
			return r;
		});
		for (Row row : rows) {
			if (bundleAt(JarMeta.location(row.bsn(), row.version())) == null) {
				try {
					context.installBundle(JarMeta.location(row.bsn(), row.version()),
							Files.newInputStream(Path.of(row.jarPath()))).start();
					LOG.info("reinstalled plugin {} {}", row.bsn(), row.version());
				} catch (IOException | BundleException e) {
					LOG.error("plugin {} {} could not be reinstalled: {}", row.bsn(), row.version(), e.getMessage());
				}
			}
		}
	}

	// ---- data ---------------------------------------------------------------------------------

	private Bundle bundleAt(String location) {
		return context.getBundle(location);
	}

	private Optional<String> activeVersion(String bsn) {
		return store.read(c -> {
			try (PreparedStatement ps = c.prepareStatement("SELECT version FROM plugin_version WHERE bsn = ? AND state = 'ACTIVE'")) {
				ps.setString(1, bsn);
				try (ResultSet rs = ps.executeQuery()) {
					return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
				}
			}
		});
	}

	private String sha(String bsn, String version) {
		return column(bsn, version, "sha256");
	}

	private String source(String bsn, String version) {
		return column(bsn, version, "source");
	}

	private String column(String bsn, String version, String column) {
		return store.read(c -> {
			try (PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM plugin_version WHERE bsn = ? AND version = ?")) {
				ps.setString(1, bsn);
				ps.setString(2, version);
				try (ResultSet rs = ps.executeQuery()) {
					return rs.next() ? rs.getString(1) : "";
				}
			}
		});
	}

	/** A version installed before, that rollback can return to. */
	private record Previous(String version, String jarPath) {
	}

	private Optional<Previous> previousVersion(String bsn, String current) {
		return store.read(c -> {
			try (PreparedStatement ps = c.prepareStatement("SELECT version, jar_path FROM plugin_version "
					+ "WHERE bsn = ? AND version <> ? AND state IN ('REPLACED', 'ROLLED_BACK') ORDER BY installed_at DESC LIMIT 1")) {
				ps.setString(1, bsn);
				ps.setString(2, current);
				try (ResultSet rs = ps.executeQuery()) {
					return rs.next() ? Optional.of(new Previous(rs.getString(1), rs.getString(2))) : Optional.<Previous>empty();
				}
			}
		});
	}

	private static void upsertVersion(Connection c, JarMeta meta, String source, Path file) throws SQLException {
		try (PreparedStatement del = c.prepareStatement("DELETE FROM plugin_version WHERE bsn = ? AND version = ?")) {
			del.setString(1, meta.bsn());
			del.setString(2, meta.version());
			del.executeUpdate();
		}
		try (PreparedStatement ps = c.prepareStatement("INSERT INTO plugin_version "
				+ "(bsn, version, sha256, source, jar_path, state, installed_at) VALUES (?, ?, ?, ?, ?, 'ACTIVE', ?)")) {
			ps.setString(1, meta.bsn());
			ps.setString(2, meta.version());
			ps.setString(3, meta.sha256());
			ps.setString(4, source);
			ps.setString(5, file.toString());
			ps.setTimestamp(6, Timestamp.from(Instant.now()));
			ps.executeUpdate();
		}
	}

	/** ACTIVE restarts a version's clock (rollback orders by it); any other state ends it. */
	private static void setState(Connection c, String bsn, String version, String state) throws SQLException {
		boolean active = state.equals("ACTIVE");
		try (PreparedStatement ps = c.prepareStatement(active
				? "UPDATE plugin_version SET state = ?, installed_at = ?, removed_at = NULL WHERE bsn = ? AND version = ?"
				: "UPDATE plugin_version SET state = ?, removed_at = ? WHERE bsn = ? AND version = ?")) {
			ps.setString(1, state);
			ps.setTimestamp(2, Timestamp.from(Instant.now()));
			ps.setString(3, bsn);
			ps.setString(4, version);
			ps.executeUpdate();
		}
	}

	private static void event(Connection c, String bsn, String version, String action, String outcome, String detail)
			throws SQLException {
		try (PreparedStatement ps = c.prepareStatement(
				"INSERT INTO plugin_event (happened_at, bsn, version, action, outcome, detail) VALUES (?, ?, ?, ?, ?, ?)")) {
			ps.setTimestamp(1, Timestamp.from(Instant.now()));
			ps.setString(2, bsn);
			ps.setString(3, version);
			ps.setString(4, action);
			ps.setString(5, outcome);
			ps.setString(6, detail.length() > 2000 ? detail.substring(0, 2000) : detail);
			ps.executeUpdate();
		}
	}

	/** The SPI class name for a short name such as {@code StarRatingFormula}. */
	private String spiName(String spi) {
		if (spi == null || spi.isBlank()) {
			throw ProblemException.invalid("spi", "spi is required, e.g. StarRatingFormula");
		}
		return index.all().stream().flatMap(e -> e.spis.stream())
				.filter(s -> s.equals(spi) || Views.simpleName(s).equals(spi)).findFirst()
				.orElseThrow(() -> ProblemException.invalid("spi", "No installed plugin provides the SPI '" + spi + "'"));
	}

	private static Map<String, String> parameters(Map<String, String> parameters) {
		Map<String, String> p = new TreeMap<>();
		if (parameters == null) {
			return p;
		}
		if (parameters.size() > 50) {
			throw ProblemException.invalid("parameters", "at most 50 parameters");
		}
		parameters.forEach((k, v) -> {
			if (k == null || !PARAMETER_KEY.matcher(k).matches()) {
				throw ProblemException.invalid("parameters", "parameter names are 1 to 64 letters, digits, '.', '_' or '-'");
			}
			if (v == null || v.length() > 500) {
				throw ProblemException.invalid("parameters." + k, "a parameter value is text of at most 500 characters");
			}
			p.put(k, v);
		});
		return p;
	}

	private static String reason(BundleException e) {
		String m = String.valueOf(e.getMessage());
		// Felix names the missing requirement; say it in plain words without the resolver's notation
		java.util.regex.Matcher pkg = Pattern.compile("osgi\\.wiring\\.package=([\\w.]+)").matcher(m);
		if (pkg.find()) {
			return "it needs the package " + pkg.group(1) + ", which no installed bundle provides";
		}
		return m.length() > 300 ? m.substring(0, 300) : m;
	}

	private static String state(Bundle b) {
		return switch (b.getState()) {
		case Bundle.ACTIVE -> "ACTIVE";
		case Bundle.RESOLVED -> "RESOLVED";
		case Bundle.STARTING -> "STARTING";
		case Bundle.STOPPING -> "STOPPING";
		case Bundle.INSTALLED -> "INSTALLED";
		default -> "UNINSTALLED";
		};
	}
}
