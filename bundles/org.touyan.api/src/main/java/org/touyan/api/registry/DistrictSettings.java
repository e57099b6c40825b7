package org.touyan.api.registry;

/**
 * Choices a district makes for its own registry.
 *
 * @param jointCommitteesMaySpanStreets whether a joint area Party committee may group communities
 *        of different streets (by default all its communities belong to one street)
 */
public record DistrictSettings(boolean jointCommitteesMaySpanStreets) {
}
