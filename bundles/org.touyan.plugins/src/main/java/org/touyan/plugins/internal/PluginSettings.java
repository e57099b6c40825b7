package org.touyan.plugins.internal;

import java.nio.file.Path;

import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One consistent view of the configuration: the mode, the trust store and the time limits. It is
 * replaced whole when the configuration changes, so a request never sees half of an old one.
 */
record PluginSettings(PluginsConfig config, boolean development, JarVerifier verifier) implements PolicyCalls.Limits {

	private static final Logger LOG = LoggerFactory.getLogger(PluginSettings.class);

	/** The mode is the configuration's, else the framework property {@code touyan.plugins.mode}, else production. */
	static PluginSettings of(PluginsConfig config, BundleContext context, Path dataDir) {
		String mode = !config.mode().isBlank() ? config.mode() : context.getProperty("touyan.plugins.mode");
		boolean development = "development".equalsIgnoreCase(mode);
		if (development) {
			LOG.warn("DEVELOPMENT MODE: unsigned plugins are accepted");
		}
		return new PluginSettings(config, development, JarVerifier.load(config.trustStore().isBlank() ? dataDir.resolve("trust.p12")
				: Path.of(config.trustStore()), config.trustStorePassword().toCharArray()));
	}

	@Override
	public long callTimeoutMs() {
		return config.callTimeoutMs();
	}

	@Override
	public int quarantineAfterTimeouts() {
		return config.quarantineAfterTimeouts();
	}

	String mode() {
		return development ? "development" : "production";
	}
}
