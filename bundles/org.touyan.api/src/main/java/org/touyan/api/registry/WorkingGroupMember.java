package org.touyan.api.registry;

import org.touyan.api.rest.Nullable;

/**
 * A role of a working group and the person who fills it; {@code roleLabel} (answered, never read)
 * is the role's Chinese name (the code catalogue's {@code workingGroupRole}).
 */
public record WorkingGroupMember(WorkingGroupRole role, String personId, @Nullable String roleLabel) {

	public WorkingGroupMember {
		roleLabel = role == null ? null : role.displayName();
	}

	public WorkingGroupMember(WorkingGroupRole role, String personId) {
		this(role, personId, null);
	}
}
