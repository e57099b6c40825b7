package org.touyan.plugins.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.InvalidSyntaxException;
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
import org.touyan.api.health.HealthContributor;
import org.touyan.api.policy.Policies;
import org.touyan.api.policy.Provenance;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.Preconditions;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.security.AuditLog;
import org.touyan.api.store.Store;
import org.touyan.plugins.internal.Views.PluginEvent;
import org.touyan.plugins.internal.Views.PluginView;
import org.touyan.plugins.internal.Views.PolicyView;

/**
 * Installs, updates, removes and rolls back plugin bundles, keeps the bindings, and runs policy
 * calls. An install goes through the pipeline's stages, each a class of its own: read the jar
 * ({@link JarMeta}), check its signature ({@link SignatureCheck}) and its bytecode
 * ({@link BytecodeVerifier}), install it beside the serving version ({@link InstallBeside}), check
 * its policies and fixtures ({@link PolicyCheck}), move the bindings ({@link BindingMove}), drain
 * and retire the old version ({@link Retirement}). A version that fails any stage is removed again
 * and the old one keeps serving (keep last good). Calls run contained ({@link PolicyCalls}); a
 * policy whose calls keep running past their limit is quarantined ({@link Quarantine}).
 */
@Component(service = { Policies.class, PluginManager.class, HealthContributor.class }, configurationPid = PluginManager.PID)
@Designate(ocd = PluginManager.Config.class)
public class PluginManager implements Policies, HealthContributor {

	static final String PID = "touyan.plugins";

	@ObjectClassDefinition(name = "Touyan plugins", description = "Policy plugins: time limits of calls and updates")
	public @interface Config {
		@AttributeDefinition(description = "Longest a policy call may run before it fails that call")
		long callTimeoutMs() default 2000;

		@AttributeDefinition(description = "Calls of one policy that ran past callTimeoutMs before it is quarantined "
				+ "(its bindings fall back to the next one up until a plugin administrator releases it); 0: never")
		int quarantineAfterTimeouts() default 3;

		@AttributeDefinition(description = "How long after its timeout a call still running inside the plugin is stopped "
				+ "(Thread.stop); 0: never, it keeps its thread")
		long stopRunawayAfterMs() default 5000;

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
	private final Path dataDir;
	private final Pins pins;
	private final PluginEvents events;
	private final PluginVersions versions;
	private final Quarantine quarantine;
	private final PolicyCalls calls;
	private final PolicyCheck check;
	private final Retirement retirement;
	private final BindingMove move;
	private final WhatIf whatIf;

	@Activate
	public PluginManager(BundleContext context, Config config, @Reference(target = "(touyan.schema=plugins)") Store store,
			@Reference AuditLog audit) throws InvalidSyntaxException, IOException {
		this.context = context;
		this.store = store;
		String data = context.getProperty("touyan.data");
		this.dataDir = Path.of(data == null || data.isBlank() ? "data" : data).toAbsolutePath();
		this.jars = dataDir.resolve("plugins");
		Files.createDirectories(jars);
		this.settings = settings(config);
		this.events = new PluginEvents(store, audit);
		this.versions = new PluginVersions(store);
		this.quarantine = new Quarantine(store, events);
		quarantine.load();
		this.calls = new PolicyCalls(config.maxConcurrentCalls(), () -> limits(settings.config()),
				new Runaways(() -> settings.config().stopRunawayAfterMs()), quarantine);
		this.index = new PolicyIndex(context);
		this.bindings = new BindingStore(store);
		bindings.load();
		this.pins = new Pins(store);
		pins.load();
		this.check = new PolicyCheck(index, new Fixtures.Runner() {
			@Override
			public <R> R call(PolicyIndex.Entry entry, java.util.function.Function<Object, R> work) {
				return PluginManager.this.call(entry, Map.of(), work);
			}
		});
		this.retirement = new Retirement(index, () -> settings.config().drainTimeoutMs());
		this.move = new BindingMove(bindings, pins, events, retirement, this::bundleAt);
		this.whatIf = new WhatIf(this, bindings, versions, events);
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
		calls.maximum(config.maxConcurrentCalls());
	}

