package org.touyan.api.registry;

import java.util.List;

/** A named group of a reference list, e.g. a duty category with its items. */
public record ReferenceCategory(String name, List<String> items) {
}
