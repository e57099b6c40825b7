package org.touyan.tabular.internal;

import org.touyan.api.rest.ProblemException;
import org.touyan.api.tabular.Tabular;

/** The problems of an upload too large to import, the same for CSV and xlsx. */
final class Limits {

	private Limits() {
	}

	static ProblemException tooManyRows() {
		return new ProblemException(413, "Payload too large", "表格超过 " + Tabular.MAX_ROWS + " 行数据的上限，请分批导入",
				"the table has more than " + Tabular.MAX_ROWS + " data rows; import it in parts", null);
	}

	static ProblemException tooManyColumns() {
		return new ProblemException(413, "Payload too large", "表格超过 " + Tabular.MAX_COLUMNS + " 列的上限",
				"the table has more than " + Tabular.MAX_COLUMNS + " columns", null);
	}

	static ProblemException notXlsx(String detail, String detailEn) {
		return new ProblemException(400, "Invalid spreadsheet", detail, detailEn, null);
	}
}
