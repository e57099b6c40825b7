package org.touyan.api.registry;

import org.touyan.api.rest.Nullable;

/** A street (街道, subdistrict) of a district; its working committee manages its communities. */
public record Street(String id, String districtId, String code, String name, @Nullable String nameEn) {
}
