package org.touyan.api.registry;

import java.util.List;

/** Sets up a street's working group for an election term. */
public record WorkingGroupInput(String term, List<WorkingGroupMember> members) {
}
