package org.touyan.api.registry;

/** A role of a working group and the person who fills it. */
public record WorkingGroupMember(WorkingGroupRole role, String personId) {
}
