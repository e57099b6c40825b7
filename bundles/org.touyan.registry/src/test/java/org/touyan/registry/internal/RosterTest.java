package org.touyan.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touyan.api.registry.District;
import org.touyan.api.registry.ImportReport;
import org.touyan.api.registry.ImportReport.RowError;
import org.touyan.api.registry.PostKind;
import org.touyan.api.registry.Roster;
import org.touyan.api.registry.Street;
import org.touyan.api.registry.UnitInput;
import org.touyan.api.rest.Csv;
import org.touyan.api.rest.Paging;
import org.touyan.api.security.Masking;
import org.touyan.api.tabular.Column;
import org.touyan.api.tabular.Format;
import org.touyan.tabular.internal.TabularService;

class RosterTest {

	private OrgUnitsImpl units;
	private PeopleImpl people;
	private RosterImpl roster;
	private District district;

	private static final String A = IdNumberTest.withCheck("32010619850315001");
	private static final String B = IdNumberTest.withCheck("32010619900101002");

	@BeforeEach
	void setUp() throws Exception {
		MemoryStore store = MemoryStore.registry();
		units = new OrgUnitsImpl(store);
		people = new PeopleImpl(store);
		roster = new RosterImpl(store);
		district = units.createDistrict(new UnitInput(null, "D1", "示范区", null));
		Street street = units.createStreet(new UnitInput(district.id(), "DC", "东城街道", null));
		units.createCommunity(new UnitInput(street.id(), "K1", "东湖社区", null));
		units.createCommunity(new UnitInput(street.id(), "K2", "翠园社区", null));
	}

	private String csv(String... rows) {
		return Roster.COLUMNS + "\r\n" + String.join("\r\n", rows) + "\r\n";
	}

	@Test
	void aValidRosterImportsPeopleAndPostsAndExportsThemWithMaskedNumbers() {
		String in = csv(
				"王建国," + A + ",,,13800000000,大学本科,2008-07-01,COMMUNITY_SECRETARY,DC/K1,2021/1/10,,",
				"王建国," + A + ",,,,,,COMMITTEE_MEMBER,DC/K2,2018-01-01,2021-01-09,\"换届, 改任书记\"",
				"\"李秀英\"," + B + ",female,1990-01-01,,,,,,,,");
		ImportReport report = roster.importCsv(district.id(), in, "组织部");
		assertTrue(report.written(), report.errors().toString());
		assertEquals(3, report.rows());
		assertEquals(2, report.peopleCreated());
		assertEquals(2, report.postsCreated());
		assertEquals(1, people.posts(null, null, PostKind.COMMUNITY_SECRETARY, true, Paging.of(0, 10)).total());

		String out = roster.exportCsv(district.id());
		List<List<String>> rows = Csv.parse(out);
		assertEquals(RosterImpl.HEADER, rows.get(0));
		assertEquals(4, rows.size());
		assertTrue(out.contains("\"换届, 改任书记\""), out);
		assertTrue(out.contains("DC/K1,2021-01-10"), out);

		assertTrue(out.contains(Masking.mask("idNumber", A) + ","), out);
		assertTrue(out.contains(",138****0000,"), out);
		assertFalse(out.contains(A), "the export carries no unmasked ID number");
		assertFalse(out.contains("13800000000"), "the export carries no unmasked phone");
	}

	@Test
	void anyFaultyRowWritesNothingAndEveryFaultIsReported() {
		String in = csv(
				"王建国," + A + ",,,,,2008-07-01,COMMUNITY_SECRETARY,DC/K1,2021-01-10,,",
				"李秀英," + B.substring(0, 17) + "0,,,,,,,,,,",
				"张伟," + IdNumberTest.withCheck("32010619800808003") + ",,,,,,COMMUNITY_SECRETARY,DC/K1,2022-01-01,,",
				"赵敏," + IdNumberTest.withCheck("32010619820808004") + ",,,,,,SECRETARY_ASSISTANT,DC/K9,2022-01-01,,",
				"钱多," + IdNumberTest.withCheck("32010619830808005") + ",,,,,,SECRETARY_ASSISTANT,DC/K2,2022-01-01,2021-01-01,",
				"王建军," + A + ",,,,,,,,,,");
		ImportReport report = roster.importCsv(district.id(), in, null);
		assertFalse(report.written());
		assertEquals(List.of(new RowError(3, "idNumber", null), new RowError(4, "unit", null), new RowError(5, "unit", null),
				new RowError(6, "postEnd", null), new RowError(7, "name", null)),
				report.errors().stream().map(e -> new RowError(e.row(), e.field(), null)).toList());
		assertEquals(0, people.people(district.id(), null, Paging.of(0, 10)).total());
	}

	@Test
	void theHeaderIsChecked() {
		ImportReport report = roster.importCsv(district.id(), "name,colour\r\n王建国,红\r\n", null);
		assertFalse(report.written());
		assertEquals(List.of("colour", "idNumber"), report.errors().stream().map(RowError::field).toList());
	}

	@Test
	void anXlsxExportHasChineseHeadersAndMaskedNumbersAndImportsAgain() throws Exception {
		assertTrue(roster.importCsv(district.id(), csv("=HYPERLINK(\"http://x\"),"+ A + ",,,13800000000,,,COMMUNITY_SECRETARY,DC/K1,2021-01-10,,"),
				"组织部").written());
		TabularService tabular = new TabularService();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		tabular.write(roster.export(district.id()), Format.XLSX, out);
		List<List<String>> rows = tabular.read(Format.XLSX, new ByteArrayInputStream(out.toByteArray()));
		assertEquals(Roster.TABLE.stream().map(Column::label).toList(), rows.get(0));
		assertEquals("=HYPERLINK(\"http://x\")", rows.get(1).get(0), "the apostrophe the export put in front is taken off again");
		assertEquals(Masking.mask("idNumber", A), rows.get(1).get(1));
		assertEquals("138****0000", rows.get(1).get(4));

		// as exported, the masked number is refused on its row, by its column's key, and nothing is written
		ImportReport masked = roster.importRows(district.id(), rows, null);
		assertFalse(masked.written());
		assertEquals(List.of(new RowError(2, "idNumber", null)), masked.errors().stream().map(e -> new RowError(e.row(), e.field(), null)).toList());

		// with the numbers put back and the post left out (it is on record), the same person
		List<List<String>> again = new ArrayList<>(List.of(rows.get(0)));
		List<String> row = new ArrayList<>(rows.get(1).subList(0, 7));
		row.set(1, A);
		row.set(4, "13800000000");
		again.add(row);
		ImportReport report = roster.importRows(district.id(), again, null);
		assertTrue(report.written(), report.errors().toString());
		assertEquals(0, report.peopleCreated());
	}
}