	@Deactivate
	void deactivate() {
		index.close();
		calls.close();
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

	private static PolicyCalls.Limits limits(Config config) {
		return new PolicyCalls.Limits() {
			@Override
			public long callTimeoutMs() {
				return config.callTimeoutMs();
			}

			@Override
			public int quarantineAfterTimeouts() {
				return config.quarantineAfterTimeouts();
			}
		};
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
			Binding binding = serving(spi.getName(), scope, pin);
			PolicyIndex.Entry entry = index.find(spi.getName(), binding.policyId(), binding.bsn(), binding.version());
			if (entry == null || !entry.enter()) {
				// the binding is moving or its bundle is restarting: look again shortly
				pause();
				continue;
			}
			Provenance provenance = entry.provenance(binding.revision());
			try {
				return new Result<>(calls.invoke(spi.cast(entry.service), binding.parameters(), call, provenance), provenance);
			} finally {
				entry.exit();
			}
		}
		throw new ProblemException(503, "Policy unavailable", "The " + Views.simpleName(spi.getName())
				+ " bound for " + BindingStore.scopeOf(scope) + " is not running; see GET /api/plugins");
	}

	/**
	 * The binding that serves {@code scope}: the nearest one (street, district, platform) whose
	 * policy is not quarantined. 409 when nothing is bound, 503 naming the quarantine when every
	 * binding that could serve is quarantined.
	 */
	private Binding serving(String spi, Scope scope, String pin) {
		List<Binding> chain = pin == null ? bindings.chain(spi, scope) : pins.chain(pin, spi, scope);
		if (chain.isEmpty()) {
			throw ProblemException.conflict("No " + Views.simpleName(spi) + " is bound for " + BindingStore.scopeOf(scope)
					+ ", its district or the platform" + (pin == null ? "" : " in what is pinned for '" + pin + "'"));
		}
		for (Binding b : chain) {
			if (!quarantine.holds(b.bsn(), b.version(), b.policyId())) {
				return b;
			}
		}
		Binding nearest = chain.get(0);
		throw new ProblemException(503, "Policy quarantined", "The " + Views.simpleName(spi) + " bound for "
				+ BindingStore.scopeOf(scope) + ", " + nearest.bsn() + " " + nearest.version() + " '" + nearest.policyId()
				+ "', is quarantined: too many of its calls ran past " + settings.config().callTimeoutMs() + " ms"
				+ (chain.size() > 1 ? ", and so is every binding above it" : ", and nothing above it is bound")
				+ ". A plugin administrator releases it with DELETE /api/plugins/" + nearest.bsn() + "/quarantine");
	}

