package org.touyan.api.registry;

import java.time.Instant;

import org.touyan.api.rest.Nullable;

/** A step of one filing, numbered from 1; done when {@code doneAt} is set. */
public record FilingStep(int position, String code, String name, @Nullable Instant doneAt, @Nullable String actor, @Nullable String note) {
}
