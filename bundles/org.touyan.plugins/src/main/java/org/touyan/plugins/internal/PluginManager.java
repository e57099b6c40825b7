package org.touyan.plugins.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.touyan.api.health.HealthContributor;
import org.touyan.api.metrics.MetricSource;
import org.touyan.api.policy.Policies;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.Preconditions;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.security.AuditLog;
import org.touyan.api.store.Cluster;
import org.touyan.api.store.Store;
import org.touyan.plugins.internal.Views.PluginEvent;
import org.touyan.plugins.internal.Views.PluginView;

/**
 * Installs, updates, removes and rolls back plugin bundles and keeps the bindings; it holds the one
 * lock every change of the plugin set takes. Policy calls are routed by {@link PolicyRouter}, pins
 * kept by {@link PinDesk}, and what administrators and health read is {@link PluginCatalogue}. An install goes through the pipeline's stages, each a class of its own: read the jar
 * ({@link JarMeta}), check its signature ({@link SignatureCheck}) and its bytecode
 * ({@link BytecodeVerifier}), install it beside the serving version ({@link InstallBeside}), check
 * its policies and fixtures ({@link PolicyCheck}), move the bindings ({@link BindingMove}), drain
 * and retire the old version ({@link Retirement}). A version that fails any stage is removed again
 * and the old one keeps serving (keep last good). Calls run contained ({@link PolicyCalls}); a
 * policy whose calls keep running past their limit is quarantined ({@link Quarantine}).
 */
@Component(service = { Policies.class, PluginManager.class, HealthContributor.class }, configurationPid = PluginManager.PID)
@Designate(ocd = PluginsConfig.class)
public class PluginManager implements Policies, HealthContributor {

	static final String PID = "touyan.plugins";

	private static final Logger LOG = LoggerFactory.getLogger(PluginManager.class);

	private final BundleContext context;
	/** The settings in force; replaced whole when the configuration changes (see {@link #modified}). */
	private volatile PluginSettings settings;
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
	private final PolicyRouter router;
	private final PluginCatalogue catalogue;
	private final PinDesk pinDesk;
	private final PluginTally tally = new PluginTally();
	private final Convergence convergence;
	private final PluginNodes nodes;

	@Activate
	public PluginManager(BundleContext context, PluginsConfig config, @Reference(target = "(touyan.schema=plugins)") Store store,
			@Reference AuditLog audit, @Reference Cluster cluster) throws InvalidSyntaxException, IOException {
		this.context = context;
		this.store = store;
		String data = context.getProperty("touyan.data");
		this.dataDir = Path.of(data == null || data.isBlank() ? "data" : data).toAbsolutePath();
		this.jars = dataDir.resolve("plugins");
		Files.createDirectories(jars);
		this.settings = PluginSettings.of(config, context, dataDir);
		this.events = new PluginEvents(store, audit, tally);
		this.versions = new PluginVersions(store, jars);
		this.quarantine = new Quarantine(store, events);
		quarantine.load();
		this.calls = new PolicyCalls(config.maxConcurrentCalls(), () -> settings,
				new Runaways(() -> settings.config().stopRunawayAfterMs()), quarantine, tally);
		this.index = new PolicyIndex(context);
		this.bindings = new BindingStore(store);
		bindings.load();
		this.pins = new Pins(store);
		pins.load();
		this.router = new PolicyRouter(index, bindings, pins, quarantine, versions, calls, () -> settings.config().callTimeoutMs(),
				tally);
		this.check = new PolicyCheck(index, new Fixtures.Runner() {
			@Override
			public <R> R call(PolicyIndex.Entry entry, java.util.function.Function<Object, R> work) {
				return router.call(entry, Map.of(), work);
			}
		});
		this.retirement = new Retirement(index, () -> settings.config().drainTimeoutMs());
		this.move = new BindingMove(bindings, pins, events, retirement, this::bundleAt);
		this.whatIf = new WhatIf(this, bindings, versions, events);
		this.pinDesk = new PinDesk(store, bindings, pins, versions, events, retirement, this::bundleAt);
		this.catalogue = new PluginCatalogue(versions, index, bindings, pins, quarantine, calls, events, () -> settings, this::bundleAt);
		this.convergence = new Convergence(context, versions, bindings, pins, quarantine, retirement);
		index.open();
		versions.keepJarsInDatabase();
		// a node that starts beside others takes their plugin set before it is ready to serve
		this.nodes = new PluginNodes(store, cluster, this::converge);
		nodes.catchUpNow();
	}

	/** This node's plugin set brought to the database's (see {@link Convergence}). */
	private synchronized void converge() {
		convergence.run();
	}