	/** Runs {@code work} on one specific policy service, contained like any call. */
	private <R> R call(PolicyIndex.Entry entry, Map<String, String> parameters, java.util.function.Function<Object, R> work) {
		if (!entry.enter()) {
			throw new ProblemException(503, "Policy unavailable", entry.bsn + " " + entry.version + " is being removed");
		}
		try {
			return calls.invoke(entry.service, parameters, (p, params) -> work.apply(p), entry.provenance(0));
		} finally {
			entry.exit();
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
		String recorded = versions.sha(meta.bsn(), meta.version());
		if (!recorded.isEmpty() && !recorded.equals(meta.sha256())) {
			throw ProblemException.conflict(meta.bsn() + " " + meta.version()
					+ " is on record with different content: give the new build a new version");
		}
		Optional<String> active = versions.active(meta.bsn());
		if (active.isPresent() && active.get().equals(meta.version())) {
			return view(meta.bsn()).orElseThrow();
		}
		Optional<String> staged = versions.staged(meta.bsn());
		if (staged.isPresent() && staged.get().equals(meta.version())) {
			// installing it again would uninstall the very bundle that is staged
			return stage ? view(meta.bsn()).orElseThrow() : promote(meta.bsn());
		}
		Path file = jars.resolve(meta.bsn() + "-" + meta.version() + ".jar");
		String signer;
		Bundle fresh = null;
		try {
			signer = SignatureCheck.keep(settings.verifier(), settings.development(), jar, file);
			verifyBytecode(jar);
			fresh = InstallBeside.start(context, meta, jar);
			check.verify(fresh, active.isPresent() ? bindings.onBundle(meta.bsn()) : List.of(), settings.config().verifyTimeoutMs(),
					"install");
		} catch (Refusal refusal) {
			// keep no jar of a refused version, unless an earlier install of it (the same content) is on record
			if (recorded.isEmpty()) {
				try {
					Files.deleteIfExists(file);
				} catch (IOException e) {
					LOG.warn("could not delete {}: {}", file, e.getMessage());
				}
			}
			throw refuse(fresh, meta, refusal);
		}
		discardStaged(meta.bsn());
		if (stage) {
			store.write(c -> {
				PluginVersions.upsert(c, meta, source, file, "STAGED", signer);
				events.record(c, meta.bsn(), meta.version(), "stage", "DONE", "staged beside " + active.orElse("nothing") + "; from "
						+ source);
				return null;
			});
			return view(meta.bsn()).orElseThrow();
		}
		move.move(meta.bsn(), active.orElse(null), meta.version(), fresh, move.keepingParameters(meta.bsn(), meta.version()),
				active.isPresent() ? "update" : "install", c -> {
					PluginVersions.upsert(c, meta, source, file, "ACTIVE", signer);
					return null;
				});
		active.ifPresent(old -> retired(meta.bsn(), old));
		return view(meta.bsn()).orElseThrow();
	}

	/** Pipeline stage 3: nothing of the jar's bytecode may reach past the allow-list. */
	private static void verifyBytecode(byte[] jar) {
		List<BytecodeVerifier.Finding> findings;
		try {
			findings = BytecodeVerifier.verify(jar);
		} catch (IllegalArgumentException e) {
			throw new Refusal("cannot be checked: " + e.getMessage());
		}
		if (!findings.isEmpty()) {
			throw new Refusal(BytecodeVerifier.describe(findings));
		}
	}

	/**
	 * A write of one plugin (promote, rollback, discard, removal, a quarantine's release) is made on
	 * the version its client read: {@code ifMatch} is compared with the plugin as it is now, under the
	 * manager's lock that every such write holds, so two administrators cannot both act on one state.
	 */
	private void current(String bsn, String ifMatch) {
		Preconditions.check(ifMatch, view(bsn).orElseThrow(() -> ProblemException.notFound("plugin", bsn)));
	}

	public synchronized PluginView promote(String bsn, String ifMatch) {
		current(bsn, ifMatch);
		return promote(bsn);
	}

	public synchronized PluginView rollback(String bsn, String ifMatch) {
		current(bsn, ifMatch);
		return rollback(bsn);
	}

	public synchronized void discard(String bsn, String ifMatch) {
		current(bsn, ifMatch);
		discard(bsn);
	}

	public synchronized void remove(String bsn, String ifMatch) {
		current(bsn, ifMatch);
		remove(bsn);
	}

	public synchronized void releaseQuarantine(String bsn, String actor, String ifMatch) {
		current(bsn, ifMatch);
		releaseQuarantine(bsn, actor);
	}

	/** Moves the bindings from the active version to the staged one, and removes the active one. */
	public synchronized PluginView promote(String bsn) {
		String staged = versions.staged(bsn).orElseThrow(() -> ProblemException.conflict("No version of " + bsn + " is staged"));
		Optional<String> active = versions.active(bsn);
		Bundle fresh = bundleAt(JarMeta.location(bsn, staged));
		if (fresh == null) {
			throw ProblemException.conflict(bsn + " " + staged + " is staged but not running; install it again");
		}
		JarMeta meta = new JarMeta(bsn, staged, versions.sha(bsn, staged));
		try {
			check.verify(fresh, active.isPresent() ? bindings.onBundle(bsn) : List.of(), settings.config().verifyTimeoutMs(), "promote");
		} catch (Refusal refusal) {
			throw refuse(fresh, meta, refusal);
		}
		move.move(bsn, active.orElse(null), staged, fresh, move.keepingParameters(bsn, staged), "promote", c -> {
			PluginVersions.setState(c, bsn, staged, "ACTIVE");
			return null;
		});
		active.ifPresent(old -> retired(bsn, old));
		return view(bsn).orElseThrow();
	}

	/** Removes a plugin that nothing is bound to and no cycle has pinned. */
	public synchronized void remove(String bsn) {
		String version = versions.active(bsn).orElseThrow(() -> ProblemException.notFound("plugin", bsn));
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
			PluginVersions.setState(c, bsn, version, "REMOVED");
			events.record(c, bsn, version, "remove", "DONE", "removed");
			return null;
		});
		if (bundle != null) {
			retirement.retire(bundle);
		}
		retired(bsn, version);
	}

	/** A version that no longer serves (and no pin holds) leaves no quarantine behind to keep health degraded. */
	private void retired(String bsn, String version) {
		if (!pins.holds(bsn, version)) {
			quarantine.forget(bsn, version);
		}
	}

