package org.touyan.api.registry;

/** The five roles of a street's five-person working group (五人工作小组) for the committee election. */
public enum WorkingGroupRole {
	/** 工委书记牵头抓总. */
	LEAD("工委书记", "牵头抓总"),
	/** 街道主任协助指挥. */
	ASSIST("街道主任", "协助指挥"),
	/** 政工书记重点攻坚. */
	KEY_TASKS("政工书记", "重点攻坚"),
	/** 组织委员专职推进. */
	DRIVE("组织委员", "专职推进"),
	/** 纪工委书记全程监督. */
	SUPERVISE("纪工委书记", "全程监督");

	private final String holder;
	private final String duty;

	WorkingGroupRole(String holder, String duty) {
		this.holder = holder;
		this.duty = duty;
	}

	/** Who fills the role, in Chinese. */
	public String holder() {
		return holder;
	}

	/** Its Chinese display name: who fills it and what it does. */
	public String displayName() {
		return holder + duty;
	}

	/** What the role does, in Chinese. */
	public String duty() {
		return duty;
	}
}
