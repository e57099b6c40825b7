package org.touyan.evaluation.internal.cycle;

import java.math.BigDecimal;

import org.touyan.api.rest.Nullable;

/**
 * What a district says to create a cycle: the half-year and the score range its departments use
 * (0–100 when not given).
 */
public record CycleInput(String districtId, String period, @Nullable BigDecimal scoreMin, @Nullable BigDecimal scoreMax) {
}