	/** Goes back to the version before the current one, with the parameters its bindings had then. */
	public synchronized PluginView rollback(String bsn) {
		String current = versions.active(bsn).orElseThrow(() -> ProblemException.notFound("plugin", bsn));
		PluginVersions.Kept previous = versions.previous(bsn, current).orElseThrow(() -> ProblemException.conflict(
				"There is no earlier version of " + bsn + " to roll back to"));
		byte[] jar;
		try {
			jar = Files.readAllBytes(Path.of(previous.jarPath()));
		} catch (IOException e) {
			throw ProblemException.conflict("The jar of " + bsn + " " + previous.version() + " is no longer kept");
		}
		JarMeta meta = JarMeta.of(jar);
		Bundle running = bundleAt(meta.location());
		Bundle fresh = running;
		List<Binding> bound = bindings.onBundle(bsn);
		try {
			if (fresh == null) {
				// a jar kept from before the bytecode check existed is checked now
				verifyBytecode(jar);
				fresh = InstallBeside.start(context, meta, jar);
			}
			check.verify(fresh, bound, settings.config().verifyTimeoutMs(), "rollback");
		} catch (Refusal refusal) {
			throw refuse(running == null ? fresh : null, meta, refusal);
		}
		List<Binding> moved = bound.stream().map(b -> b.withVersion(meta.version(),
				bindings.lastWith(b.spi(), b.scope(), bsn, meta.version()).map(Binding::parameters).orElse(b.parameters())))
				.toList();
		move.move(bsn, current, meta.version(), fresh, moved, "rollback", c -> {
			PluginVersions.setState(c, bsn, meta.version(), "ACTIVE");
			return null;
		});
		retired(bsn, current);
		return view(bsn).orElseThrow();
	}

