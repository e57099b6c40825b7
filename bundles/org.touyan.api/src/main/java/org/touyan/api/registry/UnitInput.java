package org.touyan.api.registry;

import org.touyan.api.rest.Nullable;

/**
 * What a client sends to create or rename an organisation unit. {@code parentId} is the district
 * of a street and is absent for a district.
 */
public record UnitInput(String parentId, String code, String name, @Nullable String nameEn) {
}
