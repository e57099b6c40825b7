package org.touyan.api.eligibility;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.touyan.api.policy.Provenance;

/**
 * A stored eligibility check: eligible when no rule fired; otherwise every rule that fired with its
 * text and evidence. {@code provenance} names the rule-set bundle, its version and policy id.
 */
public record EligibilityCheck(String id, String personId, LocalDate asOf, Map<String, Object> facts, boolean eligible,
		List<FiredRule> fired, Provenance provenance, Instant checkedAt, String actor) {
}