	/** Binds {@code policyId} for {@code spi} in {@code scope}, with parameters, as a new revision. */
	public synchronized Binding bind(String spi, Scope scope, String policyId, Map<String, String> parameters) {
		String spiName = spiName(spi);
		Map<String, String> params = parameters(parameters);
		PolicyIndex.Entry provider = index.providing(spiName, policyId == null ? "" : policyId).stream()
				.filter(e -> versions.active(e.bsn).map(e.version::equals).orElse(false))
				.findFirst().orElseThrow(() -> new ProblemException(409, "Conflict",
						"No installed plugin provides policy '" + policyId + "' for " + spi, "policyId"));
		Binding binding = new Binding(spiName, BindingStore.scopeOf(scope), policyId, provider.bsn, provider.version, params, 0);
		return bindings.put(List.of(binding), "bind", c -> {
			events.record(c, provider.bsn, provider.version, "bind", "DONE",
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
			events.record(c, null, null, "pin", "DONE", current.size() + " binding(s) pinned for " + key);
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
			events.record(c, null, null, "unpin", "DONE", "released " + key);
			return null;
		});
		pins.load();
		for (Binding b : held) {
			boolean current = versions.active(b.bsn()).map(b.version()::equals).orElse(false)
					|| versions.staged(b.bsn()).map(b.version()::equals).orElse(false);
			Bundle bundle = bundleAt(JarMeta.location(b.bsn(), b.version()));
			if (!current && !pins.holds(b.bsn(), b.version()) && bundle != null) {
				retirement.retire(bundle);
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
		String active = versions.active(bsn).orElseThrow(() -> ProblemException.notFound("plugin", bsn));
		String staged = versions.staged(bsn).orElseThrow(() -> ProblemException.conflict("No version of " + bsn
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

	/** What the active and the staged version of {@code bsn}'s star formula make of each case (see {@link WhatIf}). */
	public List<Views.WhatIfRow> whatIf(String spi, String bsn, String policyId, List<Views.WhatIfCase> cases) {
		return whatIf.run(spi, bsn, policyId, cases);
	}

	/** Releases every quarantined policy of {@code bsn}: its bindings serve again. */
	public void releaseQuarantine(String bsn, String actor) {
		if (quarantine.release(bsn, actor).isEmpty()) {
			throw ProblemException.notFound("quarantine of plugin", bsn);
		}
	}

	@Override
	public Contribution contribute() {
		List<String> warnings = new ArrayList<>();
		if (settings.development()) {
			warnings.add("DEVELOPMENT MODE: unsigned plugins are accepted. Set mode=production in touyan.plugins for real use.");
		} else if (settings.verifier().trustedKeys().isEmpty()) {
			warnings.add("No plugin-signing key is trusted: every plugin install will be refused until the trust store has one.");
		}
		List<Quarantine.Entry> quarantined = quarantine.all();
		for (Quarantine.Entry q : quarantined) {
			warnings.add("QUARANTINED: " + q.key() + " since " + q.since() + ": too many of its calls ran past their time limit; "
					+ "its bindings fall back to the next one up. Release it with DELETE /api/plugins/" + q.bsn() + "/quarantine");
		}
		int runaway = calls.runaway();
		if (runaway > 0) {
			warnings.add(runaway + " policy call(s) still running past their time limit");
		}
		Map<String, Object> details = new TreeMap<>();
		details.put("mode", settings.development() ? "development" : "production");
		details.put("trustedKeys", settings.verifier().trustedKeys());
		details.put("pins", pins.keys());
		details.put("quarantined", quarantined.stream().map(q -> q.key().toString()).toList());
		details.put("runawayCalls", runaway);
		return new Contribution("plugins", true, !quarantined.isEmpty() || runaway > 0, warnings, details);
	}

	/** The mode, trust, pins, active plugins, quarantines and the last refusals, for the admin overview. */
	public Views.PluginsOverview overview() {
		return new Views.PluginsOverview(settings.development() ? "development" : "production", settings.verifier().trustedKeys(),
				pins.keys(), plugins(), quarantine.all().stream().map(Views.QuarantineView::of).toList(), calls.runaway(),
				events.refusals(10));
	}

	/** Every plugin the manager installed and that is still active. */
	public List<PluginView> plugins() {
		return versions.activeNames().stream().map(this::view).flatMap(Optional::stream).toList();
	}

	public Optional<PluginView> view(String bsn) {
		return versions.active(bsn).map(version -> {
			Bundle bundle = bundleAt(JarMeta.location(bsn, version));
			List<PolicyView> policies = bundle == null ? List.of() : index.ofBundle(bundle.getBundleId()).stream()
					.flatMap(e -> e.spis.stream().map(s -> new PolicyView(Views.simpleName(s), e.policyId, e.name, e.nameEn,
							quarantine.holds(bsn, version, e.policyId))))
					.sorted(Comparator.comparing(PolicyView::spi).thenComparing(PolicyView::id)).toList();
			String signer = versions.signer(bsn, version);
			return new PluginView(bsn, version, bundle == null ? "MISSING" : state(bundle), versions.source(bsn, version),
					signer.isEmpty() ? null : signer, versions.staged(bsn).orElse(null), pins.holding(bsn), policies,
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
		return events.page(paging);
	}

	/**
	 * Installs a jar found in the deploy folder, unless exactly this file was installed from there
	 * before: after a restart, or after the plugin was updated through the API since, the folder's
	 * older jar must not be installed again as if it were new.
	 */
	public synchronized Optional<PluginView> installFromFolder(byte[] jar, String source) {
		return versions.installedFrom(source, JarMeta.of(jar).sha256()) ? Optional.empty() : Optional.of(install(jar, source, false));
	}

	/** The plugin a deploy-folder file installed, if it is still the active version. */
	Optional<String> bsnFromSource(String source) {
		return versions.activeFrom(source);
	}

	// ---- steps --------------------------------------------------------------------------------

	/** Uninstalls and forgets a staged version of {@code bsn}, if there is one. */
	private void discardStaged(String bsn) {
		versions.staged(bsn).ifPresent(version -> {
			Bundle staged = bundleAt(JarMeta.location(bsn, version));
			store.write(c -> {
				PluginVersions.setState(c, bsn, version, "DISCARDED");
				events.record(c, bsn, version, "discard", "DONE", "staged version discarded");
				return null;
			});
			if (staged != null && !pins.holds(bsn, version)) {
				retirement.retire(staged);
			}
		});
	}

	/** Discards the staged version of {@code bsn}. */
	public synchronized void discard(String bsn) {
		if (versions.staged(bsn).isEmpty()) {
			throw ProblemException.conflict("No version of " + bsn + " is staged");
		}
		discardStaged(bsn);
	}

	/** Undoes a failed install (uninstalls {@code fresh}) and records why; the caller throws the returned problem. */
	private ProblemException refuse(Bundle fresh, JarMeta meta, Refusal refusal) {
		Retirement.uninstallQuietly(fresh);
		String detail = meta.bsn() + " " + meta.version() + " " + refusal.getMessage() + "; the installed version keeps serving";
		LOG.warn("plugin refused: {}", detail);
		events.record(meta.bsn(), meta.version(), "install", "REFUSED", detail);
		return new ProblemException(422, "Plugin refused", detail);
	}

	/** Reinstalls active, staged and pinned versions whose bundle is gone, e.g. after the OSGi cache was cleared. */
	private void reinstallMissing() {
		for (PluginVersions.Kept row : versions.inService()) {
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

	private Bundle bundleAt(String location) {
		return context.getBundle(location);
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
