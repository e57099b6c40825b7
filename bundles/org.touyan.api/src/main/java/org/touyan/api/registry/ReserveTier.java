package org.touyan.api.registry;

/** The two tiers of the reserve pipeline (雏雁储备). */
public enum ReserveTier {
	/** 两委后备: e.g. outstanding post-1995 community workers, reserve for the committee. */
	COMMITTEE_RESERVE,
	/** 书记后备: outstanding committee members and assistants, reserve for the secretary post. */
	SECRETARY_RESERVE
}
