package org.touyan.api.health;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A part of the platform that has something to say in {@code GET /api/health}: whether it is
 * ready, warnings an operator must see (such as a development mode that accepts unsigned plugins),
 * and details. Register it as a service; health asks every one on each request, so keep it cheap.
 */
@ConsumerType
public interface HealthContributor {

	Contribution contribute();

	/**
	 * One part's state. {@code name} keys it in the health answer. {@code degraded}: the part is
	 * ready but serves less than it should (e.g. a quarantined plugin); health then answers 200
	 * with status {@code DEGRADED}, and the warnings say why.
	 */
	record Contribution(String name, boolean ready, boolean degraded, List<String> warnings, Map<String, Object> details) {

		public Contribution {
			warnings = List.copyOf(warnings);
			details = Map.copyOf(details);
		}

		/** A part that is either ready or not, never degraded. */
		public Contribution(String name, boolean ready, List<String> warnings, Map<String, Object> details) {
			this(name, ready, false, warnings, details);
		}
	}
}
