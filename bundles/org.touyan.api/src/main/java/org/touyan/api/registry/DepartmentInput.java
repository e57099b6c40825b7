package org.touyan.api.registry;

import org.touyan.api.rest.Nullable;

/** What a client sends to create or change a department; absent flags mean false. */
public record DepartmentInput(String districtId, String code, String name, @Nullable String nameEn, @Nullable Boolean scores,
		@Nullable Boolean vets) {
}
