package org.touyan.rest.internal;

import java.util.function.BooleanSupplier;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one line an operator reads at start: the version and the URL, written once when health first
 * answers 200 (the core application is final), not when the port opens.
 */
@Component(immediate = true)
public class ReadyLine {

	private static final Logger LOG = LoggerFactory.getLogger(ReadyLine.class);

	private final Thread waiter;

	@Activate
	public ReadyLine(BundleContext context, @Reference HealthResource health) {
		String host = property(context, "org.apache.felix.http.host", "0.0.0.0");
		String port = property(context, "org.osgi.service.http.port", "8080");
		String version = property(context, "touyan.version", context.getBundle().getVersion().toString());
		String line = "Touyan " + version + " ready at http://" + host + ":" + port + "/ (API at /api)";
		waiter = new Thread(() -> announce(() -> health.health().getStatus() == 200, 100, () -> LOG.info(line)), "touyan-ready-line");
		waiter.setDaemon(true);
		waiter.start();
	}

	/** Polls {@code ready} every {@code periodMillis} and runs {@code announce} once, the first time it holds. */
	static boolean announce(BooleanSupplier ready, long periodMillis, Runnable announce) {
		try {
			while (!ready.getAsBoolean()) {
				Thread.sleep(periodMillis);
			}
		} catch (InterruptedException stopped) {
			Thread.currentThread().interrupt();
			return false;
		}
		announce.run();
		return true;
	}

	@Deactivate
	void stop() {
		waiter.interrupt();
	}

	private static String property(BundleContext context, String key, String otherwise) {
		String value = context.getProperty(key);
		return value == null || value.isBlank() ? otherwise : value;
	}
}
