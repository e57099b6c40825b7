package org.touyan.api.registry;

import org.touyan.api.rest.Nullable;

/**
 * Choices a district makes for its own registry.
 *
 * @param jointCommitteesMaySpanStreets whether a joint area Party committee may group communities
 *        of different streets (by default all its communities belong to one street)
 * @param eligibilityRuleSet policy id of the eligibility rule set the district uses; null means
 *        the platform's default rule set
 */
public record DistrictSettings(boolean jointCommitteesMaySpanStreets, @Nullable String eligibilityRuleSet) {
}
