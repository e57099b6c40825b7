package org.touyan.api.eligibility;

import org.touyan.api.rest.Nullable;

/**
 * One disqualifying situation of a rule set.
 *
 * @param text the situation as users read it, in Chinese
 * @param fact the declared fact it reads, or null when it reads the person's record only
 */
public record Rule(String id, String text, @Nullable String fact) {
}
