package org.touyan.api.registry;

import java.time.LocalDate;

import org.touyan.api.rest.Nullable;

/**
 * Choices a district makes for its own registry.
 *
 * @param jointCommitteesMaySpanStreets whether a joint area Party committee may group communities
 *        of different streets (by default all its communities belong to one street)
 * @param eligibilityRuleSet policy id of the eligibility rule set the district uses; null means
 *        the platform's default rule set
 * @param committeeReserveBornFrom the age rule of the committee reserve (两委后备, the “95后”
 *        tier): only community workers born on or after this date enter it; answered always
 *        (default 1995-01-01), null in an update keeps the stored date
 */
public record DistrictSettings(boolean jointCommitteesMaySpanStreets, @Nullable String eligibilityRuleSet,
		@Nullable LocalDate committeeReserveBornFrom) {

	/** The default age rule of the committee reserve: born in 1995 or later. */
	public static final LocalDate DEFAULT_COMMITTEE_RESERVE_BORN_FROM = LocalDate.of(1995, 1, 1);

	/** Settings that keep the stored age rule of the committee reserve. */
	public DistrictSettings(boolean jointCommitteesMaySpanStreets, String eligibilityRuleSet) {
		this(jointCommitteesMaySpanStreets, eligibilityRuleSet, null);
	}
}