	/**
	 * Applies a new configuration in place: the manager and every service that depends on it stay
	 * registered, so the core application is not rebuilt and no request fails because an operator
	 * changed the mode or a time limit.
	 */
	@Modified
	void modified(PluginsConfig config) {
		this.settings = PluginSettings.of(config, context, dataDir);
		calls.maximum(config.maxConcurrentCalls());
	}

	@Deactivate
	void deactivate() {
		nodes.close();
		index.close();
		calls.close();
	}

	// ---- policy calls -------------------------------------------------------------------------

	@Override
	public <S, R> Result<R> apply(Class<S> spi, Scope scope, Call<S, R> call) {
		return router.apply(spi, scope, null, call);
	}

	@Override
	public <S, R> Result<R> apply(Class<S> spi, Scope scope, String pin, Call<S, R> call) {
		return router.apply(spi, scope, pin, call);
	}

	@Override
	public <S, R> Comparison<R> compare(Class<S> spi, String bsn, String policyId, Map<String, String> parameters, Call<S, R> call) {
		return router.compare(spi, bsn, policyId, parameters, call);
	}

	// ---- administration -----------------------------------------------------------------------

	/**
	 * Installs a new plugin, or updates the installed one of the same symbolic name without a gap.
	 * With {@code stage}, the new version is installed and checked but not bound: the current one
	 * keeps serving until {@link #promote} (what-if compares the two meanwhile).
	 */
	private synchronized PluginView installHere(byte[] jar, String source, boolean stage) {
		JarMeta meta = JarMeta.of(jar);
		// a version on record (active, staged, or kept for rollback) is that content for good: the
		// check comes before the jar is written, so a refused upload cannot replace a kept jar
		String recorded = versions.sha(meta.bsn(), meta.version());
		if (!recorded.isEmpty() && !recorded.equals(meta.sha256())) {
			throw new ProblemException(409, "Conflict", "插件 " + meta.bsn() + " " + meta.version() + " 已有登记，内容与本次上传不同：请为新构建另定版本号",
					meta.bsn() + " " + meta.version() + " is on record with different content: give the new build a new version", null);
		}
		Optional<String> active = versions.active(meta.bsn());
		if (active.isPresent() && active.get().equals(meta.version())) {
			return view(meta.bsn()).orElseThrow();
		}
		Optional<String> staged = versions.staged(meta.bsn());
		if (staged.isPresent() && staged.get().equals(meta.version())) {
			// installing it again would uninstall the very bundle that is staged
			return stage ? view(meta.bsn()).orElseThrow() : promoteHere(meta.bsn());
		}
		Path file = jars.resolve(meta.bsn() + "-" + meta.version() + ".jar");
		String signer;
		Bundle fresh = null;
		try {
			signer = SignatureCheck.keep(settings.verifier(), settings.development(), jar, file);
			BytecodeVerifier.check(jar);
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
				PluginVersions.upsert(c, meta, jar, source, file, "STAGED", signer);
				events.record(c, meta.bsn(), meta.version(), "stage", "DONE", "staged beside " + active.orElse("nothing") + "; from "
						+ source);
				return null;
			});
			return view(meta.bsn()).orElseThrow();
		}
		move.move(meta.bsn(), active.orElse(null), meta.version(), fresh, move.keepingParameters(meta.bsn(), meta.version()),
				active.isPresent() ? "update" : "install", c -> {
					PluginVersions.upsert(c, meta, jar, source, file, "ACTIVE", signer);
					return null;
				});
		active.ifPresent(old -> retired(meta.bsn(), old));
		return view(meta.bsn()).orElseThrow();
	}

	/**
	 * A write of one plugin (promote, rollback, discard, removal, a quarantine's release) is made on
	 * the version its client read: {@code ifMatch} is compared with the plugin as it is now, under the
	 * manager's lock that every such write holds, so two administrators cannot both act on one state.
	 */
	private void current(String bsn, String ifMatch) {
		Preconditions.check(ifMatch, view(bsn).orElseThrow(() -> ProblemException.notFound("插件", "plugin", bsn)));
	}

	private synchronized PluginView promoteHere(String bsn, String ifMatch) {
		current(bsn, ifMatch);
		return promoteHere(bsn);
	}

	private synchronized PluginView rollbackHere(String bsn, String ifMatch) {
		current(bsn, ifMatch);
		return rollbackHere(bsn);
	}

	private synchronized void discardHere(String bsn, String ifMatch) {
		current(bsn, ifMatch);
		discardHere(bsn);
	}

	private synchronized void removeHere(String bsn, String ifMatch) {
		current(bsn, ifMatch);
		removeHere(bsn);
	}

	private synchronized void releaseQuarantineHere(String bsn, String actor, String ifMatch) {
		current(bsn, ifMatch);
		releaseQuarantineHere(bsn, actor);
	}

	/** Moves the bindings from the active version to the staged one, and removes the active one. */
	private synchronized PluginView promoteHere(String bsn) {
		String staged = versions.staged(bsn).orElseThrow(() -> new ProblemException(409, "Conflict", "插件 " + bsn + " 没有待启用（staged）的版本",
				"No version of " + bsn + " is staged", null));
		Optional<String> active = versions.active(bsn);
		Bundle fresh = bundleAt(JarMeta.location(bsn, staged));
		if (fresh == null) {
			throw new ProblemException(409, "Conflict", "插件 " + bsn + " " + staged + " 已待启用（staged）但未运行，请重新安装",
					bsn + " " + staged + " is staged but not running; install it again", null);
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
	private synchronized void removeHere(String bsn) {
		String version = versions.active(bsn).orElseThrow(() -> ProblemException.notFound("插件", "plugin", bsn));
		List<Binding> bound = bindings.onBundle(bsn);
		if (!bound.isEmpty()) {
			List<String> scopes = bound.stream().map(Binding::scope).distinct().toList();
			throw new ProblemException(409, "Conflict", "插件 " + bsn + " 仍绑定于 " + scopes + "，请先在这些范围绑定其他策略",
					bsn + " is bound for " + scopes + ": bind another policy there first", null);
		}
		Set<String> holding = pins.holding(bsn);
		if (!holding.isEmpty()) {
			throw new ProblemException(409, "Conflict", "插件 " + bsn + " 被锁定于 " + holding + "，解除锁定前须保留",
					bsn + " is pinned by " + holding + " and stays until they are released", null);
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
	private synchronized PluginView rollbackHere(String bsn) {
		String current = versions.active(bsn).orElseThrow(() -> ProblemException.notFound("插件", "plugin", bsn));
		PluginVersions.Kept previous = versions.previous(bsn, current).orElseThrow(() -> new ProblemException(409, "Conflict",
				"插件 " + bsn + " 没有可回退的早期版本", "There is no earlier version of " + bsn + " to roll back to", null));
		byte[] jar;
		try {
			jar = versions.jar(previous);
		} catch (java.io.UncheckedIOException e) {
			throw new ProblemException(409, "Conflict", "插件 " + bsn + " " + previous.version() + " 的 jar 已不再保留",
					"The jar of " + bsn + " " + previous.version() + " is no longer kept", null);
		}
		JarMeta meta = JarMeta.of(jar);
		Bundle running = bundleAt(meta.location());
		Bundle fresh = running;
		List<Binding> bound = bindings.onBundle(bsn);
		try {
			if (fresh == null) {
				// a jar kept from before the bytecode check existed is checked now
				BytecodeVerifier.check(jar);
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
	private synchronized Binding bindHere(String spi, Scope scope, String policyId, Map<String, String> parameters) {
		String spiName = index.spiName(spi);
		Map<String, String> params = BindingInput.parameters(parameters);
		PolicyIndex.Entry provider = index.providing(spiName, policyId == null ? "" : policyId).stream()
				.filter(e -> versions.active(e.bsn).map(e.version::equals).orElse(false))
				.findFirst().orElseThrow(() -> new ProblemException(409, "Conflict", "没有已安装的插件为 " + spi + " 提供策略 " + policyId,
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

	// ---- changes of the plugin set, each made under the cluster's lock and awaited on every node --

	public PluginView install(byte[] jar, String source, boolean stage) {
		return changed(() -> installHere(jar, source, stage));
	}

	public PluginView promote(String bsn, String ifMatch) {
		return changed(() -> promoteHere(bsn, ifMatch));
	}

	public PluginView rollback(String bsn, String ifMatch) {
		return changed(() -> rollbackHere(bsn, ifMatch));
	}

	public void discard(String bsn, String ifMatch) {
		changing(() -> discardHere(bsn, ifMatch));
	}

	public void remove(String bsn, String ifMatch) {
		changing(() -> removeHere(bsn, ifMatch));
	}

	public void releaseQuarantine(String bsn, String actor, String ifMatch) {
		changing(() -> releaseQuarantineHere(bsn, actor, ifMatch));
	}

	public PluginView promote(String bsn) {
		return changed(() -> promoteHere(bsn));
	}

	public void remove(String bsn) {
		changing(() -> removeHere(bsn));
	}

	public PluginView rollback(String bsn) {
		return changed(() -> rollbackHere(bsn));
	}

	public Binding bind(String spi, Scope scope, String policyId, Map<String, String> parameters) {
		return changed(() -> bindHere(spi, scope, policyId, parameters));
	}

	public List<Binding> pinBindings(String key) {
		return changed(() -> pinBindingsHere(key));
	}

	@Override
	public void release(String key) {
		changing(() -> releaseHere(key));
	}

	public void release(String key, String ifMatch) {
		changing(() -> releaseHere(key, ifMatch));
	}

	public void releaseQuarantine(String bsn, String actor) {
		changing(() -> releaseQuarantineHere(bsn, actor));
	}

	public Optional<PluginView> installFromFolder(byte[] jar, String source) {
		return changed(() -> installFromFolderHere(jar, source));
	}

	public void discard(String bsn) {
		changing(() -> discardHere(bsn));
	}

	private <T> T changed(java.util.function.Supplier<T> change) {
		return nodes.change(this::converge, change);
	}

	private void changing(Runnable change) {
		nodes.change(this::converge, () -> {
			change.run();
			return null;
		});
	}

	// ---- the changes on this node ---------------------------------------------------------------

	/** Freezes every binding in force under {@code key}, e.g. an evaluation cycle being opened. */
	private synchronized List<Binding> pinBindingsHere(String key) {
		return pinDesk.pin(key);
	}

	/** Releases a pin (its cycle closed); versions nothing else holds are removed. */
	private synchronized void releaseHere(String key) {
		pinDesk.release(key);
	}

	public Set<String> pins() {
		return pins.keys();
	}

	/** Releases a pin as an administrator last read it: 412 when it was released and pinned again meanwhile. */
	private synchronized void releaseHere(String key, String ifMatch) {
		Preconditions.check(ifMatch, pinned(key).stream().map(Views.BindingView::of).toList());
		pinDesk.release(key);
	}

	public List<Binding> pinned(String key) {
		if (!pins.exists(key)) {
			throw ProblemException.notFound("插件锁定", "pin", key);
		}
		return pins.bindings(key);
	}

	/** What the active and the staged version of {@code bsn}'s star formula make of each case (see {@link WhatIf}). */
	public List<Views.WhatIfRow> whatIf(String spi, String bsn, String policyId, List<Views.WhatIfCase> cases) {
		return whatIf.run(spi, bsn, policyId, cases);
	}

	/** Releases every quarantined policy of {@code bsn}: its bindings serve again. */
	private synchronized void releaseQuarantineHere(String bsn, String actor) {
		if (quarantine.release(bsn, actor).isEmpty()) {
			throw ProblemException.notFound("插件隔离记录", "quarantine of plugin", bsn);
		}
	}

	/** The counts since start and the quarantines and runaway calls now, for {@code GET /api/metrics}. */
	List<MetricSource.Family> metrics() {
		return tally.families(quarantine.all().size(), calls.runaway());
	}

	@Override
	public Contribution contribute() {
		return catalogue.contribute();
	}

	/** The mode, trust, pins, active plugins, quarantines and the last refusals, for the admin overview. */
	public Views.PluginsOverview overview() {
		return catalogue.overview();
	}

	/** Every plugin the manager installed and that is still active. */
	public List<PluginView> plugins() {
		return catalogue.plugins();
	}

	public Optional<PluginView> view(String bsn) {
		return catalogue.view(bsn);
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
	private synchronized Optional<PluginView> installFromFolderHere(byte[] jar, String source) {
		return versions.installedFrom(source, JarMeta.of(jar).sha256()) ? Optional.empty() : Optional.of(installHere(jar, source, false));
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
	private synchronized void discardHere(String bsn) {
		if (versions.staged(bsn).isEmpty()) {
			throw new ProblemException(409, "Conflict", "插件 " + bsn + " 没有待启用（staged）的版本", "No version of " + bsn + " is staged", null);
		}
		discardStaged(bsn);
	}

	/** Undoes a failed install (uninstalls {@code fresh}) and records why; the caller throws the returned problem. */
	private ProblemException refuse(Bundle fresh, JarMeta meta, Refusal refusal) {
		Retirement.uninstallQuietly(fresh);
		String detail = meta.bsn() + " " + meta.version() + " " + refusal.getMessage() + "; the installed version keeps serving";
		LOG.warn("plugin refused: {}", detail);
		events.record(meta.bsn(), meta.version(), "install", "REFUSED", detail);
		return new ProblemException(422, "Plugin refused", "插件 " + meta.bsn() + " " + meta.version() + " " + refusal.zh()
				+ "；已安装的版本继续运行", detail, null);
	}

	private Bundle bundleAt(String location) {
		return context.getBundle(location);
	}


}
