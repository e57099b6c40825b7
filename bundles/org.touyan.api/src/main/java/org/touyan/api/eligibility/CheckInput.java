package org.touyan.api.eligibility;

import java.time.LocalDate;
import java.util.Map;

import org.touyan.api.rest.Nullable;

/** A request to check a person: the declared facts, and the date to judge on (today when absent). */
public record CheckInput(@Nullable Map<String, Object> facts, @Nullable LocalDate asOf) {
}
