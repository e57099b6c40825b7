package org.touyan.api.evaluation;

/**
 * How heavy a negative-list situation is: lighter cases (作风不实, 干劲不足…) call for criticism and
 * rectification, serious ones (岗位目标任务完成差, 以权谋私, 群众反映强烈…) for adjustment.
 */
public enum NegativeSeverity {
	/** 较轻. */
	LIGHTER("较轻"),
	/** 严重. */
	SERIOUS("严重");

	private final String displayName;

	NegativeSeverity(String displayName) {
		this.displayName = displayName;
	}

	public String displayName() {
		return displayName;
	}
}
