package org.touyan.api.registry;

import org.touyan.api.rest.Nullable;

/** A vetting department's verdict: pass or fail, with a note (required for a fail). */
public record VettingInput(String departmentId, Boolean passed, @Nullable String note) {
}
