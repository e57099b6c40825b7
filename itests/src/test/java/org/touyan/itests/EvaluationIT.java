package org.touyan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.touyan.itests.plugins.MeanFormula;
import org.touyan.itests.plugins.OneStarFormula;
import org.touyan.itests.plugins.PluginJars;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An evaluation cycle through the API on a district of its own: open (pinned), departments enter
 * scores as JSON and CSV, bad entries store nothing, a formula swapped mid-cycle does not change
 * the cycle's ratings, scoring closes with ratings that carry provenance and reach the secretary's
 * archive, re-rating is explicit, publishing and archiving release the pin.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class EvaluationIT extends PlatformTest {

	private static final String BSN = "test.eval.formula";

	@Test
	public void aCycleFromOpeningToArchiveKeepsItsPinnedFormula() throws Exception {
		String code = "E" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		String district = created(post("/api/districts", "{\"code\":\"" + code + "\",\"name\":\"评价测试区\"}")).get("id").asText();
		String street = created(post("/api/streets", "{\"parentId\":\"" + district + "\",\"code\":\"S1\",\"name\":\"评价街道\"}")).get("id").asText();
		String k1 = created(post("/api/communities", "{\"parentId\":\"" + street + "\",\"code\":\"K1\",\"name\":\"一号社区\"}")).get("id").asText();
		String k2 = created(post("/api/communities", "{\"parentId\":\"" + street + "\",\"code\":\"K2\",\"name\":\"二号社区\"}")).get("id").asText();
		String mz = created(post("/api/departments", "{\"districtId\":\"" + district + "\",\"code\":\"MZJ\",\"name\":\"民政局\",\"scores\":true}"))
				.get("id").asText();
		String zf = created(post("/api/departments", "{\"districtId\":\"" + district + "\",\"code\":\"ZFW\",\"name\":\"政法委\",\"scores\":true}"))
				.get("id").asText();
		String audit = created(post("/api/departments", "{\"districtId\":\"" + district + "\",\"code\":\"SJ\",\"name\":\"审计局\",\"vets\":true}"))
				.get("id").asText();
		String person = created(post("/api/people", "{\"districtId\":\"" + district + "\",\"name\":\"周丽华\",\"idNumber\":\""
				+ idNumber("11010519800202" + String.format("%03d", (int) (Math.random() * 1000))) + "\"}")).get("id").asText();
		created(post("/api/people/" + person + "/posts", "{\"kind\":\"COMMUNITY_SECRETARY\",\"unitId\":\"" + k1 + "\",\"startDate\":\"2022-01-01\"}"));

		// the street rates with a plugin of this test, 1.0.0: the district arithmetic
		assertEquals(201, upload(PluginJars.formula(BSN, "1.0.0", MeanFormula.class, "evalmean", null)).status());
		bind(street, "evalmean");
		Reply weighting = send("PUT", "/api/plugins/bindings", "application/json",
				"{\"spi\":\"ReviewWeighting\",\"districtId\":\"" + district + "\",\"policyId\":\"district-four-reviews\"}");
		assertEquals(weighting.body(), 200, weighting.status());
		Reply classification = send("PUT", "/api/plugins/bindings", "application/json",
				"{\"spi\":\"ClassificationPolicy\",\"districtId\":\"" + district + "\",\"policyId\":\"district-classification\"}");
		assertEquals(classification.body(), 200, classification.status());

		JsonNode cycle = created(post("/api/evaluation-cycles", "{\"districtId\":\"" + district + "\",\"period\":\"2026-H1\"}"));
		String id = cycle.get("id").asText();
		assertEquals("DRAFT", cycle.get("status").asText());
		assertEquals(code + "-2026-H1", cycle.get("pinKey").asText());
		assertEquals(409, assertProblem(post("/api/evaluation-cycles", "{\"districtId\":\"" + district + "\",\"period\":\"2026-H1\"}"), 409)
				.get("status").asInt());
		assertTrue(assertProblem(post("/api/evaluation-cycles/" + id + "/publish", ""), 409).get("detail").asText().contains("下一步是评分中（OPEN）"));
		assertEquals("OPEN", post("/api/evaluation-cycles/" + id + "/open", "").json().get("status").asText());
		assertTrue(get("/api/plugins/pins").body().contains(code + "-2026-H1"));

		// bad entries name the rule and store nothing
		Reply outOfRange = post("/api/evaluation-cycles/" + id + "/scores", "{\"departmentId\":\"" + mz + "\",\"scores\":["
				+ "{\"communityId\":\"" + k1 + "\",\"score\":95},{\"communityId\":\"" + k2 + "\",\"score\":101}]}");
		assertEquals(outOfRange.body(), 422, outOfRange.status());
		assertTrue(outOfRange.body(), outOfRange.json().toString().contains("0 至 100"));
		Reply foreign = post("/api/evaluation-cycles/" + id + "/scores", "{\"departmentId\":\"" + mz + "\",\"scores\":["
				+ "{\"communityId\":\"" + k1 + "\",\"dimension\":\"ZFW\",\"score\":95}]}");
		assertEquals(422, foreign.status());
		assertTrue(foreign.body(), foreign.json().toString().contains("只为本部门负责的维度评分"));
		assertEquals("departmentId", assertProblem(post("/api/evaluation-cycles/" + id + "/scores", "{\"departmentId\":\"" + audit
				+ "\",\"scores\":[{\"communityId\":\"" + k1 + "\",\"score\":95}]}"), 400).get("field").asText());
		assertEquals(0, get("/api/evaluation-cycles/" + id + "/scores").json().get("total").asInt());

		// 民政局 enters JSON, 政法委 its column as CSV; completeness shows each department
		assertEquals(200, post("/api/evaluation-cycles/" + id + "/scores", "{\"departmentId\":\"" + mz + "\",\"scores\":["
				+ "{\"communityId\":\"" + k1 + "\",\"score\":95},{\"communityId\":\"" + k2 + "\",\"score\":70}]}").status());
		Reply csv = send(HttpRequest.newBuilder(URI.create(base() + "/api/evaluation-cycles/" + id + "/scores.csv?department=" + zf))
				.header("Content-Type", "text/csv")
				.POST(HttpRequest.BodyPublishers.ofString("communityId,score\n" + k1 + ",91\n", StandardCharsets.UTF_8)));
		assertEquals(csv.body(), 200, csv.status());
		JsonNode completeness = get("/api/evaluation-cycles/" + id + "/completeness").json().get("items");
		assertEquals(completeness.toString(), 2, completeness.size());
		assertTrue(completeness.toString(), completeness.toString().contains("\"code\":\"ZFW\",\"name\":\"政法委\",\"scored\":1,\"communities\":2,\"complete\":false"));
		Reply corrected = send("PUT", "/api/evaluation-cycles/" + id + "/scores/" + k2 + "/" + mz, "application/json",
				"{\"score\":72,\"reason\":\"录入错误\"}");
		assertEquals(corrected.body(), 200, corrected.status());
		assertEquals("录入错误", get("/api/evaluation-cycles/" + id + "/corrections").json().get("items").get(0).get("reason").asText());

		// residents' ballots: issued per community, each token once
		Reply issued = post("/api/evaluation-cycles/" + id + "/ballots", "{\"communityId\":\"" + k1 + "\",\"count\":2}");
		assertEquals(issued.body(), 201, issued.status());
		String token = issued.json().get("tokens").get(0).asText();
		String ballot = "{\"de\":90,\"neng\":85,\"qin\":88,\"ji\":92,\"lian\":95}";
		assertEquals(204, post("/api/ballots/" + token, ballot).status());
		assertTrue(assertProblem(post("/api/ballots/" + token, ballot), 409).get("detail").asText().contains("每张票只计一次"));
		JsonNode tally = get("/api/evaluation-cycles/" + id + "/ballots/" + k1).json();
		assertEquals(tally.toString(), 1, tally.get("cast").asInt());
		assertFalse(tally.get("counts").asBoolean());

		// the other three reviews of k1's secretary; k2 has none
		assertEquals("kind", assertProblem(post("/api/evaluation-cycles/" + id + "/reviews", "{\"communityId\":\"" + k1
				+ "\",\"kind\":\"RESIDENTS\",\"score\":90}"), 400).get("field").asText());
		for (String review : new String[] { "SELF\",\"score\":100", "STREET\",\"score\":80", "ORGANIZATION\",\"score\":90" }) {
			Reply r = post("/api/evaluation-cycles/" + id + "/reviews", "{\"communityId\":\"" + k1 + "\",\"kind\":\"" + review + "}");
			assertEquals(r.body(), 201, r.status());
		}
		assertEquals(409, assertProblem(post("/api/evaluation-cycles/" + id + "/reviews", "{\"communityId\":\"" + k2
				+ "\",\"kind\":\"SELF\",\"score\":90}"), 409).get("status").asInt());

		// the formula is swapped during the open cycle: new ratings use 2.0.0, the cycle keeps 1.0.0
		assertEquals(201, upload(PluginJars.formula(BSN, "2.0.0", OneStarFormula.class, "evalmean", null)).status());
		JsonNode preview = post("/api/star-ratings/preview", "{\"communityId\":\"" + k1 + "\",\"streetId\":\"" + street
				+ "\",\"period\":\"2026-H1\",\"scores\":{\"MZJ\":95,\"ZFW\":91}}").json();
		assertEquals("2.0.0", preview.get("provenance").get("version").asText());
		assertEquals(1, preview.get("stars").asInt());

		JsonNode closed = post("/api/evaluation-cycles/" + id + "/close-scoring", "").json();
		assertEquals("SCORING_CLOSED", closed.get("status").asText());
		assertEquals(409, assertProblem(post("/api/evaluation-cycles/" + id + "/scores", "{\"departmentId\":\"" + zf + "\",\"scores\":["
				+ "{\"communityId\":\"" + k2 + "\",\"score\":80}]}"), 409).get("status").asInt());
		JsonNode r1 = get("/api/evaluation-cycles/" + id + "/ratings/" + k1).json();
		assertEquals(r1.toString(), 5, r1.get("stars").asInt());
		assertEquals(93.0, r1.get("score").asDouble(), 0.001);
		assertEquals("1.0.0", r1.get("provenance").get("version").asText());
		assertEquals(BSN, r1.get("provenance").get("bundle").asText());
		assertEquals(64, r1.get("inputHash").asText().length());
		assertEquals(3, get("/api/evaluation-cycles/" + id + "/ratings/" + k2).json().get("stars").asInt());
		assertEquals(2, get("/api/evaluation-cycles/" + id + "/ratings?street=" + street).json().get("total").asInt());
		assertTrue(get("/api/people/" + person + "/archive").body().contains("star-rating.rated"));
		JsonNode assessment = get("/api/evaluation-cycles/" + id + "/assessments").json().get("items").get(0);
		assertEquals(assessment.toString(), person, assessment.get("personId").asText());
		assertEquals("(100×0.1 + 80×0.3 + 90×0.3) / 0.7: one ballot is below the minimum", 87.14, assessment.get("score").asDouble(), 0.001);
		assertEquals("称职", assessment.get("grade").asText());
		assertEquals("org.touyan.plugin.review.district", assessment.get("provenance").get("bundle").asText());
		assertTrue(get("/api/people/" + person + "/archive").body().contains("assessment.graded"));
		JsonNode placed = get("/api/evaluation-cycles/" + id + "/classifications").json().get("items");
		assertEquals(placed.toString(), 1, placed.size());
		assertEquals("5 stars and 称职", "BACKBONE", placed.get(0).get("type").asText());
		assertEquals("骨干", placed.get(0).get("typeName").asText());
		assertTrue(placed.toString(), placed.get(0).get("measures").toString().contains("书记工作室"));
		assertEquals("org.touyan.plugin.classification.district", placed.get(0).get("provenance").get("bundle").asText());
		assertTrue(get("/api/people/" + person + "/archive").body().contains("classification.placed"));
		JsonNode report = get("/api/evaluation-cycles/" + id + "/report").json();
		assertEquals(report.toString(), "[0,0,1,0,1]", report.get("district").get("stars").toString());
		Reply csvOut = get("/api/evaluation-cycles/" + id + "/ratings.csv");
		assertEquals(200, csvOut.status());
		assertTrue(csvOut.body(), csvOut.body().contains(k1 + ",1,93,5,"));

		// re-rating is explicit, with a reason, and still uses the pinned version
		assertEquals("reason", assertProblem(post("/api/evaluation-cycles/" + id + "/rating-runs", "{}"), 400).get("field").asText());
		JsonNode run = post("/api/evaluation-cycles/" + id + "/rating-runs", "{\"reason\":\"复核\"}").json();
		assertEquals(run.toString(), 2, run.get("run").asInt());
		assertEquals("1.0.0", get("/api/evaluation-cycles/" + id + "/ratings/" + k1).json().get("provenance").get("version").asText());
		assertTrue(get("/api/people/" + person + "/archive").body().contains("star-rating.rerated"));

		assertEquals("PUBLISHED", post("/api/evaluation-cycles/" + id + "/publish", "").json().get("status").asText());
		assertEquals("ARCHIVED", post("/api/evaluation-cycles/" + id + "/archive", "").json().get("status").asText());
		assertFalse(get("/api/plugins/pins").body().contains(code + "-2026-H1"));
		JsonNode transitions = get("/api/evaluation-cycles/" + id + "/transitions").json().get("items");
		assertEquals(4, transitions.size());
		assertEquals("组织部管理员 (admin)", transitions.get(0).get("actor").asText());

		// leave the platform's plugins as they were
		bind(street, "district-default");
		assertEquals(204, send(HttpRequest.newBuilder(URI.create(base() + "/api/plugins/" + BSN)).DELETE()).status());
	}

	@Test
	public void theDemoDistrictHasTwoRatedHalfYears() throws Exception {
		String district = null;
		for (JsonNode d : get("/api/districts?limit=500").json().get("items")) {
			if (d.get("code").asText().equals("DEMO")) {
				district = d.get("id").asText();
			}
		}
		assertTrue("no demo district", district != null);
		// the demo loads in the background after the registry and the bindings; its last step is the use records
		awaitDemo();
		assertEquals(2, archived(district));
		for (JsonNode cycle : get("/api/evaluation-cycles?district=" + district).json().get("items")) {
			String id = cycle.get("id").asText();
			JsonNode report = get("/api/evaluation-cycles/" + id + "/report").json();
			assertEquals(report.toString(), 52, report.get("district").get("rated").asInt());
			int levels = 0;
			for (JsonNode n : report.get("district").get("stars")) {
				levels += n.asInt() > 0 ? 1 : 0;
			}
			assertTrue("the demo's stars spread over levels: " + report, levels >= 3);
			java.util.Set<String> types = new java.util.HashSet<>();
			for (JsonNode p : get("/api/evaluation-cycles/" + id + "/classifications?limit=500").json().get("items")) {
				assertTrue(p.toString(), p.get("type").isTextual());
				types.add(p.get("type").asText());
			}
			assertTrue("the demo's secretaries fall into several types: " + types, types.size() >= 2);
			JsonNode assessments = get("/api/evaluation-cycles/" + id + "/assessments?limit=500").json().get("items");
			assertEquals(52, assessments.size());
			for (JsonNode a : assessments) {
				assertTrue(a.toString(), a.get("grade").isTextual() && a.get("ballots").asInt() >= 10);
			}
			for (JsonNode done : get("/api/evaluation-cycles/" + id + "/completeness").json().get("items")) {
				assertTrue(done.toString(), done.get("complete").asBoolean());
			}
		}
		assertFalse(get("/api/plugins/pins").body().contains("DEMO-2025"));

		JsonNode use = get("/api/use-records/summary?district=" + district).json();
		assertEquals(use.toString(), 8, use.get("kinds").get(3).get("count").asInt());
		assertEquals("RECRUITMENT", use.get("kinds").get(3).get("kind").asText());
		assertTrue(use.toString(), use.get("total").asInt() > 8);
		for (JsonNode cycle : get("/api/evaluation-cycles?district=" + district).json().get("items")) {
			String id = cycle.get("id").asText();
			JsonNode summary = get("/api/evaluation-cycles/" + id + "/summary").json();
			assertEquals(summary.toString(), 6, summary.get("dutyReports").get("scored").asInt());
			assertTrue(summary.toString(), summary.get("mentoring").get("mentored").asInt() > 0);
			// the demo follows 每年帮带3—4名: every mentor of its confirmed pairs has 3 or 4
			JsonNode mentoring = summary.get("mentoring");
			assertEquals(mentoring.toString(), 0, mentoring.get("mentorCounts").get("belowMinimum").asInt());
			assertEquals(mentoring.toString(), 0, mentoring.get("mentorCounts").get("aboveMaximum").asInt());
			assertEquals(mentoring.toString(), mentoring.get("mentorCounts").get("mentoring").asInt(), mentoring.get("mentorCounts").get("within").asInt());
			for (JsonNode m : mentoring.get("mentors")) {
				int n = m.get("mentees").asInt();
				assertTrue(m.toString(), n == 0 || n == 3 || n == 4);
			}
			assertTrue(get("/api/evaluation-cycles/" + id + "/measures").json().get("items").size() > 0);
			if (cycle.get("period").asText().equals("2025-H2")) {
				assertEquals(summary.toString(), 2, summary.get("incidents").get("total").asInt());
			}
		}
		assertEquals(2, get("/api/negative-list/incidents?district=" + district).json().get("total").asInt());
	}

	private int archived(String district) throws Exception {
		int n = 0;
		for (JsonNode cycle : get("/api/evaluation-cycles?district=" + district).json().get("items")) {
			n += cycle.get("status").asText().equals("ARCHIVED") ? 1 : 0;
		}
		return n;
	}

	private Reply post(String path, String json) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
	}

	private static JsonNode created(Reply reply) throws Exception {
		assertEquals(reply.toString(), 201, reply.status());
		return reply.json();
	}

	private void bind(String street, String policy) throws Exception {
		Reply r = send("PUT", "/api/plugins/bindings", "application/json",
				"{\"spi\":\"StarRatingFormula\",\"streetId\":\"" + street + "\",\"policyId\":\"" + policy + "\"}");
		assertEquals(r.body(), 200, r.status());
	}

}
