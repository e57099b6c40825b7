package org.touyan.api.registry;

import java.util.List;

import org.touyan.api.rest.Nullable;

/** What a client sends to create or change a joint area Party committee. */
public record JointCommitteeInput(String districtId, String code, String name, @Nullable String nameEn,
		List<String> communityIds) {
}
