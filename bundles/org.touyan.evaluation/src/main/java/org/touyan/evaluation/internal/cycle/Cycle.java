package org.touyan.evaluation.internal.cycle;

import java.math.BigDecimal;
import java.time.Instant;

import org.touyan.api.rest.Nullable;

/**
 * A half-year evaluation cycle of one district, as stored and as the API shows it.
 *
 * @param pinKey the key the cycle's policy bindings are pinned under while it runs, unique
 *        platform-wide because it starts with the district's code (e.g. {@code DEMO-2026-H1})
 * @param scoreMin the lowest score a department may enter in this cycle
 * @param scoreMax the highest
 */
public record Cycle(String id, String districtId, String period, @Nullable String pinKey, CycleStatus status, String statusName,
		@Nullable BigDecimal scoreMin, @Nullable BigDecimal scoreMax, Instant createdAt, Instant updatedAt) {
}
