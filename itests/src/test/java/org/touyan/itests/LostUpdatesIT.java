package org.touyan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * No lost updates: a single resource's GET answers an ETag, a write needs it back as If-Match (428
 * without, 412 naming the current version when stale, nothing written either way), and two clients
 * changing different fields of one person at the same moment both keep their change.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class LostUpdatesIT extends PlatformTest {

	private static final int ROUNDS = 200;

	@Test
	public void aWriteWithoutOrWithAStaleIfMatchIsRefusedAndWritesNothing() throws Exception {
		String person = newPerson();
		String path = "/api/people/" + person;
		Read read = read(path);
		assertEquals("an unchanged person keeps its version", read.etag(), read(path).etag());
		int entries = archiveEntries(person);

		JsonNode missing = assertProblem(put(path, null, body(read.json(), "name", "李四")), 428);
		assertEquals("If-Match", missing.get("field").asText());
		assertProblem(put(path, "*", body(read.json(), "name", "李四")), 428);

		Reply changed = put(path, read.etag(), body(read.json(), "education", "硕士研究生"));
		assertEquals(changed.toString(), 200, changed.status());
		Read now = read(path);
		assertNotEquals(read.etag(), now.etag());
		JsonNode stale = assertProblem(put(path, read.etag(), body(read.json(), "name", "李四")), 412);
		assertEquals(now.etag(), stale.get("currentVersion").asText());
		assertTrue(stale.get("detail").asText(), stale.get("detail").asText().contains(now.etag()));

		Read after = read(path);
		assertEquals("张三", after.json().get("name").asText());
		assertEquals("硕士研究生", after.json().get("education").asText());
		assertEquals("only the one accepted change is archived", entries + 1, archiveEntries(person));
		// lists keep working as before, without a version
		assertEquals(200, get("/api/people?limit=1").status());
	}

	@Test
	public void theDocumentDeclaresETagAndARequiredIfMatch() throws Exception {
		JsonNode paths = get("/api/openapi.json").json().get("paths");
		JsonNode ok = paths.get("/api/people/{id}").get("get").get("responses").get("200");
		assertTrue(ok.toString(), ok.get("headers").has("ETag"));
		for (String[] write : new String[][] { { "/api/people/{id}", "put" }, { "/api/filings/{id}/steps/{position}/complete", "post" },
				{ "/api/evaluation-cycles/{id}/close-scoring", "post" }, { "/api/communities/{id}", "delete" },
				{ "/api/plugins/{bsn}/promote", "post" }, { "/api/plugins/{bsn}/rollback", "post" }, { "/api/plugins/{bsn}/quarantine", "delete" },
				{ "/api/plugins/{bsn}/staged", "delete" }, { "/api/plugins/{bsn}", "delete" },
				{ "/api/shadowing/{id}/report", "post" }, { "/api/first-secretary-missions/{id}/report", "post" },
				{ "/api/evaluation-cycles/{id}/scores/{communityId}/{departmentId}", "put" }, { "/api/plugins/pins/{key}", "delete" },
				{ "/api/users/{id}/password-reset", "post" } }) {
			JsonNode op = paths.get(write[0]).get(write[1]);
			boolean required = false;
			for (JsonNode p : op.get("parameters")) {
				required |= p.get("name").asText().equals("If-Match") && p.get("in").asText().equals("header") && p.get("required").asBoolean();
			}
			assertTrue(write[1] + " " + write[0] + " requires If-Match", required);
			assertTrue(op.get("responses").has("412") && op.get("responses").has("428"));
		}
		assertFalse(paths.get("/api/people").get("get").get("responses").get("200").has("headers"));
	}

	/**
	 * 200 rounds: two clients read the same version of a person, then change different fields at
	 * once. Exactly one wins; the other gets 412, reads again and repeats its change on what is
	 * stored now. At the end of every round both changes are there.
	 */
	@Test
	public void twoConcurrentChangesOfOnePersonAreBothKeptInEveryRound() throws Exception {
		String person = newPerson();
		String path = "/api/people/" + person;
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<String> lost = new ArrayList<>();
		try {
			for (int round = 0; round < ROUNDS; round++) {
				String name = "王" + round + "号";
				String education = "学历" + round;
				CyclicBarrier bothRead = new CyclicBarrier(2);
				Future<Integer> a = pool.submit(() -> change(path, "name", name, bothRead));
				Future<Integer> b = pool.submit(() -> change(path, "education", education, bothRead));
				int attemptsA = a.get(60, TimeUnit.SECONDS);
				int attemptsB = b.get(60, TimeUnit.SECONDS);
				// both read before either wrote: one of them lost the race once and retried
				assertEquals("round " + round + ": exactly one first attempt wins", 3, attemptsA + attemptsB);
				JsonNode stored = read(path).json();
				if (!stored.get("name").asText().equals(name) || !stored.get("education").asText().equals(education)) {
					lost.add("round " + round + ": " + stored);
				}
			}
		} finally {
			pool.shutdownNow();
		}
		assertTrue(lost.size() + " lost updates in " + ROUNDS + " rounds:\n" + String.join("\n", lost), lost.isEmpty());
	}

	/** Reads, waits until the other client has read too, then writes until its change is in; answers the attempts. */
	private Integer change(String path, String field, String value, CyclicBarrier bothRead) throws Exception {
		Read read = read(path);
		bothRead.await(30, TimeUnit.SECONDS);
		for (int attempt = 1; attempt <= 10; attempt++) {
			Reply r = put(path, read.etag(), body(read.json(), field, value));
			if (r.status() == 200) {
				return attempt;
			}
			assertProblem(r, 412);
			read = read(path);
		}
		throw new AssertionError(field + " was refused ten times");
	}

	private Reply put(String path, String ifMatch, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/json")
				.PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		return sendAsIs(request);
	}

	/** The person as read, with one field changed, in the shape a PUT takes (masked numbers are sent back as read). */
	private static String body(JsonNode person, String field, String value) {
		ObjectNode input = JSON.createObjectNode();
		for (String f : new String[] { "districtId", "name", "gender", "birthDate", "idNumber", "phone", "education", "partyMemberSince" }) {
			input.set(f, person.get(f));
		}
		input.put(field, value);
		return input.toString();
	}

	private int archiveEntries(String person) throws Exception {
		return get("/api/people/" + person + "/archive").json().get("total").asInt();
	}

	private String newPerson() throws Exception {
		String district = created("/api/districts", "{\"code\":\"L" + UUID.randomUUID().toString().substring(0, 8) + "\",\"name\":\"版本区\"}");
		String first17 = "3201061985" + String.format("%07d", (int) (Math.random() * 10_000_000));
		first17 = first17.substring(0, 10) + "0315" + first17.substring(14);
		return created("/api/people", "{\"districtId\":\"" + district + "\",\"name\":\"张三\",\"idNumber\":\"" + idNumber(first17)
				+ "\",\"education\":\"大学本科\"}");
	}

	private String created(String path, String json) throws Exception {
		Reply r = send(HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
		assertEquals(r.toString(), 201, r.status());
		return r.json().get("id").asText();
	}

}
