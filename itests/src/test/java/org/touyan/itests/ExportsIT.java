package org.touyan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.touyan.api.rest.Csv;
import org.touyan.api.tabular.Format;
import org.touyan.api.tabular.Tabular;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every CSV export is safe to open in a spreadsheet: text that Excel or WPS would run as a formula
 * (a person named {@code =HYPERLINK(…)}, a street named {@code @…}) leaves with an apostrophe in
 * front, numbers the platform writes stay numbers, and a roster export reads back exactly, 𠮷 and
 * all. The exports checked are every {@code text/csv} GET of the OpenAPI document, each also as an
 * xlsx workbook, whose cells are strings or numbers, never formulas, neutralised the same way.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ExportsIT extends PlatformTest {

	private static final String LINK = "=HYPERLINK(\"http://x\",\"点我\")";
	private static final String PLUS = "+SUM(1,2)";
	private static final String MINUS = "-2+3";
	private static final String AT = "@SUM(A1)";
	private static final String RARE = "𠮷𡈼";
	private static final String FORMULA_START = "=+-@\t\r";

	@Test
	public void everyCsvExportWritesWhatASpreadsheetWouldRunAsTextAndARosterReadsBackExactly() throws Exception {
		int year = LocalDate.now().getYear();
		String district = create("/api/districts", "{\"code\":\"X" + UUID.randomUUID().toString().substring(0, 8) + "\",\"name\":\"导出区\"}");
		String street = create("/api/streets", "{\"parentId\":\"" + district + "\",\"code\":\"S1\",\"name\":\"" + AT + "\"}");
		String k1 = create("/api/communities", "{\"parentId\":\"" + street + "\",\"code\":\"K1\",\"name\":\"" + PLUS + "\"}");
		String k2 = create("/api/communities", "{\"parentId\":\"" + street + "\",\"code\":\"K2\",\"name\":\"翠园社区\"}");
		Map<String, String> idNumbers = new LinkedHashMap<>();
		idNumbers.put(LINK, idNumber("32010619850315001"));
		idNumbers.put(RARE, idNumber("32010619600315002"));
		idNumbers.put(MINUS, idNumber("32010619700315003"));
		String linked = secretary(district, k1, LINK, idNumbers.get(LINK));
		secretary(district, k2, RARE, idNumbers.get(RARE));
		create("/api/people", "{\"districtId\":\"" + district + "\",\"name\":\"" + json(MINUS) + "\",\"idNumber\":\"" + idNumbers.get(MINUS)
				+ "\",\"phone\":\"13800000003\"}");

		// the training year, with user text in every section that exports any
		assertEquals(200, send("PUT", "/api/plugins/bindings", "application/json", "{\"spi\":\"TrainingBrand\",\"streetId\":\"" + street
				+ "\",\"policyId\":\"xiaozao-classroom\"}").status());
		assertEquals(200, send("PUT", "/api/plugins/bindings", "application/json", "{\"spi\":\"PairingProgramme\",\"districtId\":\""
				+ district + "\",\"policyId\":\"tangqiao\"}").status());
		create("/api/training/plans", "{\"districtId\":\"" + district + "\",\"year\":" + year + ",\"requiredHours\":4,\"brands\":[{\"streetId\":\""
				+ street + "\",\"name\":\"" + json(MINUS) + "\"}]}");
		create("/api/shadowing", "{\"districtId\":\"" + district + "\",\"personId\":\"" + linked + "\",\"city\":\"" + json(AT)
				+ "\",\"host\":\"" + json(LINK) + "\",\"startDate\":\"" + LocalDate.now().minusDays(40) + "\",\"endDate\":\""
				+ LocalDate.now().minusDays(10) + "\"}");
		create("/api/pairing/projects", "{\"districtId\":\"" + district + "\",\"title\":\"" + json(PLUS) + "\",\"ownerId\":\"" + linked
				+ "\",\"communityId\":\"" + k1 + "\",\"milestones\":3}");

		String cycle = demoCycle();
		Map<String, String> exports = new LinkedHashMap<>();
		exports.put("/api/districts/{id}/roster", "/api/districts/" + district + "/roster");
		for (String section : List.of("hours", "streets", "brands", "events", "shadowing", "dispatches", "projects")) {
			exports.put("/api/training-reports/{section}#" + section, "/api/training-reports/" + section + "?district=" + district + "&year=" + year);
		}
		exports.put("/api/evaluation-cycles/{id}/ratings.csv", "/api/evaluation-cycles/" + cycle + "/ratings.csv");
		String department = get("/api/evaluation-cycles/" + cycle + "/scores?limit=1").json().get("items").get(0).get("departmentId").asText();
		exports.put("/api/evaluation-cycles/{id}/scores.csv", "/api/evaluation-cycles/" + cycle + "/scores.csv?department=" + department);
		for (String section : List.of("stars", "grades", "types", "mentoring", "incidents")) {
			exports.put("/api/evaluation-cycles/{id}/summary/{section}#" + section, "/api/evaluation-cycles/" + cycle + "/summary/" + section);
		}

		// every CSV the document lists is checked here
		Set<String> documented = new TreeSet<>();
		JsonNode paths = get("/api/openapi.json").json().get("paths");
		for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
			Map.Entry<String, JsonNode> path = it.next();
			path.getValue().path("get").path("responses").path("200").path("content").fieldNames().forEachRemaining(media -> {
				if (media.startsWith("text/csv")) {
					documented.add(path.getKey());
				}
			});
		}
		Set<String> checked = new TreeSet<>();
		exports.keySet().forEach(k -> checked.add(k.replaceAll("#.*", "")));
		assertEquals("CSV exports of the document and of this test", documented, checked);

		Map<String, String> bodies = new LinkedHashMap<>();
		for (Map.Entry<String, String> export : exports.entrySet()) {
			Reply reply = get(export.getValue());
			assertEquals(export.getValue() + ": " + reply, 200, reply.status());
			assertTrue(reply.contentType(), reply.contentType().startsWith("text/csv"));
			for (String cell : rawCells(reply.body())) {
				boolean formula = !cell.isEmpty() && FORMULA_START.indexOf(cell.charAt(0)) >= 0;
				assertTrue(export.getKey() + " has a cell a spreadsheet would run: " + cell, !formula || cell.matches("-?\\d+(\\.\\d+)?"));
			}
			bodies.put(export.getKey(), reply.body());
		}
		// the same exports as workbooks: every text cell a string cell, neutralised as in the CSV, no
		// formula anywhere, and the same rows as the CSV once read back
		Tabular tabular = context.getService(context.getServiceReference(Tabular.class));
		for (Map.Entry<String, String> export : exports.entrySet()) {
			String url = export.getValue() + (export.getValue().contains("?") ? "&" : "?") + "format=xlsx";
			Download xlsx = download(HttpRequest.newBuilder(URI.create(base() + url)).GET());
			assertEquals(url, 200, xlsx.status());
			assertEquals(url, Tabular.XLSX, xlsx.contentType());
			String sheet = sheetXml(xlsx.body());
			assertFalse(url + " has a formula", sheet.contains("<f>") || sheet.contains("<f "));
			Matcher cell = Pattern.compile("<c [^>]*>(.*?)</c>").matcher(sheet);
			while (cell.find()) {
				String c = cell.group(0);
				assertTrue(url + ": a cell neither text nor number: " + c, c.contains("t=\"inlineStr\"") || c.contains("<v>"));
				Matcher text = Pattern.compile("<t[^>]*>(.*?)</t>", Pattern.DOTALL).matcher(c);
				if (text.find()) {
					String v = text.group(1).replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
					assertTrue(url + " has a text cell a spreadsheet would run: " + v, v.isEmpty() || FORMULA_START.indexOf(v.charAt(0)) < 0);
				}
			}
			List<List<String>> fromXlsx = tabular.read(Format.XLSX, new ByteArrayInputStream(xlsx.body()));
			List<List<String>> fromCsv = Csv.parse(bodies.get(export.getKey()));
			assertEquals(url + ": the same rows as the CSV", fromCsv.subList(1, fromCsv.size()), fromXlsx.subList(1, fromXlsx.size()));
		}

		// what the test put in leaves as text, not as nothing
		assertCells(bodies.get("/api/districts/{id}/roster"), "'" + LINK, "'" + MINUS, RARE);
		assertCells(bodies.get("/api/training-reports/{section}#hours"), "'" + LINK, RARE, "'" + AT, "'" + PLUS);
		assertCells(bodies.get("/api/training-reports/{section}#streets"), "'" + AT);
		assertCells(bodies.get("/api/training-reports/{section}#brands"), "'" + MINUS);
		assertCells(bodies.get("/api/training-reports/{section}#shadowing"), "'" + AT, "'" + LINK);
		assertCells(bodies.get("/api/training-reports/{section}#projects"), "'" + PLUS);

		// the roster reads back exactly; with the masked numbers put back it imports as the same people
		List<List<String>> rows = Csv.parse(bodies.get("/api/districts/{id}/roster"));
		List<String> header = rows.get(0);
		int name = header.indexOf("name");
		int idNumber = header.indexOf("idNumber");
		int phone = header.indexOf("phone");
		Set<String> names = new TreeSet<>();
		StringBuilder again = new StringBuilder(Csv.line(header));
		for (List<String> row : rows.subList(1, rows.size())) {
			names.add(row.get(name));
			List<String> restored = new ArrayList<>(row);
			restored.set(idNumber, idNumbers.get(row.get(name)));
			restored.set(phone, row.get(name).equals(MINUS) ? "13800000003" : "");
			// the posts are on record already: a second import of them would overlap them
			for (String post : List.of("postKind", "unit", "postStart", "postEnd", "postEndReason")) {
				restored.set(header.indexOf(post), "");
			}
			again.append(Csv.line(restored));
		}
		assertEquals(new TreeSet<>(idNumbers.keySet()), names);
		Reply imported = send(HttpRequest.newBuilder(URI.create(base() + "/api/districts/" + district + "/roster"))
				.header("Content-Type", "text/csv; charset=UTF-8").POST(HttpRequest.BodyPublishers.ofString(again.toString(), StandardCharsets.UTF_8)));
		assertEquals(imported.toString(), 200, imported.status());
		assertEquals(imported.body(), 0, imported.json().get("peopleCreated").asInt());
		assertEquals(3, get("/api/people?district=" + district).json().get("total").asInt());
	}

	private static String sheetXml(byte[] xlsx) throws Exception {
		Path file = Files.createTempFile("export", ".xlsx");
		try (ZipFile zip = new ZipFile(Files.write(file, xlsx).toFile())) {
			return new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(), StandardCharsets.UTF_8);
		} finally {
			Files.delete(file);
		}
	}

	private static void assertCells(String csv, String... expected) {
		List<String> cells = rawCells(csv);
		for (String e : expected) {
			assertTrue("no cell " + e + " in\n" + csv, cells.contains(e));
		}
	}

	/** The cells as written, quotes taken off but nothing else: what a spreadsheet would read. */
	private static List<String> rawCells(String csv) {
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		String s = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (quoted && c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
				cell.append('"');
				i++;
			} else if (c == '"' && (quoted || cell.length() == 0)) {
				quoted = !quoted;
			} else if (!quoted && (c == ',' || c == '\n')) {
				cells.add(cell.toString());
				cell.setLength(0);
			} else if (quoted || c != '\r') {
				cell.append(c);
			}
		}
		cells.add(cell.toString());
		return cells;
	}

	/** An archived demo cycle: rated, typed, with incidents. */
	private String demoCycle() throws Exception {
		awaitDemo();
		String district = null;
		for (JsonNode d : get("/api/districts?limit=500").json().get("items")) {
			if (d.get("code").asText().equals("DEMO")) {
				district = d.get("id").asText();
			}
		}
		return get("/api/evaluation-cycles?district=" + district).json().get("items").get(0).get("id").asText();
	}

	private String secretary(String district, String community, String name, String idNumber) throws Exception {
		String id = create("/api/people", "{\"districtId\":\"" + district + "\",\"name\":\"" + json(name) + "\",\"idNumber\":\"" + idNumber + "\"}");
		create("/api/people/" + id + "/posts", "{\"kind\":\"COMMUNITY_SECRETARY\",\"unitId\":\"" + community + "\",\"startDate\":\"2021-01-10\"}");
		return id;
	}

	private static String json(String text) {
		return JSON.getNodeFactory().textNode(text).toString().replaceAll("^\"|\"$", "");
	}
}
