package org.touyan.api.registry;

/**
 * One of the six standard steps of a district's filing procedure, e.g. {@code PROPOSAL} 动议酝酿.
 * The first three are fixed by the Organization Department's rules; a district names the others.
 */
public record FilingStepDefinition(String code, String name, String nameEn) {
}
