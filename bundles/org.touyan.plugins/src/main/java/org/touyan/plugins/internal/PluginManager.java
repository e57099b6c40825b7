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
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.touyan.api.evaluation.StarRating;
import org.touyan.api.evaluation.StarRatingFormula;
import org.touyan.api.evaluation.StarRatingInput;
import org.touyan.api.health.HealthContributor;
import org.touyan.api.policy.Policies;
import org.touyan.api.policy.PolicyFailureException;
import org.touyan.api.policy.Provenance;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.security.AuditLog;
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
@Component(service = { Policies.class, PluginManager.class, HealthContributor.class }, configurationPid = PluginManager.PID)
@Designate(ocd = PluginManager.Config.class)
public class PluginManager implements Policies, HealthContributor {

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

		@AttributeDefinition(description = "production: only jars signed by a key in the trust store; development: "
				+ "unsigned jars too (said loudly in /api/health). Empty means the framework property "
				+ "touyan.plugins.mode, else production")
		String mode() default "";

		@AttributeDefinition(description = "PKCS12 trust store of the district's plugin-signing certificates; "
				+ "empty means trust.p12 in the data directory")
		String trustStore() default "";

		@AttributeDefinition(description = "Password of the trust store", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
		String trustStorePassword() default "";
	}

	private static final Logger LOG = LoggerFactory.getLogger(PluginManager.class);
	private static final Pattern PARAMETER_KEY = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	private final BundleContext context;
	/** The settings in force; replaced whole when the configuration changes (see {@link #modified}). */
	private volatile Settings settings;
	private final Store store;
	private final PolicyIndex index;
	private final BindingStore bindings;
	private final Path jars;
	private final ThreadPoolExecutor calls;
	private final Path dataDir;
	private final Pins pins;
	private final AuditLog audit;

	@Activate
	public PluginManager(BundleContext context, Config config, @Reference(target = "(touyan.schema=plugins)") Store store,
			@Reference AuditLog audit) throws InvalidSyntaxException, IOException {
		this.context = context;
		this.store = store;
		this.audit = audit;
		String data = context.getProperty("touyan.data");
		this.dataDir = Path.of(data == null || data.isBlank() ? "data" : data).toAbsolutePath();
		this.jars = dataDir.resolve("plugins");
		Files.createDirectories(jars);
		this.settings = settings(config);
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
		this.pins = new Pins(store);
		pins.load();
		index.open();
		reinstallMissing();
	}

	/**
	 * Applies a new configuration in place: the manager and every service that depends on it stay
	 * registered, so the core application is not rebuilt and no request fails because an operator
	 * changed the mode or a time limit.
	 */
	@Modified
	void modified(Config config) {
		this.settings = settings(config);
		calls.setMaximumPoolSize(config.maxConcurrentCalls());
	}

	@Deactivate
	void deactivate() {
		index.close();
		calls.shutdownNow();
	}

	/** One consistent view of the configuration: the mode, the trust store and the time limits. */
	private record Settings(Config config, boolean development, JarVerifier verifier) {
	}

	private Settings settings(Config config) {
		String mode = !config.mode().isBlank() ? config.mode() : context.getProperty("touyan.plugins.mode");
		boolean development = "development".equalsIgnoreCase(mode);
		if (development) {
			LOG.warn("DEVELOPMENT MODE: unsigned plugins are accepted");
		}
		return new Settings(config, development, JarVerifier.load(config.trustStore().isBlank() ? dataDir.resolve("trust.p12")
				: Path.of(config.trustStore()), config.trustStorePassword().toCharArray()));
	}

	// ---- policy calls -------------------------------------------------------------------------

	@Override
	public <S, R> Result<R> apply(Class<S> spi, Scope scope, Call<S, R> call) {
		return apply(spi, scope, null, call);
	}

