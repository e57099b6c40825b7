package org.touyan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipFile;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.Bundle;
import org.touyan.api.registry.Roster;
import org.touyan.api.tabular.Column;
import org.touyan.api.tabular.Format;
import org.touyan.api.tabular.Table;
import org.touyan.api.tabular.Tabular;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The xlsx side of the tables: the tabular bundle, POI inside it, resolves and serves in the
 * platform's own framework, and a roster leaves as a workbook (Chinese headers, masked numbers, a
 * formula-looking name as neutralised text) and comes back through the same import as CSV, over HTTP.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class XlsxIT extends PlatformTest {

	private static final String LINK = "=HYPERLINK(\"http://x\",\"点我\")";

	private Tabular tabular() {
		Bundle bundle = null;
		for (Bundle b : context.getBundles()) {
			if (b.getSymbolicName().equals("org.touyan.tabular")) {
				bundle = b;
			}
		}
		assertNotNull("the tabular bundle is a run bundle", bundle);
		assertEquals("the tabular bundle is active", Bundle.ACTIVE, bundle.getState());
		Tabular service = context.getService(context.getServiceReference(Tabular.class));
		assertNotNull(service);
		return service;
	}

	@Test
	public void aRosterExportsAsAWorkbookAndImportsAgainOverHttp() throws Exception {
		Tabular tabular = tabular();
		String district = create("/api/districts", "{\"code\":\"X" + UUID.randomUUID().toString().substring(0, 8) + "\",\"name\":\"表格区\"}");
		String street = create("/api/streets", "{\"parentId\":\"" + district + "\",\"code\":\"S1\",\"name\":\"湖畔街道\"}");
		String community = create("/api/communities", "{\"parentId\":\"" + street + "\",\"code\":\"K1\",\"name\":\"东湖社区\"}");
		String number = idNumber("32010619850315001");
		String person = create("/api/people", "{\"districtId\":\"" + district + "\",\"name\":\"=HYPERLINK(\\\"http://x\\\",\\\"点我\\\")\",\"idNumber\":\""
				+ number + "\",\"phone\":\"13800000001\"}");
		create("/api/people/" + person + "/posts", "{\"kind\":\"COMMUNITY_SECRETARY\",\"unitId\":\"" + community + "\",\"startDate\":\"2021-01-10\"}");
		String roster = base() + "/api/districts/" + district + "/roster";

		Download byQuery = download(HttpRequest.newBuilder(URI.create(roster + "?format=xlsx")).GET());
		assertEquals(200, byQuery.status());
		assertEquals(Tabular.XLSX, byQuery.contentType());
		assertTrue(byQuery.disposition(), byQuery.disposition().contains("roster.xlsx"));
		Download byAccept = download(HttpRequest.newBuilder(URI.create(roster)).header("Accept", Tabular.XLSX).GET());
		assertEquals(Tabular.XLSX, byAccept.contentType());
		Download csv = download(HttpRequest.newBuilder(URI.create(roster)).GET());
		assertTrue(csv.contentType(), csv.contentType().startsWith("text/csv"));

		// as the workbook holds it: the name as text with the apostrophe in front, no formula anywhere
		String sheet = part(byQuery.body(), "xl/worksheets/sheet1.xml");
		assertTrue(sheet, sheet.contains("<t>'=HYPERLINK(&quot;http://x&quot;,&quot;点我&quot;)</t>")
				|| sheet.contains("<t>'=HYPERLINK(\"http://x\",\"点我\")</t>"));
		assertFalse("no formula cell", sheet.contains("<f>") || sheet.contains("<f "));
		assertFalse("no unmasked ID number", sheet.contains(number));
		assertFalse("no unmasked phone", sheet.contains("13800000001"));

		List<List<String>> rows = tabular.read(Format.XLSX, new ByteArrayInputStream(byQuery.body()));
		assertEquals(Roster.TABLE.stream().map(Column::label).toList(), rows.get(0));
		assertEquals(2, rows.size());
		assertEquals(LINK, rows.get(1).get(0));
		assertEquals("138****0001", rows.get(1).get(4));
		assertEquals("S1/K1", rows.get(1).get(8));

		// as exported, the masked number is refused on its row and nothing is written
		Reply refused = send(HttpRequest.newBuilder(URI.create(roster)).header("Content-Type", Tabular.XLSX)
				.POST(HttpRequest.BodyPublishers.ofByteArray(xlsx(tabular, rows))));
		assertEquals(refused.toString(), 422, refused.status());
		JsonNode fault = refused.json().get("errors").get(0);
		assertEquals(2, fault.get("row").asInt());
		assertEquals("idNumber", fault.get("field").asText());

		// with the numbers put back and the post left out (it is on record): the same person, nobody new
		List<String> row = new ArrayList<>(rows.get(1));
		row.set(1, number);
		row.set(4, "13800000001");
		for (int i = 7; i < row.size(); i++) {
			row.set(i, "");
		}
		Reply imported = send(HttpRequest.newBuilder(URI.create(roster)).header("Content-Type", Tabular.XLSX)
				.POST(HttpRequest.BodyPublishers.ofByteArray(xlsx(tabular, List.of(rows.get(0), row)))));
		assertEquals(imported.toString(), 200, imported.status());
		assertEquals(0, imported.json().get("peopleCreated").asInt());
		assertEquals(1, get("/api/people?district=" + district).json().get("total").asInt());
	}

	@Test
	public void aFileThatIsNoWorkbookIsAProblemAndStoresNothing() throws Exception {
		tabular();
		String district = create("/api/districts", "{\"code\":\"X" + UUID.randomUUID().toString().substring(0, 8) + "\",\"name\":\"坏表区\"}");
		String roster = base() + "/api/districts/" + district + "/roster";
		String csv = Roster.COLUMNS + "\r\n王建国," + idNumber("32010619850315001") + ",,,,,,,,,,\r\n";
		Reply notZip = send(HttpRequest.newBuilder(URI.create(roster)).header("Content-Type", Tabular.XLSX)
				.POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)));
		JsonNode problem = assertProblem(notZip, 400);
		assertTrue(problem.toString(), problem.get("detail").asText().contains("不是 Excel 工作簿"));
		Reply wrongType = send(HttpRequest.newBuilder(URI.create(roster)).header("Content-Type", "application/vnd.ms-excel")
				.POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)));
		assertEquals(wrongType.toString(), 415, wrongType.status());
		Reply badFormat = get("/api/districts/" + district + "/roster?format=xls");
		assertEquals("format", assertProblem(badFormat, 400).get("field").asText());
		assertEquals(0, get("/api/people?district=" + district).json().get("total").asInt());
	}

	private static byte[] xlsx(Tabular tabular, List<List<String>> rows) throws Exception {
		Table table = new Table("roster", Roster.TABLE);
		rows.subList(1, rows.size()).forEach(table::row);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		tabular.write(table, Format.XLSX, out);
		return out.toByteArray();
	}

	private static String part(byte[] zip, String name) throws Exception {
		Path file = Files.createTempFile("export", ".xlsx");
		try (ZipFile z = new ZipFile(Files.write(file, zip).toFile())) {
			return new String(z.getInputStream(z.getEntry(name)).readAllBytes(), StandardCharsets.UTF_8);
		} finally {
			Files.delete(file);
		}
	}
}
