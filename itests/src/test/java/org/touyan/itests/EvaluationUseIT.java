package org.touyan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Evaluation to use through the API on a district of its own, with the example plugins: a cycle is
 * opened, scored, balloted, reviewed and reported on; closing scoring rates, grades and classifies
 * with provenance; the types get their measures and the model secretaries their mentees (proposed,
 * refused where a rule breaks, confirmed); one negative-list incident is rectified and another opens
 * a removal filing; use records, the cycle's report and its CSV sections follow. Refusals store nothing.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class EvaluationUseIT extends PlatformTest {

	@Test
	public void fromTheCycleToMentoringTheNegativeListAndUse() throws Exception {
		String code = "U" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		String district = created(post("/api/districts", "{\"code\":\"" + code + "\",\"name\":\"使用测试区\"}")).get("id").asText();
		String s1 = created(post("/api/streets", "{\"parentId\":\"" + district + "\",\"code\":\"S1\",\"name\":\"一街道\"}")).get("id").asText();
		String s2 = created(post("/api/streets", "{\"parentId\":\"" + district + "\",\"code\":\"S2\",\"name\":\"二街道\"}")).get("id").asText();
		// A1 and B1 will be model secretaries; A2, A3 share A1's joint committee
		Map<String, String> community = new LinkedHashMap<>();
		for (String k : new String[] { "A1", "A2", "A3", "A4", "A5", "A6", "B1", "B2" }) {
			community.put(k, created(post("/api/communities", "{\"parentId\":\"" + (k.startsWith("A") ? s1 : s2) + "\",\"code\":\"" + k
					+ "\",\"name\":\"" + k + "社区\"}")).get("id").asText());
		}
		created(post("/api/joint-committees", "{\"districtId\":\"" + district + "\",\"code\":\"PQ1\",\"name\":\"第一片区联合党委\","
				+ "\"communityIds\":[\"" + community.get("A1") + "\",\"" + community.get("A2") + "\",\"" + community.get("A3") + "\"]}"));
		String mz = created(post("/api/departments", "{\"districtId\":\"" + district + "\",\"code\":\"MZJ\",\"name\":\"民政局\",\"scores\":true}"))
				.get("id").asText();
		String zf = created(post("/api/departments", "{\"districtId\":\"" + district + "\",\"code\":\"ZFW\",\"name\":\"政法委\",\"scores\":true}"))
				.get("id").asText();
		Map<String, String> secretary = new HashMap<>();
		int n = 0;
		int base = 100 + (int) (Math.random() * 800);
		for (Map.Entry<String, String> k : community.entrySet()) {
			String person = created(post("/api/people", "{\"districtId\":\"" + district + "\",\"name\":\"书记" + k.getKey() + "\",\"idNumber\":\""
					+ idNumber("1101051975030" + (++n) + base) + "\"}")).get("id").asText();
			created(post("/api/people/" + person + "/posts", "{\"kind\":\"COMMUNITY_SECRETARY\",\"unitId\":\"" + k.getValue()
					+ "\",\"startDate\":\"2022-01-01\"}"));
			secretary.put(k.getKey(), person);
		}
		String cadre = created(post("/api/people", "{\"districtId\":\"" + district + "\",\"name\":\"街道干部\",\"idNumber\":\""
				+ idNumber("11010519750309" + base) + "\"}")).get("id").asText();
		created(post("/api/people/" + cadre + "/posts", "{\"kind\":\"STREET_CADRE\",\"unitId\":\"" + s1 + "\",\"startDate\":\"2020-01-01\"}"));
		for (String[] b : new String[][] { { "StarRatingFormula", "district-default" }, { "ReviewWeighting", "district-four-reviews" },
				{ "ClassificationPolicy", "district-classification" }, { "NegativeListCatalogue", "district-negative-list-15" } }) {
			Reply r = send("PUT", "/api/plugins/bindings", "application/json",
					"{\"spi\":\"" + b[0] + "\",\"districtId\":\"" + district + "\",\"policyId\":\"" + b[1] + "\"}");
			assertEquals(r.body(), 200, r.status());
		}

		// the current half-year, so that today's incidents fall in it
		LocalDate today = LocalDate.now();
		String period = today.getYear() + (today.getMonthValue() <= 6 ? "-H1" : "-H2");
		String id = created(post("/api/evaluation-cycles", "{\"districtId\":\"" + district + "\",\"period\":\"" + period + "\"}")).get("id").asText();
		assertEquals("OPEN", post("/api/evaluation-cycles/" + id + "/open", "").json().get("status").asText());
		for (String dept : new String[] { mz, zf }) {
			StringBuilder rows = new StringBuilder();
			for (Map.Entry<String, String> k : community.entrySet()) {
				int score = k.getKey().endsWith("1") ? 95 : k.getKey().equals("A4") ? 75 : 65;
				rows.append(rows.length() == 0 ? "" : ",").append("{\"communityId\":\"").append(k.getValue()).append("\",\"score\":").append(score)
						.append('}');
			}
			assertEquals(200, post("/api/evaluation-cycles/" + id + "/scores", "{\"departmentId\":\"" + dept + "\",\"scores\":[" + rows + "]}")
					.status());
		}
		// residents' ballots for A1: each token once
		JsonNode tokens = created(post("/api/evaluation-cycles/" + id + "/ballots", "{\"communityId\":\"" + community.get("A1") + "\",\"count\":10}"))
				.get("tokens");
		String ballot = "{\"de\":95,\"neng\":94,\"qin\":96,\"ji\":95,\"lian\":95}";
		for (JsonNode token : tokens) {
			assertEquals(204, post("/api/ballots/" + token.asText(), ballot).status());
		}
		assertTrue(assertProblem(post("/api/ballots/" + tokens.get(0).asText(), ballot), 409).get("detail").asText().contains("每张票只计一次"));
		assertEquals(10, get("/api/evaluation-cycles/" + id + "/ballots/" + community.get("A1")).json().get("cast").asInt());
		for (String k : new String[] { "A1", "B1" }) {
			for (String review : new String[] { "SELF\",\"score\":95", "STREET\",\"score\":94", "ORGANIZATION\",\"score\":96" }) {
				created(post("/api/evaluation-cycles/" + id + "/reviews", "{\"communityId\":\"" + community.get(k) + "\",\"kind\":\"" + review + "}"));
			}
		}

		// the half-year report of A1's secretary, scored on the spot by three raters
		String reportPath = "/api/evaluation-cycles/" + id + "/duty-reports";
		assertEquals("siteVisits", assertProblem(post(reportPath, "{\"communityId\":\"" + community.get("A1") + "\",\"reportedOn\":\"" + today
				+ "\",\"summary\":\"述职\",\"interviews\":\"谈话5人\",\"documents\":\"台账\"}"), 400).get("field").asText());
		created(post(reportPath, "{\"communityId\":\"" + community.get("A1") + "\",\"reportedOn\":\"" + today + "\",\"summary\":\"半年述职\","
				+ "\"siteVisits\":\"走访居民20户\",\"interviews\":\"个别谈话5人\",\"documents\":\"查阅台账12册\"}"));
		String scorePath = reportPath + "/" + community.get("A1") + "/scores";
		assertEquals(200, post(scorePath, "{\"rater\":\"ORGANIZATION\",\"score\":92}").status());
		assertEquals(200, post(scorePath, "{\"rater\":\"CIVIL_AFFAIRS\",\"score\":90}").status());
		assertEquals(409, assertProblem(post(scorePath, "{\"rater\":\"CIVIL_AFFAIRS\",\"score\":10}"), 409).get("status").asInt());
		JsonNode reported = post(scorePath, "{\"rater\":\"STREET\",\"score\":91}").json();
		assertEquals(reported.toString(), 91.0, reported.get("result").asDouble(), 0.001);

		// closing scoring rates, grades and classifies, each with the plugin that decided
		assertEquals("SCORING_CLOSED", post("/api/evaluation-cycles/" + id + "/close-scoring", "").json().get("status").asText());
		assertProblem(post("/api/evaluation-cycles/" + id + "/scores", "{\"departmentId\":\"" + mz + "\",\"scores\":[{\"communityId\":\""
				+ community.get("A2") + "\",\"score\":99}]}"), 409);
		assertEquals(65.0, get("/api/evaluation-cycles/" + id + "/scores?community=" + community.get("A2") + "&department=" + mz).json()
				.get("items").get(0).get("score").asDouble(), 0.001);
		JsonNode rating = get("/api/evaluation-cycles/" + id + "/ratings/" + community.get("A1")).json();
		assertEquals(5, rating.get("stars").asInt());
		assertEquals("org.touyan.plugin.star.district", rating.get("provenance").get("bundle").asText());
		Map<String, String> type = new HashMap<>();
		for (JsonNode p : get("/api/evaluation-cycles/" + id + "/classifications").json().get("items")) {
			assertEquals("org.touyan.plugin.classification.district", p.get("provenance").get("bundle").asText());
			type.put(p.get("personId").asText(), p.get("type").asText());
		}
		assertEquals("MODEL", type.get(secretary.get("A1")));
		assertEquals("MODEL", type.get(secretary.get("B1")));
		assertEquals("POTENTIAL", type.get(secretary.get("A4")));
		assertEquals("CARETAKER", type.get(secretary.get("A2")));
		for (JsonNode a : get("/api/evaluation-cycles/" + id + "/assessments").json().get("items")) {
			assertEquals(a.toString(), "优秀", a.get("grade").asText());
			assertEquals("org.touyan.plugin.review.district", a.get("provenance").get("bundle").asText());
		}

		// measures follow the type
		String measures = "/api/evaluation-cycles/" + id + "/measures";
		created(post(measures, "{\"personId\":\"" + secretary.get("A1") + "\",\"kind\":\"STUDIO\",\"title\":\"红心书记工作室\","
				+ "\"followedBy\":\"组织科\",\"startedOn\":\"" + today + "\"}"));
		JsonNode wrong = assertProblem(post(measures, "{\"personId\":\"" + secretary.get("A2") + "\",\"kind\":\"STUDIO\",\"title\":\"工作室\","
				+ "\"followedBy\":\"组织科\",\"startedOn\":\"" + today + "\"}"), 422);
		assertEquals("kind", wrong.get("field").asText());
		JsonNode help = created(post(measures, "{\"personId\":\"" + secretary.get("A2") + "\",\"kind\":\"ONE_ON_ONE\",\"title\":\"一对一帮扶\","
				+ "\"startedOn\":\"" + today + "\"}"));
		assertEquals("the cadre the classification named", cadre, help.get("helperId").asText());
		assertEquals(2, get(measures).json().get("items").size());

		// mentoring: proposed to the rule of 3–4, refused where a rule breaks, confirmed
		int year = today.getYear();
		JsonNode proposal = post("/api/mentoring/proposals", "{\"districtId\":\"" + district + "\",\"year\":" + year + "}").json();
		assertEquals(proposal.toString(), 6, proposal.get("pairs").size());
		Map<String, String[]> proposed = new HashMap<>();
		for (JsonNode p : proposal.get("pairs")) {
			proposed.put(p.get("mentee").get("personId").asText(), new String[] { p.get("mentor").get("personId").asText(), p.get("basis").asText() });
		}
		assertEquals(secretary.get("A1"), proposed.get(secretary.get("A2"))[0]);
		assertEquals("JOINT_COMMITTEE", proposed.get(secretary.get("A2"))[1]);
		assertEquals(secretary.get("B1"), proposed.get(secretary.get("B2"))[0]);
		assertEquals("STREET", proposed.get(secretary.get("B2"))[1]);
		for (JsonNode m : proposal.get("mentors")) {
			assertEquals("six mentees: two mentors at three each, " + proposal.get("mentors"), 3, m.get("mentees").asInt());
			assertEquals("WITHIN", m.get("load").asText());
		}
		assertEquals(0, proposal.get("belowMinimum").size());
		List<String> atB1 = new ArrayList<>();
		String firstPair = null;
		for (Map.Entry<String, String[]> p : proposed.entrySet()) {
			String pairId = created(post("/api/mentoring/pairings", pair(district, year, p.getValue()[0], p.getKey()))).get("id").asText();
			// one A1 mentors: its note must reach A1's archive, checked below, whatever order the map iterates in
			firstPair = firstPair == null && p.getValue()[0].equals(secretary.get("A1")) ? pairId : firstPair;
			if ("DISTRICT".equals(p.getValue()[1])) {
				atB1.add(pairId);
			}
		}
		assertEquals("B1 takes two of the first street's mentees", 2, atB1.size());
		// B1 gives both up; A1 takes one (its 4th) and is refused the other (a 5th breaks 每年帮带3—4名)
		List<String> freed = new ArrayList<>();
		for (String pairId : atB1) {
			freed.add(post("/api/mentoring/pairings/" + pairId + "/end", "{\"reason\":\"调整帮带对象\"}").json().get("mentee").get("personId").asText());
		}
		created(post("/api/mentoring/pairings", pair(district, year, secretary.get("A1"), freed.get(0))));
		JsonNode fifth = assertProblem(post("/api/mentoring/pairings", pair(district, year, secretary.get("A1"), freed.get(1))), 422);
		assertTrue(fifth.toString(), fifth.get("detail").asText().contains("最多 4 名"));
		assertEquals("mentorId", fifth.get("field").asText());
		assertEquals("mentorId", assertProblem(post("/api/mentoring/pairings", pair(district, year, secretary.get("A2"), freed.get(1))), 422)
				.get("field").asText());
		assertEquals("menteeId", assertProblem(post("/api/mentoring/pairings", pair(district, year, secretary.get("A1"), secretary.get("B1"))), 422)
				.get("field").asText());
		assertProblem(post("/api/mentoring/pairings", pair(district, year, secretary.get("B1"), secretary.get("B1"))), 422);
		assertProblem(post("/api/mentoring/pairings", pair(district, year, secretary.get("B1"), secretary.get("A2"))), 409);
		assertEquals("refusals store nothing", 7, get("/api/mentoring/pairings?district=" + district).json().get("total").asInt());
		created(post("/api/mentoring/pairings", pair(district, year, secretary.get("B1"), freed.get(1))));
		created(post("/api/mentoring/pairings/" + firstPair + "/notes", "{\"note\":\"治理联抓：共同召开居民议事会\"}"));
		JsonNode coverage = get("/api/mentoring/coverage?district=" + district).json();
		assertEquals(coverage.toString(), 6, coverage.get("helped").asInt());
		assertEquals(1.0, coverage.get("share").asDouble(), 0.0001);
		// fewer than 3 is allowed, and flagged
		assertEquals(coverage.toString(), 1, coverage.get("mentorCounts").get("belowMinimum").asInt());
		assertEquals(1, coverage.get("mentorCounts").get("within").asInt());
		for (JsonNode m : coverage.get("mentors")) {
			boolean b1 = m.get("mentor").get("personId").asText().equals(secretary.get("B1"));
			assertEquals(b1 ? 2 : 4, m.get("mentees").asInt());
			assertEquals(b1, m.get("belowMinimum").asBoolean());
			assertFalse(m.get("aboveMaximum").asBoolean());
		}

		// the negative list: 15 items from the plugin; a lighter incident is rectified, a serious one opens a filing
		JsonNode catalogue = get("/api/negative-list?district=" + district).json();
		assertEquals(15, catalogue.get("items").size());
		assertEquals("org.touyan.plugin.negativelist.district", catalogue.get("provenance").get("bundle").asText());
		String incidents = "/api/negative-list/incidents";
		assertEquals("items", assertProblem(post(incidents, incident(secretary.get("A5"), today, "N99")), 422).get("field").asText());
		assertEquals("evidence", assertProblem(post(incidents, "{\"personId\":\"" + secretary.get("A5") + "\",\"occurredOn\":\"" + today
				+ "\",\"items\":[\"N01\"],\"description\":\"走访敷衍\",\"evidence\":[]}"), 400).get("field").asText());
		assertEquals(0, get(incidents + "?district=" + district).json().get("total").asInt());
		JsonNode lighter = created(post(incidents, incident(secretary.get("A5"), today, "N01")));
		assertEquals("RECTIFICATION", lighter.get("consequence").asText());
		assertTrue(lighter.get("explanation").asText().contains("作风不实"));
		assertEquals(today.plusDays(30).toString(), lighter.get("deadline").asText());
		String followUps = incidents + "/" + lighter.get("id").asText() + "/follow-ups";
		assertEquals("RECTIFYING", post(followUps, "{\"note\":\"已约谈，整改中\",\"rectified\":false}").json().get("status").asText());
		assertEquals("RECTIFIED", post(followUps, "{\"note\":\"整改到位\",\"rectified\":true}").json().get("status").asText());
		JsonNode serious = created(post(incidents, incident(secretary.get("A6"), today, "N11")));
		assertEquals("ADJUSTMENT", serious.get("consequence").asText());
		assertTrue(serious.get("explanation").asText().contains("以权谋私"));
		JsonNode filing = get("/api/filings/" + serious.get("filingId").asText()).json();
		assertEquals(filing.toString(), "REMOVAL", filing.get("kind").asText());
		assertEquals("OPEN", filing.get("status").asText());
		assertEquals(secretary.get("A6"), filing.get("personId").asText());

		// use: an incentive waits while an incident is open; recruitment once
		String use = "/api/use-records";
		created(post(use, "{\"personId\":\"" + secretary.get("A1") + "\",\"kind\":\"HONOUR\",\"title\":\"优秀社区党组织书记\",\"decidedOn\":\"" + today + "\"}"));
		assertProblem(post(use, "{\"personId\":\"" + secretary.get("A6") + "\",\"kind\":\"HONOUR\",\"title\":\"优秀社区党组织书记\",\"decidedOn\":\""
				+ today + "\"}"), 409);
		assertEquals("detail", assertProblem(post(use, "{\"personId\":\"" + secretary.get("B1") + "\",\"kind\":\"DELEGATE\",\"title\":\"区人大代表人选\","
				+ "\"decidedOn\":\"" + today + "\"}"), 400).get("field").asText());
		created(post(use, "{\"personId\":\"" + secretary.get("B1") + "\",\"kind\":\"RECRUITMENT\",\"title\":\"街道事业编制人员\",\"decidedOn\":\"" + today + "\"}"));
		assertEquals(2, get(use + "/summary?district=" + district).json().get("total").asInt());
		assertEquals(1, get(use + "?person=" + secretary.get("A1")).json().get("total").asInt());

		// published; the cycle's report and its CSV sections
		assertEquals("PUBLISHED", post("/api/evaluation-cycles/" + id + "/publish", "").json().get("status").asText());
		JsonNode summary = get("/api/evaluation-cycles/" + id + "/summary").json();
		assertEquals(summary.toString(), 8, summary.get("stars").get("district").get("rated").asInt());
		assertEquals(2, summary.get("grades").get("district").get("counts").get("优秀").asInt());
		assertEquals(2, summary.get("types").get("district").get("counts").get("示范").asInt());
		assertEquals(2, summary.get("types").get("streets").size());
		assertEquals(6, summary.get("mentoring").get("mentored").asInt());
		assertEquals(2, summary.get("incidents").get("total").asInt());
		assertEquals(1, summary.get("incidents").get("byConsequence").get("ADJUSTMENT").asInt());
		assertEquals(91.0, summary.get("dutyReports").get("meanResult").asDouble(), 0.001);
		Reply types = get("/api/evaluation-cycles/" + id + "/summary/types");
		assertEquals(200, types.status());
		assertTrue(types.contentType(), types.contentType().startsWith("text/csv"));
		assertTrue(types.body(), types.body().contains("scope,示范,骨干,潜力,守摊,failed") && types.body().contains("district,2,0,1,5,0"));
		assertTrue(get("/api/evaluation-cycles/" + id + "/summary/incidents").body().contains("N11"));
		assertProblem(get("/api/evaluation-cycles/" + id + "/summary/everything"), 404);

		// 一人一档: every change reached the secretaries' archives
		String a1 = get("/api/people/" + secretary.get("A1") + "/archive?limit=500").body();
		for (String action : new String[] { "duty-report.result", "measure.recorded", "mentoring.mentor-paired", "mentoring.noted", "use.honour" }) {
			assertTrue(action, a1.contains(action));
		}
		assertTrue(get("/api/people/" + secretary.get("A5") + "/archive?limit=500").body().contains("negative-list.rectified"));
		assertFalse(get("/api/people/" + secretary.get("A3") + "/archive?limit=500").body().contains("negative-list"));
		assertTrue(get("/api/people/" + secretary.get("A6") + "/archive/verify").json().get("intact").asBoolean());
	}

	private static String pair(String district, int year, String mentor, String mentee) {
		return "{\"districtId\":\"" + district + "\",\"year\":" + year + ",\"mentorId\":\"" + mentor + "\",\"menteeId\":\"" + mentee + "\"}";
	}

	private static String incident(String person, LocalDate on, String item) {
		return "{\"personId\":\"" + person + "\",\"occurredOn\":\"" + on + "\",\"items\":[\"" + item + "\"],\"description\":\"入户走访敷衍\","
				+ "\"evidence\":[\"街道督查记录\",\"居民反映\"]}";
	}

	private Reply post(String path, String json) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
	}

	private static JsonNode created(Reply reply) throws Exception {
		assertEquals(reply.toString(), 201, reply.status());
		return reply.json();
	}

}
