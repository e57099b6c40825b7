package org.touyan.api.registry;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.touyan.api.rest.Csv;
import org.touyan.api.tabular.Column;
import org.touyan.api.tabular.Table;

/**
 * Rosters as tables (CSV or xlsx), the way they arrive from spreadsheets: one row per post (or per
 * person without one) with the columns {@link #COLUMNS}, headed by their keys or by their Chinese
 * labels ({@link #TABLE}). A unit is written {@code STREET} or {@code STREET/COMMUNITY} by code.
 * Export writes the same columns, so an export imports again.
 */
@ProviderType
public interface Roster {

	String COLUMNS = "name,idNumber,gender,birthDate,phone,education,partyMemberSince,postKind,unit,postStart,postEnd,postEndReason";

	/** The columns of {@link #COLUMNS} with the Chinese header an xlsx export writes and an import accepts. */
	List<Column> TABLE = List.of(Column.of("name", "姓名"), Column.of("idNumber", "公民身份号码"), Column.of("gender", "性别"),
			Column.of("birthDate", "出生日期"), Column.of("phone", "联系电话"), Column.of("education", "学历"),
			Column.of("partyMemberSince", "入党时间"), Column.of("postKind", "岗位类别"), Column.of("unit", "任职单位"),
			Column.of("postStart", "任职开始日期"), Column.of("postEnd", "任职结束日期"), Column.of("postEndReason", "离任原因"));

	/**
	 * Imports people and posts into a district from the rows of a table, header first. Every row is
	 * checked first; when any row fails nothing is written and the report lists every fault.
	 */
	ImportReport importRows(String districtId, List<List<String>> rows, String actor);

	/** The district's people and posts in the columns the import reads; ID numbers and phones masked. */
	Table export(String districtId);

	/** {@link #importRows} of a CSV text. */
	default ImportReport importCsv(String districtId, String csv, String actor) {
		return importRows(districtId, Csv.parse(csv == null ? "" : csv), actor);
	}

	/** {@link #export} as CSV text. */
	default String exportCsv(String districtId) {
		return export(districtId).csv();
	}
}
