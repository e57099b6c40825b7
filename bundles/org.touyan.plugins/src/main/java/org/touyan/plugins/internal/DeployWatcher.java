package org.touyan.plugins.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.touyan.api.rest.ProblemException;

/**
 * The operators' way in: a jar copied into {@code deploy/} goes through the same
 * {@link PluginManager#install} as an upload (so an update is zero-gap, not FileInstall's
 * stop-update-start), and deleting it removes the plugin unless something is bound to it. A file
 * is taken once it is not being written: its time is older than one poll (a jar moved in), or its
 * size and time stayed the same since the last poll (a jar copied in), so a half-copied jar is
 * never read.
 */
@Component(immediate = true, configurationPid = DeployWatcher.PID)
@Designate(ocd = DeployWatcher.Config.class)
public class DeployWatcher {

	static final String PID = "touyan.plugins.deploy";

	@ObjectClassDefinition(name = "Touyan plugin folder", description = "The folder operators copy plugin jars into")
	public @interface Config {
		@AttributeDefinition(description = "Folder watched for plugin jars; empty means the framework property felix.fileinstall.dir, else 'deploy'")
		String dir() default "";

		@AttributeDefinition(description = "Milliseconds between two looks at the folder")
		long pollMs() default 250;
	}

	private static final Logger LOG = LoggerFactory.getLogger(DeployWatcher.class);

	/** Size and time of a file: it is read when they are the same on two polls in a row. */
	private record Stamp(long size, long modified) {
	}

	private final PluginManager manager;
	private final Path dir;
	private final long pollMs;
	private final Map<Path, Stamp> seen = new HashMap<>();
	private final Map<Path, Stamp> handled = new HashMap<>();
	private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread t = new Thread(r, "touyan-deploy");
		t.setDaemon(true);
		return t;
	});

	@Activate
	public DeployWatcher(BundleContext context, Config config, @Reference PluginManager manager) {
		this.manager = manager;
		String fileinstall = context.getProperty("felix.fileinstall.dir");
		this.dir = Path.of(!config.dir().isBlank() ? config.dir()
				: fileinstall != null && !fileinstall.isBlank() ? fileinstall : "deploy").toAbsolutePath();
		this.pollMs = config.pollMs();
		poller.scheduleWithFixedDelay(this::poll, 0, pollMs, TimeUnit.MILLISECONDS);
	}

	@Deactivate
	void deactivate() throws InterruptedException {
		poller.shutdownNow();
		poller.awaitTermination(10, TimeUnit.SECONDS);
	}

	void poll() {
		try {
			if (!Files.isDirectory(dir)) {
				return;
			}
			Set<Path> present = new HashSet<>();
			try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, "*.jar")) {
				for (Path jar : jars) {
					present.add(jar);
					BasicFileAttributes a = Files.readAttributes(jar, BasicFileAttributes.class);
					Stamp now = new Stamp(a.size(), a.lastModifiedTime().toMillis());
					Stamp before = seen.put(jar, now);
					boolean settled = now.equals(before) || System.currentTimeMillis() - now.modified() > pollMs;
					if (settled && !now.equals(handled.get(jar))) {
						handled.put(jar, now);
						install(jar);
					}
				}
			}
			for (Path gone : new HashSet<>(handled.keySet())) {
				if (!present.contains(gone)) {
					handled.remove(gone);
					seen.remove(gone);
					remove(gone);
				}
			}
		} catch (IOException | RuntimeException e) {
			LOG.warn("deploy folder {}: {}", dir, e.getMessage());
		}
	}

	private void install(Path jar) throws IOException {
		try {
			manager.installFromFolder(Files.readAllBytes(jar), source(jar));
		} catch (ProblemException e) {
			LOG.warn("{}: {}", jar.getFileName(), e.detail());
		}
	}

	private void remove(Path jar) {
		manager.bsnFromSource(source(jar)).ifPresent(bsn -> {
			try {
				manager.remove(bsn);
			} catch (ProblemException e) {
				LOG.warn("{} was deleted but {} stays: {}", jar.getFileName(), bsn, e.detail());
			}
		});
	}

	private static String source(Path jar) {
		return "deploy/" + jar.getFileName();
	}
}
