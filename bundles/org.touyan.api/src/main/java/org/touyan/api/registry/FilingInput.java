package org.touyan.api.registry;

import java.time.LocalDate;

/**
 * Opens a filing. An appointment names the person and the community; a removal names the
 * current secretary post ({@code postId}) to end. {@code effectiveDate} is when the change applies.
 */
public record FilingInput(String districtId, FilingKind kind, String personId, String communityId, String postId,
		LocalDate effectiveDate) {
}
