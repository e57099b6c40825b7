package org.touyan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.touyan.itests.plugins.PluginJars;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * 育 train through the API: a district plans its year, a street's brand session is credited by
 * the 小灶课堂 plugin, attendance comes by hand and by CSV, the Tangqiao programme dispatches and
 * grades, every change is in the person's archive, and a new Tangqiao version keeps every record.
 * It works in a district of its own; the demo year is checked against the speech's figures.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class TrainingIT extends PlatformTest {

	private static final String TANGQIAO = "org.touyan.plugin.pairing.tangqiao";

	@Test
	public void aDistrictPlansItsYearCreditsByTheBrandDispatchesAndKeepsEverythingAcrossAPluginSwap() throws Exception {
		int year = LocalDate.now().getYear();
		String district = created(post("/api/districts", "{\"code\":\"" + code() + "\",\"name\":\"培训区\"}")).get("id").asText();
		String street = created(post("/api/streets", "{\"parentId\":\"" + district + "\",\"code\":\"S1\",\"name\":\"东城街道\"}")).get("id").asText();
		String k1 = created(post("/api/communities", "{\"parentId\":\"" + street + "\",\"code\":\"K1\",\"name\":\"东湖社区\"}")).get("id").asText();
		String k2 = created(post("/api/communities", "{\"parentId\":\"" + street + "\",\"code\":\"K2\",\"name\":\"翠园社区\"}")).get("id").asText();
		String young = secretary(district, k1, "王建国", idNumber("32010619850315001"));
		String old = secretary(district, k2, "李秀英", idNumber("32010619600315002"));
		assertEquals(200, send("PUT", "/api/plugins/bindings", "application/json", "{\"spi\":\"TrainingBrand\",\"streetId\":\"" + street
				+ "\",\"policyId\":\"xiaozao-classroom\"}").status());
		assertEquals(200, send("PUT", "/api/plugins/bindings", "application/json", "{\"spi\":\"PairingProgramme\",\"districtId\":\""
				+ district + "\",\"policyId\":\"tangqiao\"}").status());

		// the plan: 头雁领航 with its 5 course kinds, 精治社工 by quarter, the street's brand
		JsonNode plan = created(post("/api/training/plans", "{\"districtId\":\"" + district + "\",\"year\":" + year
				+ ",\"requiredHours\":4,\"brands\":[{\"streetId\":\"" + street + "\",\"name\":\"小灶课堂\"}]}"));
		assertEquals("头雁领航", plan.get("programmes").get(0).get("name").asText());
		assertEquals("[\"思想课\",\"业务课\",\"案例课\",\"实战课\",\"纪律课\"]",
				JSON.writeValueAsString(plan.get("programmes").get(0).get("courses").findValuesAsText("kind")));
		assertEquals(4, plan.get("programmes").get(1).get("courses").size());
		assertEquals(409, post("/api/training/plans", "{\"districtId\":\"" + district + "\",\"year\":" + year + ",\"requiredHours\":4}").status());
		String brandProgramme = plan.get("programmes").get(2).get("id").asText();

		// a brand session: the brand's formats only; credit by 小灶课堂 in whole half hours, with provenance
		String course = created(post("/api/training/programmes/" + brandProgramme + "/courses", "{\"title\":\"网格治理小灶\"}")).get("id").asText();
		String today = LocalDate.now().toString();
		assertEquals("format", assertProblem(post("/api/training/courses/" + course + "/sessions", "{\"date\":\"" + today
				+ "\",\"place\":\"党群服务中心\",\"teacher\":\"张老师\",\"format\":\"情景模拟\",\"hours\":2}"), 400).get("field").asText());
		String session = created(post("/api/training/courses/" + course + "/sessions", "{\"date\":\"" + today
				+ "\",\"place\":\"党群服务中心\",\"teacher\":\"张老师\",\"format\":\"专题讲座\",\"hours\":2}")).get("id").asText();
		assertEquals(200, post("/api/training/courses/" + course + "/enrolments", "{\"personIds\":[\"" + young + "\",\"" + old + "\"]}").status());
		JsonNode credited = created(post("/api/training/sessions/" + session + "/attendance", "{\"personId\":\"" + young + "\",\"hours\":1.7}"));
		assertEquals(1.5, credited.get("credit").asDouble(), 0);
		assertEquals("xiaozao-classroom", credited.get("provenance").get("policyId").asText());
		assertEquals("1.0.0", credited.get("provenance").get("version").asText());
		assertEquals("hours", assertProblem(post("/api/training/sessions/" + session + "/attendance", "{\"personId\":\"" + old
				+ "\",\"hours\":2.5}"), 400).get("field").asText());
		assertEquals(1, get("/api/training/sessions/" + session + "/attendance").json().get("items").size());
		// the session report has the fields 小灶课堂 requires
		assertEquals("fields.participants", assertProblem(post("/api/training/sessions/" + session + "/report",
				"{\"fields\":{\"topic\":\"网格治理\",\"teacher\":\"张老师\"}}"), 400).get("field").asText());
		assertEquals(200, post("/api/training/sessions/" + session + "/report",
				"{\"fields\":{\"topic\":\"网格治理\",\"teacher\":\"张老师\",\"participants\":\"2\"}}").status());
		JsonNode sessionReport = get("/api/training/sessions/" + session + "/report").json();
		assertEquals("网格治理", sessionReport.get("values").get("topic").asText());
		assertEquals("xiaozao-classroom", sessionReport.get("provenance").get("policyId").asText());

		// a session that has not happened takes no attendance
		JsonNode next = created(post("/api/training/plans", "{\"districtId\":\"" + district + "\",\"year\":" + (year + 1) + ",\"requiredHours\":4}"));
		String nextCourse = next.get("programmes").get(0).get("courses").get(0).get("id").asText();
		post("/api/training/courses/" + nextCourse + "/enrolments", "{\"personIds\":[\"" + young + "\"]}");
		String future = created(post("/api/training/courses/" + nextCourse + "/sessions", "{\"date\":\"" + (year + 1)
				+ "-01-02\",\"place\":\"党校\",\"teacher\":\"王教授\",\"format\":\"专家辅导\",\"hours\":3}")).get("id").asText();
		assertEquals("sessionId", assertProblem(post("/api/training/sessions/" + future + "/attendance", "{\"personId\":\"" + young
				+ "\",\"hours\":3}"), 400).get("field").asText());

		// CSV import of the annual training: one bad row and nothing is written
		String annualCourse = plan.get("programmes").get(0).get("courses").get(0).get("id").asText();
		post("/api/training/courses/" + annualCourse + "/enrolments", "{\"personIds\":[\"" + young + "\",\"" + old + "\"]}");
		String annual = created(post("/api/training/courses/" + annualCourse + "/sessions", "{\"date\":\"" + today
				+ "\",\"place\":\"区委党校\",\"teacher\":\"王教授\",\"format\":\"专家辅导\",\"hours\":3}")).get("id").asText();
		Reply rejected = csv("/api/training/sessions/" + annual + "/attendance/import", "personId,hours\n" + young + ",3\n" + old + ",4\n");
		assertEquals(rejected.body(), 422, rejected.status());
		assertEquals(3, rejected.json().get("errors").get(0).get("row").asInt());
		assertEquals(0, get("/api/training/sessions/" + annual + "/attendance").json().get("items").size());
		Reply imported = csv("/api/training/sessions/" + annual + "/attendance/import", "personId,hours\n" + young + ",3\n" + old + ",2\n");
		assertEquals(imported.body(), 200, imported.status());

		// who has not met the 4 required hours: the one with 2
		JsonNode unmet = get("/api/training/credits?district=" + district + "&year=" + year + "&unmet=true").json();
		assertEquals(1, unmet.get("total").asInt());
		assertEquals(old, unmet.get("items").get(0).get("personId").asText());
		assertEquals(4.5, get("/api/training/credits?district=" + district + "&year=" + year).json().get("items").get(0).get("credit").asDouble(), 0);

		// dispatches through the Tangqiao programme: its verdict decides, its report fields are required
		JsonNode programme = get("/api/pairing/programme?district=" + district).json();
		assertEquals("上海市浦东新区塘桥街道", programme.get("partner").get("name").asText());
		assertEquals(4, programme.get("contents").size());
		JsonNode refused = assertProblem(post("/api/pairing/dispatches", dispatch(district, old, "2025-03-01", "2025-03-31")), 422);
		assertTrue(refused.get("detail").asText(), refused.get("detail").asText().contains("年龄超过"));
		JsonNode dispatched = created(post("/api/pairing/dispatches", dispatch(district, young, "2025-03-01", "2025-03-31")));
		assertEquals("tangqiao", dispatched.get("provenance").get("policyId").asText());
		assertProblem(post("/api/pairing/dispatches", dispatch(district, young, "2025-03-31", "2025-04-30")), 409);
		String dispatchId = dispatched.get("id").asText();
		assertEquals("fields.plan", assertProblem(post("/api/pairing/dispatches/" + dispatchId + "/report",
				"{\"fields\":{\"learned\":\"家门口服务\",\"practices\":\"楼组自治\"}}"), 400).get("field").asText());
		assertEquals(200, post("/api/pairing/dispatches/" + dispatchId + "/report",
				"{\"fields\":{\"learned\":\"家门口服务\",\"practices\":\"楼组自治\",\"plan\":\"睦邻中心\"}}").status());

		// an experience-transfer project needs an owner; the programme grades it
		assertEquals("ownerId", assertProblem(post("/api/pairing/projects", "{\"districtId\":\"" + district
				+ "\",\"title\":\"楼组自治经验转化\",\"milestones\":3}"), 400).get("field").asText());
		String project = created(post("/api/pairing/projects", "{\"districtId\":\"" + district + "\",\"title\":\"楼组自治经验转化\",\"ownerId\":\""
				+ young + "\",\"communityId\":\"" + k1 + "\",\"milestones\":3}")).get("id").asText();
		assertEquals(200, post("/api/pairing/projects/" + project + "/progress", "{\"milestonesDone\":2,\"status\":\"IN_PROGRESS\"}").status());
		JsonNode graded = post("/api/pairing/projects/" + project + "/assessment", "{}").json();
		assertEquals("良好", graded.get("grade").asText());
		assertEquals("1.0.0", graded.get("provenance").get("version").asText());

		// a forum and a shadowing placement, logged and reported
		assertEquals("theme", assertProblem(post("/api/exchange-events", "{\"districtId\":\"" + district
				+ "\",\"kind\":\"ACTIVITY\",\"title\":\"主题活动\",\"date\":\"" + today + "\",\"place\":\"示范社区\"}"), 400)
				.get("field").asText());
		JsonNode forum = created(post("/api/exchange-events", "{\"districtId\":\"" + district + "\",\"kind\":\"FORUM\",\"title\":\"幸福论坛第1期\","
				+ "\"date\":\"" + today + "\",\"place\":\"党群服务中心\",\"participantIds\":[\"" + young + "\"],\"speakerIds\":[\"" + old
				+ "\"],\"record\":\"交流社区治理经验\"}"));
		assertEquals("幸福论坛", forum.get("kindName").asText());
		assertEquals(2, forum.get("participantIds").size());
		String placement = created(post("/api/shadowing", "{\"districtId\":\"" + district + "\",\"personId\":\"" + young
				+ "\",\"city\":\"厦门市\",\"host\":\"嘉莲街道\",\"startDate\":\"" + LocalDate.now().minusDays(40) + "\",\"endDate\":\""
				+ LocalDate.now().minusDays(10) + "\"}")).get("id").asText();
		// the report is a write of the placement: If-Match is required, a stale one is refused, nothing written
		Read unreported = read("/api/shadowing/" + placement);
		assertEquals("If-Match", assertProblem(reportAsIs(placement, null, "无版本"), 428).get("field").asText());
		assertEquals(200, reportAsIs(placement, unreported.etag(), "学习了网格化治理").status());
		Read reported = read("/api/shadowing/" + placement);
		JsonNode stale = assertProblem(reportAsIs(placement, unreported.etag(), "覆盖"), 412);
		assertEquals(reported.etag(), stale.get("currentVersion").asText());
		assertEquals("学习了网格化治理", read("/api/shadowing/" + placement).json().get("report").asText());
		assertEquals(reported.etag(), read("/api/shadowing/" + placement).etag());

		// every change is in the person's archive
		List<String> actions = new ArrayList<>();
		get("/api/people/" + young + "/archive?limit=500").json().get("items").forEach(e -> actions.add(e.get("action").asText()));
		for (String action : List.of("training.enrolment", "training.attendance", "exchange.participation", "shadowing.placement",
				"shadowing.report", "pairing.dispatch", "pairing.dispatch.report",
				"pairing.project", "pairing.project.progress", "pairing.project.assessment")) {
			assertTrue(action + " in " + actions, actions.contains(action));
		}
		assertTrue(get("/api/people/" + young + "/archive/verify").json().get("intact").asBoolean());

		// a new Tangqiao version mid-year: every record stays, new results name the new version
		Path jar = Path.of(System.getProperty("touyan.plugins"), TANGQIAO + "-1.0.0.jar");
		Reply swapped = send(HttpRequest.newBuilder(URI.create(base() + "/api/plugins")).header("Content-Type", "application/java-archive")
				.POST(HttpRequest.BodyPublishers.ofByteArray(PluginJars.withVersion(jar, "1.0.1"))));
		assertEquals(swapped.body(), 201, swapped.status());
		assertEquals("1.0.0", get("/api/pairing/dispatches/" + dispatchId).json().get("provenance").get("version").asText());
		assertEquals("睦邻中心", get("/api/pairing/dispatches/" + dispatchId).json().get("report").get("plan").asText());
		assertEquals("1.0.0", get("/api/pairing/projects/" + project).json().get("provenance").get("version").asText());
		assertEquals(1, get("/api/training/sessions/" + session + "/attendance").json().get("items").size());
		assertEquals("1.0.1", post("/api/pairing/projects/" + project + "/assessment", "{}").json().get("provenance").get("version").asText());
		JsonNode report = get("/api/training-reports?district=" + district + "&year=" + year).json();
		assertEquals(1, report.get("projects").get("items").size());
		assertEquals(2, report.get("hours").size());
		assertEquals(1, report.get("events").get("FORUM").asInt());
		Reply hours = get("/api/training-reports/hours?district=" + district + "&year=" + year);
		assertTrue(hours.contentType().startsWith("text/csv"));
		assertTrue(hours.body(), hours.body().contains("王建国,东城街道,东湖社区,4.5"));
	}

	@Test
	public void theDemoYearShowsTheSpeechsFigures() throws Exception {
		String district = null;
		for (JsonNode d : get("/api/districts?limit=500").json().get("items")) {
			if (d.get("code").asText().equals("DEMO")) {
				district = d.get("id").asText();
			}
		}
		assertTrue("no demo district", district != null);
		awaitDemo();
		Thread.sleep(500);
		JsonNode report = get("/api/training-reports?district=" + district + "&year=2026").json();
		int brands = 0;
		int districtTrainings = 0;
		for (JsonNode p : report.get("brands")) {
			assertEquals(p.toString(), p.get("kind").asText().equals("BRAND"), p.get("streetBrand").asBoolean());
			if (!p.get("streetBrand").asBoolean()) {
				districtTrainings++;
			}
			if (p.get("kind").asText().equals("BRAND")) {
				brands++;
				// every brand's sessions are credited by its own plugin
				assertEquals(p.toString(), 1, p.get("computedBy").size());
				assertTrue(p.toString(), p.get("attendances").asInt() > 0);
			}
			if (p.get("name").asText().equals("治理小剧场")) {
				assertEquals(p.toString(), "[\"governance-theatre 1.0.0\"]", p.get("computedBy").toString());
			}
		}
		assertEquals(5, brands);
		assertEquals(2, districtTrainings);
		assertEquals(12, report.get("events").get("total").asInt());
		assertEquals(10, report.get("shadowing").size());
		assertEquals(14, get("/api/pairing/dispatches?district=" + district).json().get("total").asInt());
		assertEquals(7, get("/api/pairing/dispatches?district=" + district + "&year=2026").json().get("total").asInt());
		assertEquals(7, report.get("dispatches").get("startedInYear").asInt());
		assertEquals(7, report.get("dispatches").get("runningInYear").asInt());
		assertEquals(14, report.get("dispatches").get("cumulative").asInt());
		assertEquals(7, report.get("dispatches").get("items").size());
		assertEquals(32, report.get("projects").get("byStatus").get("total").asInt());
		assertEquals(52, report.get("hours").size());
		assertFalse("some secretaries fall short of the requirement", get("/api/training/credits?district=" + district
				+ "&year=2026&unmet=true").json().get("total").asInt() == 0);
	}

	private String secretary(String district, String community, String name, String idNumber) throws Exception {
		String id = created(post("/api/people", "{\"districtId\":\"" + district + "\",\"name\":\"" + name + "\",\"idNumber\":\"" + idNumber
				+ "\"}")).get("id").asText();
		created(post("/api/people/" + id + "/posts", "{\"kind\":\"COMMUNITY_SECRETARY\",\"unitId\":\"" + community
				+ "\",\"startDate\":\"2021-01-10\"}"));
		return id;
	}

	private static String dispatch(String district, String person, String start, String end) {
		return "{\"districtId\":\"" + district + "\",\"personId\":\"" + person + "\",\"contentCode\":\"secondment\",\"startDate\":\""
				+ start + "\",\"endDate\":\"" + end + "\"}";
	}

	private static String code() {
		return "T" + UUID.randomUUID().toString().substring(0, 8);
	}

	private Reply post(String path, String json) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(base() + path))
				.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
	}

	private Reply csv(String path, String body) throws Exception {
		return send("POST", path, "text/csv", body);
	}

	private static JsonNode created(Reply reply) throws Exception {
		assertEquals(reply.toString(), 201, reply.status());
		return reply.json();
	}

	private Reply reportAsIs(String placement, String ifMatch, String report) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/api/shadowing/" + placement + "/report"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"report\":\"" + report + "\"}", StandardCharsets.UTF_8));
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		return sendAsIs(request);
	}
}
