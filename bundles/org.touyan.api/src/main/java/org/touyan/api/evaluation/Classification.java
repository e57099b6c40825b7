package org.touyan.api.evaluation;

/** A classification's answer: the type and why, in words users read (Chinese). */
public record Classification(SecretaryType type, String explanation) {
}
