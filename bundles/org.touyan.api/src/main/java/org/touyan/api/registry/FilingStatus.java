package org.touyan.api.registry;

/** Where a filing stands: open while its steps run, then filed at district level or withdrawn. */
public enum FilingStatus {
	OPEN("办理中"),
	/** 区级备案 done: the post change took effect. */
	FILED("已备案"),
	WITHDRAWN("已撤回");

	private final String displayName;

	FilingStatus(String displayName) {
		this.displayName = displayName;
	}

	/** Its Chinese display name. */
	public String displayName() {
		return displayName;
	}
}
