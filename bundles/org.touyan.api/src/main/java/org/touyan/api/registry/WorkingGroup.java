package org.touyan.api.registry;

import java.util.List;

/**
 * A street's five-person working group for one election (e.g. term {@code 2026}): each of the five
 * roles filled by a different person of the district.
 */
public record WorkingGroup(String id, String streetId, String term, List<WorkingGroupMember> members) {
}
