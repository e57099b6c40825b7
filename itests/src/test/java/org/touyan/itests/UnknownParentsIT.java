package org.touyan.itests;

import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A path that names something that does not exist answers 404, for a single resource and for a
 * collection under it alike: {@code GET /api/training/courses/<unknown>/sessions} is not an empty
 * list. Every GET of the OpenAPI document with a path parameter is asked with unknown values.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class UnknownParentsIT extends PlatformTest {

	@Test
	public void everyGetUnderAnUnknownIdAnswers404() throws Exception {
		JsonNode paths = get("/api/openapi.json").json().get("paths");
		List<String> faults = new ArrayList<>();
		int asked = 0;
		for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
			Map.Entry<String, JsonNode> path = it.next();
			if (!path.getKey().contains("{") || !path.getValue().has("get")) {
				continue;
			}
			asked++;
			// an id of either kind: text, and digits for a parameter that is a number (a revision)
			Reply reply = get(path.getKey().replaceAll("\\{[^}]+}", "no-such-7f3a"));
			if (reply.status() == 400) {
				reply = get(path.getKey().replaceAll("\\{[^}]+}", "987654321"));
			}
			if (reply.status() != 404 || !reply.contentType().startsWith("application/problem+json")) {
				String body = reply.body();
				faults.add("GET " + path.getKey() + " answered " + reply.status() + " " + body.substring(0, Math.min(120, body.length())));
			} else {
				assertProblem(reply, 404);
			}
		}
		assertTrue("no GET with a path parameter in the document", asked > 10);
		assertTrue(faults.size() + " of " + asked + " answered something else than 404 for an unknown id:\n" + String.join("\n", faults),
				faults.isEmpty());
	}
}
