package org.touyan.api.registry;

/** The two tiers of the reserve pipeline (雏雁储备). */
public enum ReserveTier {
	/** 两委后备: e.g. outstanding post-1995 community workers, reserve for the committee. */
	COMMITTEE_RESERVE("两委后备"),
	/** 书记后备: serving committee members (两委), reserve for the secretary post. */
	SECRETARY_RESERVE("书记后备");

	private final String displayName;

	ReserveTier(String displayName) {
		this.displayName = displayName;
	}

	/** Its Chinese display name. */
	public String displayName() {
		return displayName;
	}
}
