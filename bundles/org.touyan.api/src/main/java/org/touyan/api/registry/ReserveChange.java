package org.touyan.api.registry;

import java.time.LocalDate;

/** A promotion to the secretary reserve or a departure from the pipeline: when and why. */
public record ReserveChange(LocalDate date, String reason) {
}
