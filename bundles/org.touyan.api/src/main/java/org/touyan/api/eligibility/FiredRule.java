package org.touyan.api.eligibility;

/** A rule that fired: its id and text, and the evidence that made it fire. */
public record FiredRule(String ruleId, String text, String evidence) {
}
