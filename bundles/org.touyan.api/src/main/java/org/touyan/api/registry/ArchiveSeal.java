package org.touyan.api.registry;

import java.time.Instant;

/** The seal put on a person's archive on departure (离任统一封存): when, by whom and why. */
public record ArchiveSeal(Instant sealedAt, String actor, String reason) {
}
