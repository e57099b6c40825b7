package org.touyan.store.internal;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the framework when the JVM is asked to exit (SIGTERM, Ctrl-C). The launcher alone lets
 * the JVM die with bundles still active; stopping the framework first deactivates every
 * component, so the database is shut down cleanly and the next start need not replay its log.
 */
@Component(immediate = true)
public class StopOnSignal {

	private static final Logger LOG = LoggerFactory.getLogger(StopOnSignal.class);
	private static final long STOP_TIMEOUT_MS = 20_000;

	private final Thread hook;

	@Activate
	public StopOnSignal(BundleContext context) {
		Framework framework = (Framework) context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
		hook = new Thread(() -> {
			try {
				framework.stop();
				framework.waitForStop(STOP_TIMEOUT_MS);
			} catch (BundleException | InterruptedException e) {
				LOG.warn("the framework did not stop cleanly: {}", e.getMessage());
			}
		}, "touyan-stop");
		Runtime.getRuntime().addShutdownHook(hook);
	}

	@Deactivate
	void deactivate() {
		try {
			Runtime.getRuntime().removeShutdownHook(hook);
		} catch (IllegalStateException exiting) {
			// the JVM is exiting and this hook is what is stopping the framework
		}
	}
}
