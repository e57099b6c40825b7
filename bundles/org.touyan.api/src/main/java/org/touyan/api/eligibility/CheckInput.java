package org.touyan.api.eligibility;

import java.time.LocalDate;
import java.util.Map;

/** A request to check a person: the declared facts, and the date to judge on (today when absent). */
public record CheckInput(Map<String, Object> facts, LocalDate asOf) {
}
