package org.touyan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.Bundle;

/**
 * The eligibility rule set is a plugin that comes and goes at run time: without it a check is a 409
 * saying so, and with it back the same request is judged again, by the same endpoint.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class EligibilityPluginIT extends PlatformTest {

	@Test
	public void aCheckWithoutTheRuleSetPluginIsAConflictAndWorksAgainWhenItReturns() throws Exception {
		String district = json("POST", "/api/districts", "{\"code\":\"E" + UUID.randomUUID().toString().substring(0, 8)
				+ "\",\"name\":\"插件区\"}").json().get("id").asText();
		String person = json("POST", "/api/people", "{\"districtId\":\"" + district
				+ "\",\"name\":\"李秀英\",\"idNumber\":\"11010519491231002X\",\"partyMemberSince\":\"1975-07-01\"}").json().get("id").asText();
		String check = "/api/people/" + person + "/eligibility-checks";

		// the plugin manager installs it from deploy/ shortly after start-up
		Bundle plugin = null;
		for (long deadline = System.currentTimeMillis() + 20_000; plugin == null && System.currentTimeMillis() < deadline;) {
			plugin = Arrays.stream(context.getBundles()).filter(b -> "org.touyan.plugin.eligibility".equals(b.getSymbolicName())
					&& b.getState() == Bundle.ACTIVE).findFirst().orElse(null);
			if (plugin == null) {
				Thread.sleep(100);
			}
		}
		assertNotNull("the eligibility plugin is installed from deploy/", plugin);
		plugin.stop();
		try {
			assertEquals(0, get("/api/eligibility/rule-sets").json().get("items").size());
			assertTrue(assertProblem(json("POST", check, "{\"facts\":{}}"), 409).get("detail").asText().contains("district-default-20"));
		} finally {
			plugin.start();
		}
		assertEquals(1, get("/api/eligibility/rule-sets").json().get("items").size());
		assertEquals(201, json("POST", check, "{\"facts\":{}}").status());
		assertEquals(1, get(check).json().get("total").asInt());
	}

	private Reply json(String method, String path, String body) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
	}
}
