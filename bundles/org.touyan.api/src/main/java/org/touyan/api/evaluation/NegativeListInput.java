package org.touyan.api.evaluation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One incident as the negative list judges it.
 *
 * @param items the catalogue's items the incident falls under (at least one), as the catalogue defines them
 * @param earlierIncidents the secretary's incidents recorded before this one that occurred in the 365 days up to
 *        {@code occurredOn}
 * @param parameters the binding's parameters, as text
 */
public record NegativeListInput(String personId, String communityId, LocalDate occurredOn, List<NegativeItem> items,
		int earlierIncidents, Map<String, String> parameters) {

	public NegativeListInput {
		items = List.copyOf(items);
		parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
	}
}
