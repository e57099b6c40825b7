package org.touyan.training.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.touyan.api.rest.Nullable;
import org.touyan.training.internal.Directory.Secretary;

/**
 * The yearly credit rule on its own, so it can be tested without a database: a secretary's year
 * is the sum of the credits of every attendance in that year's plan, set against the plan's
 * required hours.
 */
public final class Credits {

	private Credits() {
	}

	/** One secretary's year. */
	public record Credit(String personId, String name, @Nullable String streetId, @Nullable String streetName, @Nullable String communityName,
			BigDecimal credit, BigDecimal required, boolean met) {
	}

	/** One street's year: its secretaries' credits together. */
	public record StreetHours(String streetId, String streetName, int secretaries, BigDecimal credit, int unmet) {
	}

	/** Every serving secretary, with 0 for one who attended nothing. */
	static List<Credit> of(List<Secretary> secretaries, Map<String, BigDecimal> creditByPerson, BigDecimal required) {
		List<Credit> out = new ArrayList<>();
		for (Secretary s : secretaries) {
			BigDecimal credit = creditByPerson.getOrDefault(s.personId(), BigDecimal.ZERO);
			out.add(new Credit(s.personId(), s.name(), s.streetId(), s.streetName(), s.communityName(), credit, required,
					credit.compareTo(required) >= 0));
		}
		return out;
	}

	static List<StreetHours> byStreet(List<Credit> credits) {
		Map<String, StreetHours> streets = new LinkedHashMap<>();
		for (Credit c : credits) {
			streets.merge(c.streetId(), new StreetHours(c.streetId(), c.streetName(), 1, c.credit(), c.met() ? 0 : 1),
					(a, b) -> new StreetHours(a.streetId(), a.streetName(), a.secretaries() + 1, a.credit().add(b.credit()),
							a.unmet() + b.unmet()));
		}
		return List.copyOf(streets.values());
	}
}
