package org.touyan.api.registry;

import java.time.Instant;

import org.touyan.api.rest.Nullable;

/** One department's verdict in the joint vetting (联查联审) of a filing's candidate. */
public record Vetting(String departmentId, boolean passed, @Nullable String note, Instant at, String actor) {
}
