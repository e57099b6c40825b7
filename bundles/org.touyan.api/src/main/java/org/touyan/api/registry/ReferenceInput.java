package org.touyan.api.registry;

import java.time.LocalDate;
import java.util.List;

/** A new version of a reference list; it must take effect after the latest version. */
public record ReferenceInput(LocalDate effectiveFrom, List<ReferenceCategory> categories) {
}
