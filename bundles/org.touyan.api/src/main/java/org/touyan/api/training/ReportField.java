package org.touyan.api.training;

/**
 * A field of a report a plugin asks for: a key, a display name (Chinese first) and whether it is
 * required. Shared by training brands and pairing programmes.
 */
public record ReportField(String key, String name, String nameEn, boolean required) {
}
