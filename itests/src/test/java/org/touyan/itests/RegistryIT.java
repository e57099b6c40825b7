package org.touyan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The registry's main flows over HTTP: setting up units, registering people and their posts, and
 * the archive entry each write leaves, up to a sealed archive that refuses writes.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class RegistryIT extends PlatformTest {

	/** What a client may claim in the header: the archive names the logged-in user instead. */
	private static final String ACTOR = "zuzhibu.zhang";

	@Test
	public void aDistrictSetsUpStreetsCommunitiesAJointCommitteeAndDepartments() throws Exception {
		String district = created(post("/api/districts", "{\"code\":\"" + code() + "\",\"name\":\"测试区\"}")).get("id").asText();
		String street = created(post("/api/streets", "{\"parentId\":\"" + district + "\",\"code\":\"S1\",\"name\":\"塘桥街道\"}")).get("id").asText();
		List<String> communities = new ArrayList<>();
		for (int i = 1; i <= 4; i++) {
			communities.add(created(post("/api/communities", "{\"parentId\":\"" + street + "\",\"code\":\"K" + i
					+ "\",\"name\":\"幸福第" + i + "社区\"}")).get("id").asText());
		}
		assertEquals("parentId", assertProblem(post("/api/communities", "{\"code\":\"K9\",\"name\":\"无街道社区\"}"), 400)
				.get("field").asText());
		assertEquals(4, get("/api/communities?street=" + street).json().get("total").asInt());
		assertEquals("幸福第1社区", get("/api/communities/" + communities.get(0)).json().get("name").asText());

		String two = "[\"" + communities.get(0) + "\",\"" + communities.get(1) + "\"]";
		assertEquals("communityIds", assertProblem(post("/api/joint-committees", "{\"districtId\":\"" + district
				+ "\",\"code\":\"PQ1\",\"name\":\"第一片区联合党委\",\"communityIds\":" + two + "}"), 400).get("field").asText());
		JsonNode joint = created(post("/api/joint-committees", "{\"districtId\":\"" + district
				+ "\",\"code\":\"PQ1\",\"name\":\"第一片区联合党委\",\"communityIds\":" + JSON.writeValueAsString(communities.subList(0, 3)) + "}"));
		assertEquals(3, get("/api/joint-committees/" + joint.get("id").asText()).json().get("communityIds").size());
		assertFalse(get("/api/districts/" + district + "/settings").json().get("jointCommitteesMaySpanStreets").asBoolean());

		created(post("/api/departments", "{\"districtId\":\"" + district + "\",\"code\":\"JW\",\"name\":\"纪委监委\",\"scores\":true,\"vets\":true}"));
		created(post("/api/departments", "{\"districtId\":\"" + district + "\",\"code\":\"SJ\",\"name\":\"审计局\",\"vets\":true}"));
		assertEquals(1, get("/api/departments?district=" + district + "&scores=true").json().get("total").asInt());
		assertEquals(2, get("/api/departments?district=" + district + "&vets=true").json().get("total").asInt());
		assertEquals("vets", assertProblem(get("/api/departments?vets=maybe"), 400).get("field").asText());
		assertProblem(get("/api/departments/no-such-id"), 404);
	}

	@Test
	public void everyWriteToAPersonLeavesAnArchiveEntryAndASealedArchiveRefusesWrites() throws Exception {
		String district = created(post("/api/districts", "{\"code\":\"" + code() + "\",\"name\":\"档案区\"}")).get("id").asText();
		String street = created(post("/api/streets", "{\"parentId\":\"" + district + "\",\"code\":\"S1\",\"name\":\"东城街道\"}")).get("id").asText();
		String community = created(post("/api/communities", "{\"parentId\":\"" + street + "\",\"code\":\"K1\",\"name\":\"东湖社区\"}")).get("id").asText();

		String idNumber = "11010519491231002X";
		assertEquals("idNumber", assertProblem(post("/api/people", person(district, "11010519491231002Y")), 400).get("field").asText());
		JsonNode person = created(post("/api/people", person(district, idNumber)));
		String id = person.get("id").asText();
		assertEquals("female", person.get("gender").asText());
		assertEquals("1949-12-31", person.get("birthDate").asText());

		// another administrator, with a Chinese name, who also tries to pass as someone else
		String zhang = newUser("zhang.kezhang", "组织部张科长", "DISTRICT_ADMIN", "district", district);
		JsonNode post = created(send(HttpRequest.newBuilder(URI.create(base() + "/api/people/" + id + "/posts"))
				.header("Authorization", "Bearer " + zhang).header("X-Touyan-Actor", ACTOR)
				.header("Content-Type", "application/json")
				.POST(body("{\"kind\":\"COMMUNITY_SECRETARY\",\"unitId\":\"" + community + "\",\"startDate\":\"2021-01-10\"}"))));
		String other = created(post("/api/people", "{\"districtId\":\"" + district + "\",\"name\":\"王建国\",\"idNumber\":\""
				+ idNumber("32010619850315001") + "\"}")).get("id").asText();
		assertEquals("unitId", assertProblem(post("/api/people/" + other + "/posts", "{\"kind\":\"COMMUNITY_SECRETARY\",\"unitId\":\""
				+ community + "\",\"startDate\":\"2024-01-01\"}"), 409).get("field").asText());
		assertEquals(1, get("/api/posts?unit=" + community + "&kind=COMMUNITY_SECRETARY&current=true").json().get("total").asInt());

		String postId = post.get("id").asText();
		assertEquals("endDate", assertProblem(post("/api/posts/" + postId + "/end", "{\"endDate\":\"2020-01-01\",\"reason\":\"换届\"}"), 400)
				.get("field").asText());
		assertEquals("posts", assertProblem(post("/api/people/" + id + "/archive/seal", "{\"reason\":\"离任\"}"), 409).get("field").asText());
		assertEquals(200, post("/api/posts/" + postId + "/end", "{\"endDate\":\"2025-06-30\",\"reason\":\"离任\"}").status());

		JsonNode entries = get("/api/people/" + id + "/archive").json().get("items");
		assertEquals(3, entries.size());
		assertEquals("person.created", entries.get(0).get("action").asText());
		assertEquals("组织部管理员 (admin)", entries.get(0).get("actor").asText());
		assertEquals("组织部张科长 (zhang.kezhang)", entries.get(1).get("actor").asText());
		assertEquals("post.started", entries.get(1).get("action").asText());
		assertEquals("post.ended", entries.get(2).get("action").asText());
		assertTrue(entries.get(2).get("before").get("endDate").isNull());
		assertEquals("2025-06-30", entries.get(2).get("after").get("endDate").asText());
		assertEquals(entries.get(1).get("hash").asText(), entries.get(2).get("previousHash").asText());
		assertTrue(get("/api/people/" + id + "/archive/verify").json().get("intact").asBoolean());

		JsonNode sealed = post("/api/people/" + id + "/archive/seal", "{\"reason\":\"离任\"}").json();
		assertEquals("离任", sealed.get("seal").get("reason").asText());
		JsonNode refused = assertProblem(send(request("/api/people/" + id).header("Content-Type", "application/json")
				.PUT(body(person(district, idNumber)))), 409);
		assertEquals("seal", refused.get("field").asText());
		assertTrue(refused.get("detail").asText().contains("离任"));
		assertProblem(post("/api/people/" + id + "/posts", "{\"kind\":\"COMMITTEE_MEMBER\",\"unitId\":\"" + community
				+ "\",\"startDate\":\"2025-07-01\"}"), 409);
		assertEquals(4, get("/api/people/" + id + "/archive").json().get("total").asInt());
		JsonNode verification = get("/api/people/" + id + "/archive/verify").json();
		assertTrue(verification.get("intact").asBoolean());
		assertEquals(4, verification.get("entries").asInt());
		assertProblem(get("/api/people/no-such-id/archive"), 404);
	}

	@Test
	public void aFilingRunsFromProposalToDistrictFilingWithEighteenVettingDepartments() throws Exception {
		String district = created(post("/api/districts", "{\"code\":\"" + code() + "\",\"name\":\"备案区\"}")).get("id").asText();
		String street = created(post("/api/streets", "{\"parentId\":\"" + district + "\",\"code\":\"S1\",\"name\":\"南湖街道\"}")).get("id").asText();
		String community = created(post("/api/communities", "{\"parentId\":\"" + street + "\",\"code\":\"K1\",\"name\":\"南湖社区\"}")).get("id").asText();
		List<String> departments = new ArrayList<>();
		for (int i = 1; i <= 18; i++) {
			departments.add(created(post("/api/departments", "{\"districtId\":\"" + district + "\",\"code\":\"V" + i
					+ "\",\"name\":\"联审部门" + i + "\",\"vets\":true}")).get("id").asText());
		}
		String person = created(post("/api/people", "{\"districtId\":\"" + district + "\",\"name\":\"陈晓燕\",\"idNumber\":\""
				+ idNumber("32010619880512004") + "\"}")).get("id").asText();
		assertEquals("动议酝酿", get("/api/districts/" + district + "/filing-steps").json().get("steps").get(0).get("name").asText());

		JsonNode filing = created(post("/api/filings", "{\"districtId\":\"" + district + "\",\"kind\":\"APPOINTMENT\",\"personId\":\""
				+ person + "\",\"communityId\":\"" + community + "\",\"effectiveDate\":\"2026-03-01\"}"));
		String id = filing.get("id").asText();
		assertEquals(18, filing.get("pendingDepartments").size());
		assertTrue(assertProblem(post("/api/filings/" + id + "/steps/3/complete", "{}"), 409).get("detail").asText().contains("动议酝酿"));
		for (int step = 1; step <= 6; step++) {
			assertEquals(200, post("/api/filings/" + id + "/steps/" + step + "/complete", "{\"note\":\"完成\"}").status());
		}
		for (String department : departments.subList(0, 17)) {
			assertEquals(200, post("/api/filings/" + id + "/vettings", "{\"departmentId\":\"" + department + "\",\"passed\":true}").status());
		}
		assertTrue(assertProblem(post("/api/filings/" + id + "/file", "{}"), 409).get("detail").asText().contains(departments.get(17)));
		assertEquals(0, get("/api/posts?unit=" + community + "&current=true").json().get("total").asInt());
		post("/api/filings/" + id + "/vettings", "{\"departmentId\":\"" + departments.get(17) + "\",\"passed\":true}");

		JsonNode filed = post("/api/filings/" + id + "/file", "{\"note\":\"区级备案\"}").json();
		assertEquals("FILED", filed.get("status").asText());
		JsonNode secretary = get("/api/posts?unit=" + community + "&kind=COMMUNITY_SECRETARY&current=true").json().get("items");
		assertEquals(1, secretary.size());
		assertEquals(person, secretary.get(0).get("personId").asText());
		JsonNode archive = get("/api/people/" + person + "/archive?limit=100").json();
		assertEquals(1 + 1 + 6 + 18 + 2, archive.get("total").asInt());
		assertTrue(get("/api/people/" + person + "/archive/verify").json().get("intact").asBoolean());
		assertProblem(post("/api/filings/" + id + "/withdraw", "{\"note\":\"晚了\"}"), 409);
	}

	@Test
	public void aCandidateIsCheckedAgainstTheTwentyRulesWithAnExplainedVerdict() throws Exception {
		JsonNode sets = get("/api/eligibility/rule-sets").json().get("items");
		assertEquals(1, sets.size());
		assertEquals(20, sets.get(0).get("rules").size());
		assertEquals("org.touyan.plugin.eligibility", sets.get(0).get("provenance").get("bundle").asText());

		String district = created(post("/api/districts", "{\"code\":\"" + code() + "\",\"name\":\"资格区\"}")).get("id").asText();
		String person = created(post("/api/people", "{\"districtId\":\"" + district + "\",\"name\":\"刘洋\",\"idNumber\":\""
				+ idNumber("32010619920101005") + "\",\"partyMemberSince\":\"2016-07-01\"}")).get("id").asText();
		JsonNode check = created(post("/api/people/" + person + "/eligibility-checks",
				"{\"asOf\":\"2026-11-27\",\"facts\":{\"dishonestDebtor\":true,\"disciplineUntil\":\"2027-06-30\"}}"));
		assertFalse(check.get("eligible").asBoolean());
		assertEquals(2, check.get("fired").size());
		assertEquals("受到党纪政务处分影响期未满的", check.get("fired").get(0).get("text").asText());
		assertTrue(check.get("fired").get(0).get("evidence").asText().contains("2027-06-30"));
		assertEquals("被依法列为失信被执行人的", check.get("fired").get(1).get("text").asText());
		assertEquals("district-default-20", check.get("provenance").get("policyId").asText());
		assertEquals(check, get("/api/eligibility-checks/" + check.get("id").asText()).json());
		assertTrue(created(post("/api/people/" + person + "/eligibility-checks", "{\"facts\":{}}")).get("eligible").asBoolean());
		assertEquals("facts.colour", assertProblem(post("/api/people/" + person + "/eligibility-checks",
				"{\"facts\":{\"colour\":\"red\"}}"), 400).get("field").asText());
		assertEquals("facts.dishonestDebtor", assertProblem(post("/api/people/" + person + "/eligibility-checks",
				"{\"facts\":{\"dishonestDebtor\":\"perhaps\"}}"), 400).get("field").asText());

		assertEquals(200, send(request("/api/districts/" + district + "/settings").header("Content-Type", "application/json")
				.PUT(body("{\"jointCommitteesMaySpanStreets\":false,\"eligibilityRuleSet\":\"not-installed\"}"))).status());
		assertTrue(assertProblem(post("/api/people/" + person + "/eligibility-checks", "{\"facts\":{}}"), 409)
				.get("detail").asText().contains("not-installed"));
		assertEquals(2, get("/api/people/" + person + "/eligibility-checks").json().get("total").asInt());
		assertEquals(3, get("/api/people/" + person + "/archive").json().get("total").asInt());
	}

	@Test
	public void theReservePipelineAndAssistantCoverage() throws Exception {
		String district = created(post("/api/districts", "{\"code\":\"" + code() + "\",\"name\":\"储备区\"}")).get("id").asText();
		String street = created(post("/api/streets", "{\"parentId\":\"" + district + "\",\"code\":\"S1\",\"name\":\"北苑街道\"}")).get("id").asText();
		String k1 = created(post("/api/communities", "{\"parentId\":\"" + street + "\",\"code\":\"K1\",\"name\":\"北苑社区\"}")).get("id").asText();
		created(post("/api/communities", "{\"parentId\":\"" + street + "\",\"code\":\"K2\",\"name\":\"南苑社区\"}"));
		String person = created(post("/api/people", "{\"districtId\":\"" + district + "\",\"name\":\"张小雨\",\"idNumber\":\""
				+ idNumber("32010619970304012") + "\"}")).get("id").asText();
		created(post("/api/people/" + person + "/posts", "{\"kind\":\"SECRETARY_ASSISTANT\",\"unitId\":\"" + k1
				+ "\",\"startDate\":\"2025-08-01\"}"));
		JsonNode coverage = get("/api/districts/" + district + "/assistant-coverage").json();
		assertEquals(2, coverage.get("communities").asInt());
		assertEquals(1, coverage.get("covered").asInt());
		assertEquals("南苑社区", coverage.get("lacking").get(0).get("name").asText());

		String stay = created(post("/api/people/" + person + "/reserve", "{\"tier\":\"COMMITTEE_RESERVE\",\"streetId\":\"" + street
				+ "\",\"date\":\"2025-09-01\",\"reason\":\"95后优秀社区工作者\"}")).get("id").asText();
		assertEquals(1, get("/api/reserve?district=" + district + "&tier=COMMITTEE_RESERVE&maxAge=30&asOf=2026-11-27").json().get("total").asInt());
		assertEquals(0, get("/api/reserve?district=" + district + "&minAge=35").json().get("total").asInt());
		assertEquals("minAge", assertProblem(get("/api/reserve?minAge=old"), 400).get("field").asText());
		JsonNode refused = assertProblem(post("/api/reserve/" + stay + "/promote", "{\"date\":\"2026-06-01\",\"reason\":\"表现优秀\"}"), 422);
		assertEquals("the secretary reserve takes serving 两委 members only", "tier", refused.get("field").asText());
		created(post("/api/people/" + person + "/posts", "{\"kind\":\"COMMITTEE_MEMBER\",\"unitId\":\"" + k1
				+ "\",\"startDate\":\"2026-05-01\"}"));
		String old = created(post("/api/people", "{\"districtId\":\"" + district + "\",\"name\":\"赵建国\",\"idNumber\":\""
				+ idNumber("32010619700501013") + "\"}")).get("id").asText();
		assertEquals("born before 1995", "tier", assertProblem(post("/api/people/" + old + "/reserve", "{\"tier\":\"COMMITTEE_RESERVE\",\"streetId\":\""
				+ street + "\",\"date\":\"2025-09-01\",\"reason\":\"优秀社区工作者\"}"), 422).get("field").asText());
		JsonNode promoted = post("/api/reserve/" + stay + "/promote", "{\"date\":\"2026-06-01\",\"reason\":\"表现优秀\"}").json();
		assertEquals("SECRETARY_RESERVE", promoted.get("tier").asText());
		assertEquals(2, get("/api/people/" + person + "/reserve").json().get("items").size());
		assertProblem(post("/api/reserve/" + stay + "/leave", "{\"date\":\"2026-07-01\",\"reason\":\"x\"}"), 409);
		assertEquals(6, get("/api/people/" + person + "/archive").json().get("total").asInt());
	}

	@Test
	public void aRosterImportsFromCsvWhollyOrNotAtAllAndExportsAgain() throws Exception {
		String district = created(post("/api/districts", "{\"code\":\"" + code() + "\",\"name\":\"名册区\"}")).get("id").asText();
		String street = created(post("/api/streets", "{\"parentId\":\"" + district + "\",\"code\":\"XF\",\"name\":\"幸福街道\"}")).get("id").asText();
		created(post("/api/communities", "{\"parentId\":\"" + street + "\",\"code\":\"K1\",\"name\":\"福满社区\"}"));
		String header = "name,idNumber,gender,birthDate,phone,education,partyMemberSince,postKind,unit,postStart,postEnd,postEndReason\r\n";
		String good = header + "周婷," + idNumber("32010619990909022") + ",,,,大学本科,,SECRETARY_ASSISTANT,XF/K1,2025-08-01,,\r\n";
		String bad = good + "吴磊,320106199807070110,,,,,,,,,,\r\n";

		Reply rejected = send(request("/api/districts/" + district + "/roster").header("Content-Type", "text/csv")
				.POST(body(bad)));
		assertEquals(rejected.toString(), 422, rejected.status());
		JsonNode report = rejected.json();
		assertFalse(report.get("written").asBoolean());
		assertEquals(3, report.get("errors").get(0).get("row").asInt());
		assertEquals("idNumber", report.get("errors").get(0).get("field").asText());
		assertEquals(0, get("/api/people?district=" + district).json().get("total").asInt());

		Reply accepted = send(request("/api/districts/" + district + "/roster").header("Content-Type", "text/csv; charset=UTF-8")
				.POST(body(good)));
		assertEquals(accepted.toString(), 200, accepted.status());
		assertEquals(1, accepted.json().get("postsCreated").asInt());
		assertEquals("周婷", get("/api/people?district=" + district).json().get("items").get(0).get("name").asText());
		Reply export = get("/api/districts/" + district + "/roster");
		assertTrue(export.contentType().startsWith("text/csv"));
		assertTrue(export.body(), export.body().contains("周婷,") && export.body().contains("SECRETARY_ASSISTANT,XF/K1,2025-08-01"));
	}

	@Test
	public void aFirstSecretarysMissionFromTheReasonToTheReportAtTheTermsEnd() throws Exception {
		String district = created(post("/api/districts", "{\"code\":\"" + code() + "\",\"name\":\"帮扶区\"}")).get("id").asText();
		String street = created(post("/api/streets", "{\"parentId\":\"" + district + "\",\"code\":\"S1\",\"name\":\"东苑街道\"}")).get("id").asText();
		String k = created(post("/api/communities", "{\"parentId\":\"" + street + "\",\"code\":\"K1\",\"name\":\"东苑社区\"}")).get("id").asText();
		String cadre = created(post("/api/people", "{\"districtId\":\"" + district + "\",\"name\":\"王建国\",\"idNumber\":\""
				+ idNumber("32010619850304012") + "\"}")).get("id").asText();
		created(post("/api/people/" + cadre + "/posts", "{\"kind\":\"STREET_CADRE\",\"unitId\":\"" + street + "\",\"startDate\":\"2015-07-01\"}"));
		String sent = created(post("/api/people/" + cadre + "/posts", "{\"kind\":\"FIRST_SECRETARY\",\"unitId\":\"" + k
				+ "\",\"startDate\":\"2022-03-01\"}")).get("id").asText();
		assertEquals("a first secretary's post counts before its mission is recorded", 1,
				get("/api/first-secretary-missions/summary?district=" + district).json().get("communitiesHelped").asInt());

		assertEquals("termEnd", assertProblem(post("/api/posts/" + sent + "/first-secretary-mission", "{\"termEnd\":\"2021-01-01\"}"), 400)
				.get("field").asText());
		JsonNode mission = created(post("/api/posts/" + sent + "/first-secretary-mission", "{\"termEnd\":\"2024-02-29\"}"));
		assertEquals("党组织服务水平不高", mission.get("reason").asText());
		assertEquals("东苑社区", mission.get("communityName").asText());
		assertEquals("REPORT_DUE", mission.get("status").asText());
		assertEquals("期满待报告", mission.get("statusLabel").asText());
		assertProblem(post("/api/posts/" + sent + "/first-secretary-mission", "{\"termEnd\":\"2024-02-29\"}"), 409);

		String report = "/api/first-secretary-missions/" + sent + "/report";
		String json = "{\"reportedOn\":\"2024-03-05\",\"summary\":\"整顿提升党组织，建成邻里中心\"}";
		assertProblem(sendAsIs(request(report).header("Content-Type", "application/json").POST(body(json))), 428);
		assertProblem(sendAsIs(request(report).header("Content-Type", "application/json").header("If-Match", "\"old\"").POST(body(json))), 412);
		Read read = read("/api/first-secretary-missions/" + sent);
		JsonNode reported = sendAsIs(request(report).header("Content-Type", "application/json").header("If-Match", read.etag())
				.POST(body(json))).json();
		assertEquals("REPORTED", reported.get("status").asText());
		assertEquals("整顿提升党组织，建成邻里中心", reported.get("report").asText());
		JsonNode summary = get("/api/first-secretary-missions/summary?district=" + district).json();
		assertEquals(1, summary.get("communitiesHelped").asInt());
		assertEquals(1, summary.get("reported").asInt());
		assertEquals(1, get("/api/first-secretary-missions?district=" + district + "&status=REPORTED").json().get("total").asInt());
		assertEquals("status", assertProblem(get("/api/first-secretary-missions?status=DONE"), 400).get("field").asText());
	}

	private static String person(String district, String idNumber) {
		return "{\"districtId\":\"" + district + "\",\"name\":\"李秀英\",\"idNumber\":\"" + idNumber
				+ "\",\"phone\":\"13800000000\",\"education\":\"大学本科\",\"partyMemberSince\":\"1975-07-01\"}";
	}

	private static String code() {
		return "T" + UUID.randomUUID().toString().substring(0, 8);
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(base() + path));
	}

	private static HttpRequest.BodyPublisher body(String json) {
		return HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8);
	}

	private Reply post(String path, String json) throws Exception {
		return send(request(path).header("Content-Type", "application/json").POST(body(json)));
	}

	private static JsonNode created(Reply reply) throws Exception {
		assertEquals(reply.toString(), 201, reply.status());
		return reply.json();
	}
}
