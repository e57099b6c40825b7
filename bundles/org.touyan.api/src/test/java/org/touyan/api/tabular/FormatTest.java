package org.touyan.api.tabular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.touyan.api.rest.ProblemException;

class FormatTest {

	@Test
	void anExportIsCsvUnlessAskedForXlsx() {
		assertEquals(Format.CSV, Format.negotiate(null, null));
		assertEquals(Format.CSV, Format.negotiate(null, "*/*"));
		assertEquals(Format.CSV, Format.negotiate(null, "text/csv, " + Tabular.XLSX));
		assertEquals(Format.XLSX, Format.negotiate(null, Tabular.XLSX));
		assertEquals(Format.XLSX, Format.negotiate(null, Tabular.XLSX + ", text/csv;q=0.5"));
		assertEquals(Format.XLSX, Format.negotiate("xlsx", "text/csv"));
		assertEquals(Format.CSV, Format.negotiate("CSV", Tabular.XLSX));
		ProblemException e = assertThrows(ProblemException.class, () -> Format.negotiate("xls", null));
		assertEquals(400, e.status());
		assertEquals("format", e.field());
	}

	@Test
	void anUploadIsReadByItsContentType() {
		assertEquals(Format.CSV, Format.ofContentType("text/csv; charset=UTF-8"));
		assertEquals(Format.XLSX, Format.ofContentType(Tabular.XLSX));
		assertEquals(415, assertThrows(ProblemException.class, () -> Format.ofContentType("application/vnd.ms-excel")).status());
		assertEquals(415, assertThrows(ProblemException.class, () -> Format.ofContentType(null)).status());
	}

	@Test
	void chineseLabelsInAHeaderAreReadAsTheirKeys() {
		List<Column> columns = List.of(Column.of("communityId", "社区ID"), Column.of("score", "得分"));
		assertEquals(List.of(List.of("communityId", "score", "备注"), List.of("社区ID", "1")),
				Column.keyed(List.of(List.of(" 社区ID ", "score", "备注"), List.of("社区ID", "1")), columns));
		assertEquals(List.of(), Column.keyed(List.of(), columns));
	}

	@Test
	void aTableRefusesARowWiderThanItsColumns() {
		Table t = new Table("t", Column.of("a"));
		t.row("x");
		assertThrows(IllegalArgumentException.class, () -> t.row("x", "y"));
		assertEquals(1, t.rows().size());
	}
}
