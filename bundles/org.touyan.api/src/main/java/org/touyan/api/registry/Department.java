package org.touyan.api.registry;

import org.touyan.api.rest.Nullable;

/**
 * A district department (区直部门) such as 纪委监委 or 民政局; {@code scores} when it scores the
 * half-year star rating (星级评定), {@code vets} when it takes part in joint vetting (联查联审).
 */
public record Department(String id, String districtId, String code, String name, @Nullable String nameEn,
		boolean scores, boolean vets) {
}
