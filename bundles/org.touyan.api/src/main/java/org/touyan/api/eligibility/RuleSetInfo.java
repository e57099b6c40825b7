package org.touyan.api.eligibility;

import java.util.List;

import org.touyan.api.policy.Provenance;

/** An installed rule set: its policy id and names, where it comes from, and its rules. */
public record RuleSetInfo(String id, String name, String nameEn, Provenance provenance, List<Rule> rules) {
}
