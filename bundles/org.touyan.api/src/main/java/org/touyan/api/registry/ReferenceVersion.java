package org.touyan.api.registry;

import java.time.LocalDate;
import java.util.List;

/**
 * One version of a district's reference list, in force from {@code effectiveFrom} until the next
 * version's date. Versions never change; a new text is a new version.
 */
public record ReferenceVersion(String id, String districtId, ReferenceKind kind, int version, LocalDate effectiveFrom,
		List<ReferenceCategory> categories) {
}
