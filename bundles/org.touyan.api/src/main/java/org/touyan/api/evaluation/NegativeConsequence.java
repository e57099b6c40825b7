package org.touyan.api.evaluation;

/** What an incident of the negative list leads to. */
public enum NegativeConsequence {
	/** 批评教育、限期整改: criticism, then rectification by a deadline with follow-up records. */
	RECTIFICATION("批评教育、限期整改"),
	/** 调整退出: the secretary is adjusted out of the post, through a removal filing (规范备案). */
	ADJUSTMENT("调整退出");

	private final String displayName;

	NegativeConsequence(String displayName) {
		this.displayName = displayName;
	}

	public String displayName() {
		return displayName;
	}
}
