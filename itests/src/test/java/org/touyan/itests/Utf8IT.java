package org.touyan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;

/** Chinese text goes in and comes back byte for byte, through JSON, the store and paging. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class Utf8IT extends PlatformTest {

	private static final String NAME = "上海市浦东新区塘桥街道·结对共建 “头雁” 𠮷";

	@Test
	public void chineseNamesRoundTripUntouched() throws Exception {
		Reply created = send("POST", "/api/districts", "application/json",
				"{\"code\":\"U8\",\"name\":\"" + NAME + "\",\"nameEn\":\"Tangqiao\"}");
		assertEquals(created.body(), 201, created.status());
		assertTrue(created.contentType().startsWith("application/json"));
		String id = created.json().get("id").asText();

		JsonNode read = get("/api/districts/" + id).json();
		assertEquals(NAME, read.get("name").asText());

		Reply street = send("POST", "/api/streets", "application/json",
				"{\"parentId\":\"" + id + "\",\"code\":\"TQ\",\"name\":\"塘桥街道\"}");
		assertEquals(street.body(), 201, street.status());
		JsonNode page = get("/api/streets?district=" + id + "&limit=1").json();
		assertEquals(1, page.get("total").asInt());
		assertEquals("塘桥街道", page.get("items").get(0).get("name").asText());

		Reply renamed = send("PUT", "/api/districts/" + id, "application/json", "{\"code\":\"U8\",\"name\":\"头雁区\"}");
		assertEquals(renamed.body(), 200, renamed.status());
		assertEquals("头雁区", get("/api/districts/" + id).json().get("name").asText());
	}
}
