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

	/** One part's state. {@code name} keys it in the health answer. */
	record Contribution(String name, boolean ready, List<String> warnings, Map<String, Object> details) {

		public Contribution {
			warnings = List.copyOf(warnings);
			details = Map.copyOf(details);
		}
	}
}
