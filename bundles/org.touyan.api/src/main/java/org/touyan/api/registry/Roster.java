package org.touyan.api.registry;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Rosters as CSV, the way they arrive from spreadsheets: one row per post (or per person without
 * one) with the columns {@link #COLUMNS}. A unit is written {@code STREET} or {@code STREET/COMMUNITY}
 * by code. Export writes the same columns, so an export imports again.
 */
@ProviderType
public interface Roster {

	String COLUMNS = "name,idNumber,gender,birthDate,phone,education,partyMemberSince,postKind,unit,postStart,postEnd,postEndReason";

	/**
	 * Imports people and posts into a district. Every row is checked first; when any row fails
	 * nothing is written and the report lists every fault.
	 */
	ImportReport importCsv(String districtId, String csv, String actor);

	String exportCsv(String districtId);
}
