package org.touyan.api.registry;

import java.time.LocalDate;

/** A post to record for a person; {@code endDate} (and its reason) only for a post already over. */
public record PostInput(PostKind kind, String unitId, LocalDate startDate, LocalDate endDate, String endReason) {
}
