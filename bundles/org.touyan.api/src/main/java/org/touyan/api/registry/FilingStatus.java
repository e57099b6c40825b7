package org.touyan.api.registry;

/** Where a filing stands: open while its steps run, then filed at district level or withdrawn. */
public enum FilingStatus {
	OPEN,
	/** 区级备案 done: the post change took effect. */
	FILED,
	WITHDRAWN
}
