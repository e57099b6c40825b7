package org.touyan.api.policy;

/**
 * A policy plugin failed for one unit of work: it threw, ran past its time limit, or answered
 * something out of range. REST answers 502 with the reason and the plugin's provenance; the
 * platform and other units carry on.
 */
public class PolicyFailureException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient Provenance provenance;

	public PolicyFailureException(Provenance provenance, String reason) {
		super("Policy " + provenance + " " + reason);
		this.provenance = provenance;
	}

	public PolicyFailureException(Provenance provenance, String reason, Throwable cause) {
		super("Policy " + provenance + " " + reason, cause);
		this.provenance = provenance;
	}

	public Provenance provenance() {
		return provenance;
	}
}
