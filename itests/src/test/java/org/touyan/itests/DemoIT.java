package org.touyan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;


import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;

/** The demo district, loaded in the background at start, shows the speech's figures over the API. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class DemoIT extends PlatformTest {

	@Test
	public void theDemoDistrictShowsTheSpeechsFigures() throws Exception {
		String district = null;
		for (JsonNode d : get("/api/districts?limit=500").json().get("items")) {
			if (d.get("code").asText().equals("DEMO")) {
				district = d.get("id").asText();
			}
		}
		assertTrue("no demo district", district != null);
		awaitDemo();
		assertEquals(105, get("/api/reserve?district=" + district).json().get("total").asInt());
		assertEquals(52, get("/api/communities?district=" + district).json().get("total").asInt());
		JsonNode coverage = get("/api/districts/" + district + "/assistant-coverage").json();
		assertEquals(52, coverage.get("covered").asInt());
		assertEquals(0, coverage.get("lacking").size());
		assertEquals(52, get("/api/posts?kind=COMMUNITY_SECRETARY&current=true&limit=500").json().get("total").asInt()
				- nonDemoSecretaries(district));
		assertEquals(5, get("/api/posts?kind=FIRST_SECRETARY&current=true").json().get("total").asInt());
		assertEquals("已累计向5个社区选派第一书记", 5,
				get("/api/first-secretary-missions/summary?district=" + district).json().get("communitiesHelped").asInt());
		assertEquals(4, get("/api/joint-committees?district=" + district).json().get("total").asInt());
		assertEquals(11, get("/api/departments?district=" + district + "&scores=true").json().get("total").asInt());
		assertEquals(18, get("/api/departments?district=" + district + "&vets=true").json().get("total").asInt());
		JsonNode duties = get("/api/districts/" + district + "/reference/duty-list/in-force").json().get("categories");
		assertEquals(7, duties.size());
		int items = 0;
		for (JsonNode c : duties) {
			items += c.get("items").size();
		}
		assertEquals(37, items);
		assertEquals(20, get("/api/eligibility/rule-sets").json().get("items").get(0).get("rules").size());
	}

	/** Secretaries other tests of the suite appointed in their own districts. */
	private int nonDemoSecretaries(String demo) throws Exception {
		int other = 0;
		for (JsonNode post : get("/api/posts?kind=COMMUNITY_SECRETARY&current=true&limit=500").json().get("items")) {
			if (!get("/api/people/" + post.get("personId").asText()).json().get("districtId").asText().equals(demo)) {
				other++;
			}
		}
		return other;
	}
}
