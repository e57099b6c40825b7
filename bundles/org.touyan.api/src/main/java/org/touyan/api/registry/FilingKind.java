package org.touyan.api.registry;

/** What a mid-term adjustment filing (届中调整规范备案) changes. */
public enum FilingKind {
	/** A new community Party secretary takes up the post (任职). */
	APPOINTMENT("任职"),
	/** A community Party secretary leaves the post (免职). */
	REMOVAL("免职");

	private final String displayName;

	FilingKind(String displayName) {
		this.displayName = displayName;
	}

	/** Its Chinese display name. */
	public String displayName() {
		return displayName;
	}
}
