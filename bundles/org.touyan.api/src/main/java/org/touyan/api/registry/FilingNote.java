package org.touyan.api.registry;

/** A note recorded with a filing step, the district filing or a withdrawal. */
public record FilingNote(String note) {
}
