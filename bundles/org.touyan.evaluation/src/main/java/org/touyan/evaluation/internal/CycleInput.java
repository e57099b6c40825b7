package org.touyan.evaluation.internal;

import java.math.BigDecimal;

/**
 * What a district says to create a cycle: the half-year and the score range its departments use
 * (0–100 when not given).
 */
public record CycleInput(String districtId, String period, BigDecimal scoreMin, BigDecimal scoreMax) {
}
