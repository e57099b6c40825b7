package org.touyan.api.evaluation;

/**
 * One situation of a negative list.
 *
 * @param code stable identifier, e.g. {@code N01}
 * @param name the situation as users read it (Chinese), e.g. 以权谋私
 * @param nameEn an English name, or null
 */
public record NegativeItem(String code, String name, String nameEn, NegativeSeverity severity) {
}
