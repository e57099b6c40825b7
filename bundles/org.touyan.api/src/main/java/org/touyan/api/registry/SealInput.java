package org.touyan.api.registry;

/** Why an archive is sealed, e.g. 离任 or 调离本区. */
public record SealInput(String reason) {
}
