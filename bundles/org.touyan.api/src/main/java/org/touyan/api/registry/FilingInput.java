package org.touyan.api.registry;

import java.time.LocalDate;

import org.touyan.api.rest.Nullable;

/**
 * Opens a filing. An appointment names the person and the community; a removal names the
 * current secretary post ({@code postId}) to end. {@code effectiveDate} is when the change applies.
 */
public record FilingInput(String districtId, FilingKind kind, String personId, @Nullable String communityId, @Nullable String postId,
		@Nullable LocalDate effectiveDate) {
}
