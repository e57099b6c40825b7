package org.touyan.api.policy;

/**
 * Which code produced a result: the plugin bundle and version, the policy id inside it, and the
 * revision of the binding (which plugin serves which SPI where) in force at the time. Every stored
 * result a policy computes carries one, so a rating can always be traced to the code that made it.
 */
public record Provenance(String bundle, String version, String policyId, long bindingRevision) {

	@Override
	public String toString() {
		return policyId + " (" + bundle + " " + version + ", binding r" + bindingRevision + ")";
	}
}
