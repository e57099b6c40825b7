package org.touyan.plugins.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.touyan.api.policy.Policy;
import org.touyan.api.policy.Provenance;
import org.touyan.api.rest.ProblemException;

/**
 * Every live policy service, by SPI, policy id, bundle and version, so that a binding finds its
 * exact service in one map lookup. Several versions of one plugin may be live at once: that is
 * how an update swaps without a gap.
 */
final class PolicyIndex {

	/** One live policy service, with the calls running on it. */
	static final class Entry {
		final ServiceReference<Object> reference;
		final Object service;
		final List<String> spis;
		final String policyId;
		final String name;
		final String nameEn;
		final String bsn;
		final String version;
		final long bundleId;
		private final AtomicInteger inFlight = new AtomicInteger();
		private volatile boolean retired;

		Entry(ServiceReference<Object> reference, Object service) {
			this.reference = reference;
			this.service = service;
			this.spis = List.of((String[]) reference.getProperty(Constants.OBJECTCLASS));
			this.policyId = String.valueOf(reference.getProperty(Policy.ID));
			this.name = String.valueOf(reference.getProperty(Policy.NAME));
			Object en = reference.getProperty(Policy.NAME_EN);
			this.nameEn = en == null ? "" : en.toString();
			this.bsn = reference.getBundle().getSymbolicName();
			this.version = reference.getBundle().getVersion().toString();
			this.bundleId = reference.getBundle().getBundleId();
		}

		/** Counts a call in; false when the entry was retired and the caller must look again. */
		boolean enter() {
			inFlight.incrementAndGet();
			if (retired) {
				inFlight.decrementAndGet();
				return false;
			}
			return true;
		}

		void exit() {
			inFlight.decrementAndGet();
		}

		/** Stops new calls and waits (up to {@code millis}) for running ones to finish. */
		boolean retireAndDrain(long millis) throws InterruptedException {
			retired = true;
			long deadline = System.currentTimeMillis() + millis;
			while (inFlight.get() > 0) {
				if (System.currentTimeMillis() > deadline) {
					return false;
				}
				Thread.sleep(2);
			}
			return true;
		}

		Provenance provenance(long revision) {
			return new Provenance(bsn, version, policyId, revision);
		}
	}

	/** Key of an entry: which SPI, which policy, from which bundle version. */
	record Key(String spi, String policyId, String bsn, String version) {
	}

	private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
	private final ServiceTracker<Object, Entry> tracker;

	PolicyIndex(BundleContext context) throws InvalidSyntaxException {
		tracker = new ServiceTracker<>(context, context.createFilter("(" + Policy.ID + "=*)"), null) {
			@Override
			public Entry addingService(ServiceReference<Object> reference) {
				Object service = context.getService(reference);
				if (service == null || reference.getBundle() == null) {
					return null;
				}
				Entry entry = new Entry(reference, service);
				for (String spi : entry.spis) {
					entries.put(new Key(spi, entry.policyId, entry.bsn, entry.version), entry);
				}
				return entry;
			}

			@Override
			public void removedService(ServiceReference<Object> reference, Entry entry) {
				for (String spi : entry.spis) {
					entries.remove(new Key(spi, entry.policyId, entry.bsn, entry.version), entry);
				}
				entry.retired = true;
				context.ungetService(reference);
			}
		};
	}

	void open() {
		tracker.open(true);
	}

	void close() {
		tracker.close();
	}

	Entry find(String spi, String policyId, String bsn, String version) {
		return entries.get(new Key(spi, policyId, bsn, version));
	}

	/** Live entries of one bundle. */
	List<Entry> ofBundle(long bundleId) {
		return entries.values().stream().filter(e -> e.bundleId == bundleId).distinct().toList();
	}

	/** Live entries providing {@code policyId} for {@code spi}, from any bundle. */
	List<Entry> providing(String spi, String policyId) {
		return entries.entrySet().stream()
				.filter(e -> e.getKey().spi().equals(spi) && e.getKey().policyId().equals(policyId))
				.map(Map.Entry::getValue).toList();
	}

	List<Entry> all() {
		return entries.values().stream().distinct().toList();
	}

	/** The SPI class name for a short name such as {@code StarRatingFormula}. */
	String spiName(String spi) {
		if (spi == null || spi.isBlank()) {
			throw ProblemException.invalid("spi", "请填写 spi，如 StarRatingFormula", "spi is required, e.g. StarRatingFormula");
		}
		return all().stream().flatMap(e -> e.spis.stream())
				.filter(s -> s.equals(spi) || Views.simpleName(s).equals(spi)).findFirst()
				.orElseThrow(() -> ProblemException.invalid("spi", "没有已安装的插件提供 SPI " + spi,
						"No installed plugin provides the SPI '" + spi + "'"));
	}
}
