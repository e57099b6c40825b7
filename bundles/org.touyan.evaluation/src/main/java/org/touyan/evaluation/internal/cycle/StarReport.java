package org.touyan.evaluation.internal.cycle;

import java.math.BigDecimal;
import java.util.List;

import org.touyan.api.rest.Nullable;

/**
 * A cycle's star distribution per street and for the district: how many communities got each
 * star level, how many failed, and the mean score, as the Organization Department reads it.
 */
public record StarReport(String cycleId, @Nullable String period, CycleStatus status, int run, StreetStars district, List<StreetStars> streets) {

	/**
	 * One street's (or, with a null street, the district's) distribution.
	 *
	 * @param stars the number of communities with 1, 2, 3, 4 and 5 stars, in that order
	 */
	public record StreetStars(@Nullable String streetId, int rated, int failed, List<Integer> stars, @Nullable BigDecimal meanScore) {
	}
}
