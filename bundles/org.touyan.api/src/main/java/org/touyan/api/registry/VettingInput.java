package org.touyan.api.registry;

/** A vetting department's verdict: pass or fail, with a note (required for a fail). */
public record VettingInput(String departmentId, Boolean passed, String note) {
}
