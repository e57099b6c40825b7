package org.touyan.api.registry;

import java.time.LocalDate;

import org.touyan.api.rest.Nullable;

/** A post to record for a person; {@code endDate} (and its reason) only for a post already over. */
public record PostInput(PostKind kind, String unitId, LocalDate startDate, @Nullable LocalDate endDate, @Nullable String endReason) {
}
