package org.touyan.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Response;

import org.junit.jupiter.api.Test;
import org.touyan.api.rest.Nullable;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Summary;

class OpenApiGeneratorTest {

	public record Thing(String id, String name, List<String> tags, @Nullable String note, @Nullable Part part, int count,
			Map<String, Object> facts) {
	}

	public record Part(String code) {
	}

	/** Two records of one simple name, as a user's and a ballot's {@code Issued} were. */
	public static class Users {
		public record Issued(String user, String oneTimePassword) {
		}
	}

	public static class Ballots {
		public record Issued(String cycleId, List<String> tokens) {
		}
	}

	@Path("things")
	public static class ThingResource {
		@GET
		@Summary("Things")
		public Page<Thing> list(@QueryParam("limit") String limit) {
			return null;
		}

		@GET
		@Path("{id : [a-z]+}")
		public Thing one(@PathParam("id") String id) {
			return null;
		}

		@GET
		@Path("{id}/again")
		public Thing one(@PathParam("id") String id, @QueryParam("why") String why) {
			return null;
		}

		@POST
		public Thing create(Thing thing) {
			return null;
		}

		@POST
		@Path("created")
		@Summary(value = "Created", returns = Thing.class)
		public Response created(Thing thing) {
			return null;
		}

		@POST
		@Path("import")
		@Summary(value = "Import", returns = Thing.class, status = { 200, 422 })
		public Response imported(Thing thing) {
			return null;
		}

		@DELETE
		@Path("/{id}/")
		public void remove(@PathParam("id") String id) {
		}

		public void notAnEndpoint() {
		}
	}

	@Path("users")
	public static class UserResource {
		@POST
		@Summary(value = "A user", returns = Users.Issued.class)
		public Response create(Thing thing) {
			return null;
		}
	}

	@Path("ballots")
	public static class BallotResource {
		@POST
		@Summary(value = "Ballots", returns = Ballots.Issued.class)
		public Response issue(Thing thing) {
			return null;
		}
	}

	@SuppressWarnings("unchecked")
	private static <T> T at(Object node, String... keys) {
		Object n = node;
		for (String k : keys) {
			n = ((Map<String, Object>) n).get(k);
		}
		return (T) n;
	}

	private static Map<String, Object> doc(Class<?>... resources) {
		return new OpenApiGenerator("T", "1").document(List.of(resources));
	}

	@Test
	void describesEveryResourceMethodWithItsParametersAndSchemas() {
		Map<String, Object> doc = doc(ThingResource.class);
		Map<String, Map<String, Object>> paths = at(doc, "paths");
		assertEquals(Set.of("/api/things", "/api/things/{id}", "/api/things/{id}/again", "/api/things/created", "/api/things/import"),
				paths.keySet());
		// an overloaded method still gives every operation an id of its own
		Set<Object> ids = new java.util.HashSet<>();
		paths.values().forEach(p -> p.values().forEach(op -> assertTrue(ids.add(((Map<?, ?>) op).get("operationId")), ids.toString())));
		assertEquals(Set.of("get", "post"), paths.get("/api/things").keySet());
		assertEquals(Set.of("get", "delete"), paths.get("/api/things/{id}").keySet());

		assertEquals("Things", at(doc, "paths", "/api/things", "get", "summary"));
		Map<String, Object> schemas = at(doc, "components", "schemas");
		String thing = "OpenApiGeneratorTestThing";
		assertTrue(schemas.containsKey("PageOf" + thing), schemas.keySet().toString());
		assertEquals(Map.of("type", "array", "items", Map.of("$ref", "#/components/schemas/" + thing)),
				at(schemas, "PageOf" + thing, "properties", "items"));
		assertTrue(schemas.containsKey("Problem"));
		assertTrue(at(doc, "paths", "/api/things/{id}", "delete", "responses", "204") != null);
		assertTrue(at(doc, "paths", "/api/things", "post", "requestBody") != null);
	}

	@Test
	void twoRecordsOfOneSimpleNameAreTwoSchemasAndEachOperationAnswersItsOwn() {
		Map<String, Object> doc = doc(UserResource.class, BallotResource.class);
		String users = at(doc, "paths", "/api/users", "post", "responses", "201", "content", "application/json", "schema", "$ref");
		String ballots = at(doc, "paths", "/api/ballots", "post", "responses", "201", "content", "application/json", "schema", "$ref");
		assertEquals("#/components/schemas/OpenApiGeneratorTestUsersIssued", users);
		assertEquals("#/components/schemas/OpenApiGeneratorTestBallotsIssued", ballots);
		assertEquals(Set.of("user", "oneTimePassword"), ((Map<?, ?>) at(doc, "components", "schemas",
				"OpenApiGeneratorTestUsersIssued", "properties")).keySet());
		// the same names whichever resource is met first
		assertEquals(at(doc, "components", "schemas").toString(),
				at(doc(BallotResource.class, UserResource.class), "components", "schemas").toString());
	}

	@Test
	void onlyComponentsThatCannotBeNullAreRequiredAndTheOthersSayTheyMayBeNull() {
		Map<String, Object> thing = at(doc(ThingResource.class), "components", "schemas", "OpenApiGeneratorTestThing");
		assertEquals(List.of("id", "name", "tags", "count", "facts"), thing.get("required"));
		assertEquals(Map.of("type", "string", "nullable", true), at(thing, "properties", "note"));
		assertEquals(Map.of("nullable", true, "allOf", List.of(Map.of("$ref", "#/components/schemas/OpenApiGeneratorTestPart"))),
				at(thing, "properties", "part"));
		assertFalse(((Map<?, ?>) at(thing, "properties", "name")).containsKey("nullable"));
		// a map of anything holds any JSON value, not only objects
		assertEquals(Map.of("type", "object", "additionalProperties", Map.of()), at(thing, "properties", "facts"));
		Map<String, Object> problem = at(doc(ThingResource.class), "components", "schemas", "Problem");
		assertFalse(((List<?>) problem.get("required")).contains("field"), problem.toString());
	}

	@Test
	void everyOperationDocumentsTheStatusItAnswers() {
		Map<String, Object> doc = doc(ThingResource.class);
		// an entity returned by a POST is a 200, as JAX-RS answers it; a Response says its own
		assertEquals(Set.of("200", "default"), ((Map<?, ?>) at(doc, "paths", "/api/things", "post", "responses")).keySet());
		assertEquals(Set.of("201", "default"), ((Map<?, ?>) at(doc, "paths", "/api/things/created", "post", "responses")).keySet());
		assertEquals(Set.of("200", "422", "default"), ((Map<?, ?>) at(doc, "paths", "/api/things/import", "post", "responses")).keySet());
	}

	@Test
	void joinsPathsWithOneSlashAndDropsTemplateExpressions() {
		assertEquals("/api/a/{id}", OpenApiGenerator.join("/api/", "/a/{id: \\d+}/"));
		assertEquals("/api", OpenApiGenerator.join("/api", ""));
	}
}