	@Override
	public <S, R> Result<R> apply(Class<S> spi, Scope scope, String pin, Call<S, R> call) {
		if (pin != null && !pins.exists(pin)) {
			throw ProblemException.conflict("Nothing is pinned for '" + pin + "'");
		}
		for (int attempt = 0; attempt < 50; attempt++) {
			Optional<Binding> found = pin == null ? bindings.resolve(spi.getName(), scope) : pins.resolve(pin, spi.getName(), scope);
			Binding binding = found.orElseThrow(() -> ProblemException.conflict("No " + Views.simpleName(spi.getName())
					+ " is bound for " + BindingStore.scopeOf(scope) + ", its district or the platform"
					+ (pin == null ? "" : " in what is pinned for '" + pin + "'")));
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

	/** Runs {@code work} on one specific policy service, contained like any call. */
	private <R> R call(PolicyIndex.Entry entry, Map<String, String> parameters, java.util.function.Function<Object, R> work) {
		if (!entry.enter()) {
			throw new ProblemException(503, "Policy unavailable", entry.bsn + " " + entry.version + " is being removed");
		}
		try {
			return invoke(entry.service, parameters, (p, params) -> work.apply(p), entry.provenance(0));
		} finally {
			entry.exit();
		}
	}

	private <S, R> R invoke(S policy, Map<String, String> parameters, Call<S, R> call, Provenance provenance) {
		Future<R> future;
		try {
			future = calls.submit(() -> call.call(policy, parameters));
		} catch (RejectedExecutionException e) {
			throw new ProblemException(503, "Busy", "Too many policy calls are running; try again");
		}
		try {
			return future.get(settings.config().callTimeoutMs(), TimeUnit.MILLISECONDS);
		} catch (TimeoutException e) {
			future.cancel(true);
			throw new PolicyFailureException(provenance, "did not answer within " + settings.config().callTimeoutMs() + " ms");
		} catch (ExecutionException e) {
			if (e.getCause() instanceof PolicyFailureException p) {
				throw p;
			}
			if (e.getCause() instanceof ProblemException p) {
				// the policy judged the client's input (e.g. a fact it cannot read): the client's error
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

	/**
	 * Installs a new plugin, or updates the installed one of the same symbolic name without a gap.
	 * With {@code stage}, the new version is installed and checked but not bound: the current one
	 * keeps serving until {@link #promote} (what-if compares the two meanwhile).
	 */
	public synchronized PluginView install(byte[] jar, String source, boolean stage) {
		JarMeta meta = JarMeta.of(jar);
		// a version on record (active, staged, or kept for rollback) is that content for good: the
		// check comes before the jar is written, so a refused upload cannot replace a kept jar
		String recorded = sha(meta.bsn(), meta.version());
		if (!recorded.isEmpty() && !recorded.equals(meta.sha256())) {
			throw ProblemException.conflict(meta.bsn() + " " + meta.version()
					+ " is on record with different content: give the new build a new version");
		}
		Optional<String> active = activeVersion(meta.bsn());
		if (active.isPresent() && active.get().equals(meta.version())) {
			return view(meta.bsn()).orElseThrow();
		}
		Optional<String> staged = stagedVersion(meta.bsn());
		if (staged.isPresent() && staged.get().equals(meta.version())) {
			// installing it again would uninstall the very bundle that is staged
			return stage ? view(meta.bsn()).orElseThrow() : promote(meta.bsn());
		}
		Path file = jars.resolve(meta.bsn() + "-" + meta.version() + ".jar");
		String signer = checkSignature(meta, jar, file);
		Bundle fresh;
		try {
			fresh = startBeside(meta, jar);
			verify(fresh, meta, active.isPresent() ? bindings.onBundle(meta.bsn()) : List.of(), "install");
		} catch (RuntimeException refused) {
			// keep no jar of a refused version, unless an earlier install of it (the same content) is on record
			if (recorded.isEmpty()) {
				try {
					Files.deleteIfExists(file);
				} catch (IOException e) {
					LOG.warn("could not delete {}: {}", file, e.getMessage());
				}
			}
			throw refused;
		}
		if (stage) {
			discardStaged(meta.bsn());
			store.write(c -> {
				upsertVersion(c, meta, source, file, "STAGED", signer);
				event(c, meta.bsn(), meta.version(), "stage", "DONE", "staged beside " + active.orElse("nothing") + "; from " + source);
				return null;
			});
			return view(meta.bsn()).orElseThrow();
		}
		discardStaged(meta.bsn());
		String action = active.isPresent() ? "update" : "install";
		swap(meta.bsn(), active.orElse(null), meta.version(), fresh, action, c -> {
			upsertVersion(c, meta, source, file, "ACTIVE", signer);
			return null;
		});
		return view(meta.bsn()).orElseThrow();
	}

	/** Moves the bindings from the active version to the staged one, and removes the active one. */
	public synchronized PluginView promote(String bsn) {
		String staged = stagedVersion(bsn).orElseThrow(() -> ProblemException.conflict("No version of " + bsn + " is staged"));
		Optional<String> active = activeVersion(bsn);
		Bundle fresh = bundleAt(JarMeta.location(bsn, staged));
		if (fresh == null) {
			throw ProblemException.conflict(bsn + " " + staged + " is staged but not running; install it again");
		}
		verify(fresh, new JarMeta(bsn, staged, sha(bsn, staged)), active.isPresent() ? bindings.onBundle(bsn) : List.of(), "promote");
		swap(bsn, active.orElse(null), staged, fresh, "promote", c -> {
			setState(c, bsn, staged, "ACTIVE");
			return null;
		});
		return view(bsn).orElseThrow();
	}

	/** Removes a plugin that nothing is bound to and no cycle has pinned. */
	public synchronized void remove(String bsn) {
		String version = activeVersion(bsn).orElseThrow(() -> ProblemException.notFound("plugin", bsn));
		List<Binding> bound = bindings.onBundle(bsn);
		if (!bound.isEmpty()) {
			throw ProblemException.conflict(bsn + " is bound for " + bound.stream().map(Binding::scope).distinct().toList()
					+ ": bind another policy there first");
		}
		Set<String> holding = pins.holding(bsn);
		if (!holding.isEmpty()) {
			throw ProblemException.conflict(bsn + " is pinned by " + holding + " and stays until they are released");
		}
		discardStaged(bsn);
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
		Bundle running = bundleAt(meta.location());
		Bundle fresh = running != null ? running : startBeside(meta, jar);
		List<Binding> bound = bindings.onBundle(bsn);
		verify(fresh, meta, bound, "rollback");
		List<Binding> moved = bound.stream().map(b -> b.withVersion(meta.version(),
				bindings.lastWith(b.spi(), b.scope(), bsn, meta.version()).map(Binding::parameters).orElse(b.parameters())))
				.toList();
		swap(bsn, current, meta.version(), fresh, moved, "rollback", c -> {
			setState(c, bsn, meta.version(), "ACTIVE");
			return null;
		});
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

	@Override
	public void pin(String key) {
		pinBindings(key);
	}

	/** Freezes every binding in force under {@code key}, e.g. an evaluation cycle being opened. */
	public synchronized List<Binding> pinBindings(String key) {
		if (key == null || !PARAMETER_KEY.matcher(key).matches()) {
			throw ProblemException.invalid("key", "a pin key is 1 to 64 letters, digits, '.', '_' or '-', e.g. 2026-H1");
		}
		if (pins.exists(key)) {
			throw ProblemException.conflict("'" + key + "' is pinned already");
		}
		List<Binding> current = bindings.all();
		if (current.isEmpty()) {
			throw ProblemException.conflict("Nothing is bound, so there is nothing to pin");
		}
		store.write(c -> {
			Pins.insert(c, key, current);
			event(c, null, null, "pin", "DONE", current.size() + " binding(s) pinned for " + key);
			return null;
		});
		pins.load();
		return pins.bindings(key);
	}

	/** Releases a pin (its cycle closed); versions nothing else holds are removed. */
	@Override
	public synchronized void release(String key) {
		if (!pins.exists(key)) {
			throw ProblemException.notFound("pin", key);
		}
		List<Binding> held = pins.bindings(key);
		store.write(c -> {
			Pins.delete(c, key);
			event(c, null, null, "unpin", "DONE", "released " + key);
			return null;
		});
		pins.load();
		for (Binding b : held) {
			boolean current = activeVersion(b.bsn()).map(b.version()::equals).orElse(false)
					|| stagedVersion(b.bsn()).map(b.version()::equals).orElse(false);
			Bundle bundle = bundleAt(JarMeta.location(b.bsn(), b.version()));
			if (!current && !pins.holds(b.bsn(), b.version()) && bundle != null) {
				retire(bundle);
			}
		}
	}

	public Set<String> pins() {
		return pins.keys();
	}

	public List<Binding> pinned(String key) {
		if (!pins.exists(key)) {
			throw ProblemException.notFound("pin", key);
		}
		return pins.bindings(key);
	}

	@Override
	public <S, R> Comparison<R> compare(Class<S> spi, String bsn, String policyId, Map<String, String> parameters,
			Call<S, R> call) {
		String active = activeVersion(bsn).orElseThrow(() -> ProblemException.notFound("plugin", bsn));
		String staged = stagedVersion(bsn).orElseThrow(() -> ProblemException.conflict("No version of " + bsn
				+ " is staged: install the candidate with stage=true first"));
		PolicyIndex.Entry current = index.find(spi.getName(), policyId, bsn, active);
		PolicyIndex.Entry candidate = index.find(spi.getName(), policyId, bsn, staged);
		if (current == null) {
			throw ProblemException.invalid("policyId", bsn + " " + active + " provides no " + Views.simpleName(spi.getName())
					+ " '" + policyId + "'");
		}
		if (candidate == null) {
			throw ProblemException.invalid("policyId", "the candidate " + bsn + " " + staged + " provides no "
					+ Views.simpleName(spi.getName()) + " '" + policyId + "': a what-if compares one policy of one SPI");
		}
		Map<String, String> params = parameters == null ? Map.of() : parameters;
		return new Comparison<>(
				new Result<>(call(current, params, p -> call.call(spi.cast(p), params)), current.provenance(0)),
				new Result<>(call(candidate, params, p -> call.call(spi.cast(p), params)), candidate.provenance(0)));
	}

	/**
	 * Rates each case with the active and the staged version of {@code bsn}'s star formula, with
	 * the parameters of the case street's binding when it binds this policy, and says where the
	 * two differ.
	 */
	public List<Views.WhatIfRow> whatIf(String spi, String bsn, String policyId, List<Views.WhatIfCase> cases) {
		if (!Views.simpleName(StarRatingFormula.class.getName()).equals(spi) && !StarRatingFormula.class.getName().equals(spi)) {
			throw ProblemException.invalid("spi", "what-if compares star-rating formulas (StarRatingFormula)");
		}
		if (cases == null || cases.isEmpty() || cases.size() > 10_000) {
			throw ProblemException.invalid("cases", "between 1 and 10,000 cases");
		}
		String spiName = StarRatingFormula.class.getName();
		List<Views.WhatIfRow> rows = new ArrayList<>();
		for (Views.WhatIfCase c : cases) {
			Map<String, String> params = bindings.resolve(spiName, new Scope(null, c.streetId()))
					.filter(b -> b.bsn().equals(bsn) && b.policyId().equals(policyId)).map(Binding::parameters).orElse(Map.of());
			StarRatingInput input = new StarRatingInput(c.communityId(), c.streetId(), c.period(), c.scores(), params);
			Comparison<StarRating> r = compare(StarRatingFormula.class, bsn, policyId, params, (f, p) -> f.rate(input));
			rows.add(new Views.WhatIfRow(c.communityId(), r.current().value().stars(), r.candidate().value().stars(),
					r.current().value().score(), r.candidate().value().score(),
					r.current().value().stars() != r.candidate().value().stars()));
		}
		whatIfRun(bsn, rows);
		return rows;
	}

	/** Records a what-if run in the plugin events. */
	private void whatIfRun(String bsn, List<Views.WhatIfRow> rows) {
		long changed = rows.stream().filter(Views.WhatIfRow::changed).count();
		String staged = stagedVersion(bsn).orElse("?");
		store.write(c -> {
			event(c, bsn, staged, "what-if", "DONE", rows.size() + " case(s) compared with " + activeVersion(bsn).orElse("?")
					+ "; " + changed + " change stars");
			return null;
		});
	}

	@Override
	public Contribution contribute() {
		List<String> warnings = new ArrayList<>();
		if (settings.development()) {
			warnings.add("DEVELOPMENT MODE: unsigned plugins are accepted. Set mode=production in touyan.plugins for real use.");
		} else if (settings.verifier().trustedKeys().isEmpty()) {
			warnings.add("No plugin-signing key is trusted: every plugin install will be refused until the trust store has one.");
		}
		Map<String, Object> details = new TreeMap<>();
		details.put("mode", settings.development() ? "development" : "production");
		details.put("trustedKeys", settings.verifier().trustedKeys());
		details.put("pins", pins.keys());
		return new Contribution("plugins", true, warnings, details);
	}

	/** The mode, trust, pins, active plugins and the last refusals, for the admin overview. */
	public Views.PluginsOverview overview() {
		List<PluginEvent> refusals = store.read(c -> {
			List<PluginEvent> items = new ArrayList<>();
			try (PreparedStatement ps = c.prepareStatement("SELECT id, happened_at, bsn, version, action, outcome, detail "
					+ "FROM plugin_event WHERE outcome = 'REFUSED' ORDER BY id DESC LIMIT 10");
					ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					items.add(event(rs));
				}
			}
			return items;
		});
		return new Views.PluginsOverview(settings.development() ? "development" : "production", settings.verifier().trustedKeys(), pins.keys(),
				plugins(), refusals);
	}

	private static PluginEvent event(ResultSet rs) throws SQLException {
		return new PluginEvent(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
				rs.getString(5), rs.getString(6), rs.getString(7));
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
			String signer = column(bsn, version, "signer");
			return new PluginView(bsn, version, bundle == null ? "MISSING" : state(bundle), source(bsn, version),
					signer.isEmpty() ? null : signer, stagedVersion(bsn).orElse(null), pins.holding(bsn), policies,
					bindings.onBundle(bsn).stream().map(Views.BindingView::of).toList());
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
						items.add(event(rs));
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
		return seen ? Optional.empty() : Optional.of(install(jar, source, false));
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

	/** Moves every binding of {@code bsn} to {@code newVersion}, keeping each one's parameters. */
	private void swap(String bsn, String oldVersion, String newVersion, Bundle fresh, String action, Store.SqlWork<Void> more) {
		swap(bsn, oldVersion, newVersion, fresh, bindings.onBundle(bsn).stream()
				.map(b -> b.withVersion(newVersion, b.parameters())).toList(), action, more);
	}

	/**
	 * Commits {@code moved} bindings and the version states in one transaction, then retires the
	 * old version unless a pin still holds it. A failed commit removes the new version again.
	 */
	private void swap(String bsn, String oldVersion, String newVersion, Bundle fresh, List<Binding> moved, String action,
			Store.SqlWork<Void> more) {
		try {
			bindings.put(moved, action + " " + bsn + " " + newVersion, c -> {
				if (oldVersion != null) {
					setState(c, bsn, oldVersion, action.equals("rollback") ? "ROLLED_BACK" : "REPLACED");
				}
				more.run(c);
				event(c, bsn, newVersion, action, "DONE", (oldVersion == null ? "" : "replaced " + oldVersion + "; ")
						+ moved.size() + " binding(s) moved");
				return null;
			});
		} catch (RuntimeException e) {
			uninstallQuietly(fresh);
			throw e;
		}
		Bundle old = oldVersion == null ? null : bundleAt(JarMeta.location(bsn, oldVersion));
		if (old != null && !pins.holds(bsn, oldVersion)) {
			retire(old);
		}
	}

	/**
	 * Keeps the jar under {@code file} if its signature is acceptable: trusted, or unsigned in
	 * development mode. Returns the signer (null when unsigned); refuses otherwise.
	 */
	private String checkSignature(JarMeta meta, byte[] jar, Path file) {
		Path temporary = file.resolveSibling(file.getFileName() + ".checking");
		try {
			Files.write(temporary, jar);
			JarVerifier.Verdict verdict = settings.verifier().verify(temporary);
			boolean accepted = verdict.outcome() == JarVerifier.Outcome.TRUSTED
					|| (verdict.outcome() == JarVerifier.Outcome.UNSIGNED && settings.development());
			if (!accepted) {
				Files.deleteIfExists(temporary);
				throw refuse(null, meta, "is refused: " + verdict.reason()
						+ (verdict.outcome() == JarVerifier.Outcome.UNSIGNED ? " (production mode accepts only signed plugins)" : ""));
			}
			Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			return verdict.signer();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Uninstalls and forgets a staged version of {@code bsn}, if there is one. */
	private void discardStaged(String bsn) {
		stagedVersion(bsn).ifPresent(version -> {
			Bundle staged = bundleAt(JarMeta.location(bsn, version));
			store.write(c -> {
				setState(c, bsn, version, "DISCARDED");
				event(c, bsn, version, "discard", "DONE", "staged version discarded");
				return null;
			});
			if (staged != null && !pins.holds(bsn, version)) {
				retire(staged);
			}
		});
	}

	/** Discards the staged version of {@code bsn}. */
	public synchronized void discard(String bsn) {
		if (stagedVersion(bsn).isEmpty()) {
			throw ProblemException.conflict("No version of " + bsn + " is staged");
		}
		discardStaged(bsn);
	}

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
		long deadline = System.currentTimeMillis() + settings.config().verifyTimeoutMs();
		while (true) {
			Set<String> provided = new LinkedHashSet<>();
			for (PolicyIndex.Entry e : index.ofBundle(fresh.getBundleId())) {
				e.spis.forEach(s -> provided.add(Views.simpleName(s) + " " + e.policyId));
			}
			if (registersEndpoints(fresh)) {
				throw refuse(fresh, meta, "registers JAX-RS resources or extensions: plugins contribute policy services, not endpoints");
			}
			if (!provided.isEmpty() && provided.containsAll(needed)) {
				List<String> failures = Fixtures.run(fresh, index.ofBundle(fresh.getBundleId()), new Fixtures.Runner() {
					@Override
					public <R> R call(PolicyIndex.Entry entry, java.util.function.Function<Object, R> work) {
						return PluginManager.this.call(entry, Map.of(), work);
					}
				});
				if (!failures.isEmpty()) {
					throw refuse(fresh, meta, "fails its fixtures: " + String.join("; ", failures.subList(0, Math.min(5, failures.size())))
							+ (failures.size() > 5 ? " (and " + (failures.size() - 5) + " more)" : ""));
				}
				return;
			}
			if (fresh.getState() != Bundle.ACTIVE || System.currentTimeMillis() > deadline) {
				Set<String> missing = new LinkedHashSet<>(needed);
				missing.removeAll(provided);
				throw refuse(fresh, meta, provided.isEmpty()
						? "registered no policy service within " + settings.config().verifyTimeoutMs() + " ms"
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
				if (!e.retireAndDrain(settings.config().drainTimeoutMs())) {
					LOG.warn("calls on {} {} still running after {} ms; removing it anyway", e.bsn, e.version,
							settings.config().drainTimeoutMs());
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

	/** Reinstalls active, staged and pinned versions whose bundle is gone, e.g. after the OSGi cache was cleared. */
	private void reinstallMissing() {
		record Row(String bsn, String version, String jarPath) {
		}
		List<Row> rows = store.read(c -> {
			List<Row> r = new ArrayList<>();
			try (PreparedStatement ps = c.prepareStatement("SELECT bsn, version, jar_path FROM plugin_version WHERE state IN "
					+ "('ACTIVE', 'STAGED') OR (bsn, version) IN (SELECT bsn, version FROM policy_pin)");
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
		return versionIn(bsn, "ACTIVE");
	}

	private Optional<String> stagedVersion(String bsn) {
		return versionIn(bsn, "STAGED");
	}

	private Optional<String> versionIn(String bsn, String state) {
		return store.read(c -> {
			try (PreparedStatement ps = c.prepareStatement("SELECT version FROM plugin_version WHERE bsn = ? AND state = ?")) {
				ps.setString(1, bsn);
				ps.setString(2, state);
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
					String value = rs.next() ? rs.getString(1) : null;
					return value == null ? "" : value;
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

	private static void upsertVersion(Connection c, JarMeta meta, String source, Path file, String state, String signer)
			throws SQLException {
		try (PreparedStatement del = c.prepareStatement("DELETE FROM plugin_version WHERE bsn = ? AND version = ?")) {
			del.setString(1, meta.bsn());
			del.setString(2, meta.version());
			del.executeUpdate();
		}
		try (PreparedStatement ps = c.prepareStatement("INSERT INTO plugin_version "
				+ "(bsn, version, sha256, source, jar_path, state, installed_at, signer) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
			ps.setString(1, meta.bsn());
			ps.setString(2, meta.version());
			ps.setString(3, meta.sha256());
			ps.setString(4, source);
			ps.setString(5, file.toString());
			ps.setString(6, state);
			ps.setTimestamp(7, Timestamp.from(Instant.now()));
			ps.setString(8, signer);
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

	/**
	 * Records a plugin event, and the same in the audit log: installs, updates and rollbacks also
	 * arrive through the deploy folder, where no REST request is audited, and for a request the
	 * event says what its status cannot (which version, why it was refused). The audit entry is written
	 * at once, not at commit, so a transaction that fails after its event leaves an entry too —
	 * the log errs towards saying more.
	 */
	private void event(Connection c, String bsn, String version, String action, String outcome, String detail)
			throws SQLException {
		audit.record("plugin-manager", "plugin." + action, bsn == null ? null : bsn + (version == null ? "" : " " + version),
				"DONE".equals(outcome) ? "ok" : "REFUSED".equals(outcome) ? "denied" : "failed", detail);
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
