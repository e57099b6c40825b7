package org.touyan.api.registry;

/** The posts the registry tracks, with the unit each is held in. */
public enum PostKind {

	/** 社区党组织书记, in a community; at most one at a time per community. */
	COMMUNITY_SECRETARY("社区党组织书记", false),
	/** 社区“两委”成员, in a community. */
	COMMITTEE_MEMBER("社区“两委”成员", false),
	/** 书记助理, in a community. */
	SECRETARY_ASSISTANT("书记助理", false),
	/** 第一书记: a street cadre dispatched to a community; at most one at a time per community. */
	FIRST_SECRETARY("第一书记", false),
	/** 街道机关干部, in a street. */
	STREET_CADRE("街道机关干部", true);

	private final String displayName;
	private final boolean inStreet;

	PostKind(String displayName, boolean inStreet) {
		this.displayName = displayName;
		this.inStreet = inStreet;
	}

	/** Its Chinese display name. */
	public String displayName() {
		return displayName;
	}

	/** Whether the post is held in a street rather than a community. */
	public boolean inStreet() {
		return inStreet;
	}

	/** Whether a community has at most one holder of the post at any date. */
	public boolean exclusive() {
		return this == COMMUNITY_SECRETARY || this == FIRST_SECRETARY;
	}
}
