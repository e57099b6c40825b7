package org.touyan.api.registry;

import org.touyan.api.rest.Nullable;

/** A note recorded with a filing step, the district filing or a withdrawal. */
public record FilingNote(@Nullable String note) {
}
