package org.touyan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;

/** Logins, sessions, user administration and the audit log, over HTTP. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class SecurityIT extends PlatformTest {

	@Test
	public void withoutATokenOnlyHealthOpenApiAndLoginAnswer() throws Exception {
		assertEquals(200, anonymous(request("/api/health").GET()).status());
		assertEquals(200, anonymous(request("/api/openapi.json").GET()).status());
		JsonNode problem = assertProblem(anonymous(request("/api/users").GET()), 401);
		assertTrue(problem.get("detail").asText(), problem.get("detail").asText().contains("POST /api/session"));
		assertProblem(anonymous(request("/api/users").header("Authorization", "Bearer " + "A".repeat(43)).GET()), 401);
		assertProblem(anonymous(request("/api/users").header("Authorization", "Basic YWRtaW46eA==").GET()), 401);
		// refused before the body is read: nothing is created
		assertProblem(anonymous(json("POST", "/api/users", "{\"login\":\"sneaky\",\"displayName\":\"x\",\"role\":\"AUDITOR\"}")), 401);
		assertEquals(0, get("/api/users?role=AUDITOR&limit=500").json().get("items").findValuesAsText("login").stream()
				.filter("sneaky"::equals).count());
	}

	@Test
	public void aNewUserLogsInWithTheOneTimePasswordAndMustChangeItFirst() throws Exception {
		Reply created = send(json("POST", "/api/users", "{\"login\":\"shenji.li\",\"displayName\":\"审计员李\",\"role\":\"AUDITOR\"}"));
		assertEquals(created.body(), 201, created.status());
		String oneTime = created.json().get("oneTimePassword").asText();
		String userId = created.json().get("user").get("id").asText();
		assertTrue(created.json().get("user").get("mustChangePassword").asBoolean());

		String token = login("shenji.li", oneTime);
		assertEquals("审计员李", as(token, request("/api/session").GET()).json().get("displayName").asText());
		assertTrue(assertProblem(as(token, request("/api/users").GET()), 403).get("detail").asText().contains("一次性密码"));
		assertProblem(as(token, json("PUT", "/api/session/password", "{\"currentPassword\":\"wrong-one-1\",\"newPassword\":\"审计员的新密码-2026\"}")), 400);
		assertProblem(as(token, json("PUT", "/api/session/password", "{\"currentPassword\":\"" + oneTime + "\",\"newPassword\":\"short\"}")), 400);
		assertEquals(204, as(token, json("PUT", "/api/session/password",
				"{\"currentPassword\":\"" + oneTime + "\",\"newPassword\":\"审计员的新密码-2026\"}")).status());

		// an auditor reads everything and changes nothing
		assertEquals(200, as(token, request("/api/users").GET()).status());
		assertEquals(200, as(token, request("/api/audit").GET()).status());
		JsonNode refused = assertProblem(as(token, json("POST", "/api/users", "{\"login\":\"x1\",\"displayName\":\"x\",\"role\":\"AUDITOR\"}")), 403);
		assertTrue(refused.get("detail").asText(), refused.get("detail").asText().contains("组织部管理员"));

		// the administrator's audit view is not theirs
		assertProblem(send(request("/api/audit").GET()), 403);

		assertEquals(204, as(token, request("/api/session").DELETE()).status());
		assertProblem(as(token, request("/api/session").GET()), 401);

		// disabled: the password no longer opens a session
		assertEquals(200, send(json("PUT", "/api/users/" + userId, "{\"displayName\":\"审计员李\",\"role\":\"AUDITOR\",\"disabled\":true}")).status());
		assertProblem(anonymous(json("POST", "/api/session", "{\"login\":\"shenji.li\",\"password\":\"审计员的新密码-2026\"}")), 401);
	}

	@Test
	public void repeatedFailuresLockTheLoginWhetherOrNotItExists() throws Exception {
		for (String name : new String[] { "admin-typo", "nobody.here" }) {
			for (int i = 0; i < 5; i++) {
				assertProblem(anonymous(json("POST", "/api/session", "{\"login\":\"" + name + "\",\"password\":\"guess-" + i + "-xxxxxx\"}")), 401);
			}
			JsonNode locked = assertProblem(anonymous(json("POST", "/api/session", "{\"login\":\"" + name + "\",\"password\":\"guess-x\"}")), 429);
			assertTrue(locked.get("detail").asText().contains("秒后再试"));
		}
	}

	@Test
	public void invalidUsersAreRefusedNamingTheFieldAndNothingIsStored() throws Exception {
		long before = get("/api/users?limit=500").json().get("total").asLong();
		assertEquals("role", assertProblem(send(json("POST", "/api/users", "{\"login\":\"x2\",\"displayName\":\"x\"}")), 400).get("field").asText());
		assertEquals("street", assertProblem(send(json("POST", "/api/users", "{\"login\":\"x3\",\"displayName\":\"x\",\"role\":\"STREET_ADMIN\"}")), 400).get("field").asText());
		assertEquals("street", assertProblem(send(json("POST", "/api/users", "{\"login\":\"x4\",\"displayName\":\"x\",\"role\":\"STREET_ADMIN\",\"street\":\"no-such\"}")), 400).get("field").asText());
		assertEquals("login", assertProblem(send(json("POST", "/api/users", "{\"login\":\"Bad Login!\",\"displayName\":\"x\",\"role\":\"AUDITOR\"}")), 400).get("field").asText());
		assertProblem(send(json("POST", "/api/users", "{\"login\":\"admin\",\"displayName\":\"x\",\"role\":\"AUDITOR\"}")), 409);
		assertEquals(before, get("/api/users?limit=500").json().get("total").asLong());
	}

	@Test
	public void changesAndDenialsAreInTheAuditLogWhichVerifies() throws Exception {
		Reply created = send(json("POST", "/api/users", "{\"login\":\"audit.reader\",\"displayName\":\"审计员王\",\"role\":\"AUDITOR\"}"));
		String oneTime = created.json().get("oneTimePassword").asText();
		String token = login("audit.reader", oneTime);
		assertEquals(204, as(token, json("PUT", "/api/session/password", "{\"currentPassword\":\"" + oneTime + "\",\"newPassword\":\"审计员王的密码-2026\"}")).status());
		as(token, json("POST", "/api/users", "{\"login\":\"x5\",\"displayName\":\"x\",\"role\":\"AUDITOR\"}"));

		JsonNode created1 = as(token, request("/api/audit?actor=admin&action=POST%20/api/users").GET()).json();
		assertTrue(created1.toString(), created1.get("total").asLong() >= 1);
		JsonNode entry = created1.get("items").get(0);
		assertEquals("DISTRICT_ADMIN", entry.get("role").asText());
		assertEquals("ok", entry.get("outcome").asText());

		JsonNode denied = as(token, request("/api/audit?actor=audit.reader&outcome=denied").GET()).json();
		assertEquals(denied.toString(), "POST /api/users", denied.get("items").get(0).get("action").asText());
		assertEquals(403, denied.get("items").get(0).get("status").asInt());

		JsonNode logins = as(token, request("/api/audit?action=session.login&outcome=ok&actor=audit.reader").GET()).json();
		assertEquals(1, logins.get("total").asInt());
		assertProblem(as(token, request("/api/audit?outcome=maybe").GET()), 400);
		assertProblem(as(token, request("/api/audit?from=yesterday").GET()), 400);
		// the example plugins came through the deploy folder, where no request was made
		JsonNode installs = as(token, request("/api/audit?actor=plugin-manager&action=plugin.install&outcome=ok").GET()).json();
		assertTrue(installs.toString(), installs.get("total").asInt() >= 1);
		assertTrue(as(token, request("/api/audit/verify").GET()).json().get("intact").asBoolean());
		assertFalse(as(token, request("/api/audit?limit=500").GET()).body().contains(oneTime));
	}

	@Test
	public void personalNumbersAreMaskedAndOnlyRevealedWithAReasonOnRecordWithinTheScope() throws Exception {
		awaitDemo();
		String district = null;
		for (JsonNode d : get("/api/districts?limit=500").json().get("items")) {
			if (d.get("code").asText().equals("DEMO")) {
				district = d.get("id").asText();
			}
		}
		JsonNode streets = get("/api/streets?district=" + district).json().get("items");
		String street = streets.get(0).get("id").asText();
		String id = get("/api/people?street=" + street + "&limit=1").json().get("items").get(0).get("id").asText();

		JsonNode person = get("/api/people/" + id).json();
		String idNumber = person.get("idNumber").asText();
		String phone = person.get("phone").asText();
		assertTrue(idNumber, idNumber.matches("\\d{6}\\*{8}\\d{3}[\\dX]"));
		assertTrue(phone, phone.matches("\\d{3}\\*{4}\\d{4}"));

		String reason = "核对任职资格审查材料";
		Reply revealed = send(json("POST", "/api/people/" + id + "/reveal", "{\"field\":\"idNumber\",\"reason\":\"" + reason + "\"}"));
		assertEquals(revealed.toString(), 200, revealed.status());
		String fullIdNumber = revealed.json().get("value").asText();
		assertTrue(fullIdNumber, fullIdNumber.matches("\\d{17}[\\dX]"));
		assertEquals(idNumber, fullIdNumber.substring(0, 6) + "********" + fullIdNumber.substring(14));
		String fullPhone = send(json("POST", "/api/people/" + id + "/reveal", "{\"field\":\"phone\",\"reason\":\"" + reason + "\"}"))
				.json().get("value").asText();
		assertEquals(phone, fullPhone.substring(0, 3) + "****" + fullPhone.substring(7));
		assertEquals("reason", assertProblem(send(json("POST", "/api/people/" + id + "/reveal", "{\"field\":\"idNumber\"}")), 400)
				.get("field").asText());

		String auditor = newUser("mask.auditor", "审计员赵", "AUDITOR", null, null);
		Reply log = as(auditor, request("/api/audit?action=person.reveal&limit=500").GET());
		JsonNode reveal = null;
		for (JsonNode entry : log.json().get("items")) {
			if (entry.get("target").asText().equals(id) && entry.get("detail").asText().equals("idNumber: " + reason)) {
				reveal = entry;
			}
		}
		assertTrue(log.body(), reveal != null);
		assertEquals("ok", reveal.get("outcome").asText());
		// the log says who looked and why, never the number itself
		assertFalse(log.body().contains(fullIdNumber));

		// a street administrator reveals their own street's people, and another street's do not exist for them
		String own = newUser("mask.street1", "街道管理员钱", "STREET_ADMIN", "street", street);
		String other = newUser("mask.street2", "街道管理员孙", "STREET_ADMIN", "street", streets.get(1).get("id").asText());
		String body = "{\"field\":\"idNumber\",\"reason\":\"" + reason + "\"}";
		assertEquals(fullIdNumber, as(own, json("POST", "/api/people/" + id + "/reveal", body)).json().get("value").asText());
		assertProblem(as(other, json("POST", "/api/people/" + id + "/reveal", body)), 404);
		assertProblem(as(other, request("/api/people/" + id).GET()), 404);
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(base() + path));
	}

	private HttpRequest.Builder json(String method, String path, String body) {
		return request(path).header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
	}

	private Reply as(String token, HttpRequest.Builder request) throws Exception {
		return send(request.header("Authorization", "Bearer " + token));
	}
}
