package org.touyan.api.registry;

import java.util.List;

import org.touyan.api.rest.Nullable;

/**
 * A joint area Party committee (片区联合党委) grouping 3–4 neighbouring communities of a district,
 * listed by id in code order.
 */
public record JointCommittee(String id, String districtId, String code, String name, @Nullable String nameEn,
		List<String> communityIds) {
}
