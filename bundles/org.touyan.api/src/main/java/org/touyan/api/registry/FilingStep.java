package org.touyan.api.registry;

import java.time.Instant;

/** A step of one filing, numbered from 1; done when {@code doneAt} is set. */
public record FilingStep(int position, String code, String name, Instant doneAt, String actor, String note) {
}
