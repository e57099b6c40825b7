package org.touyan.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

import org.junit.jupiter.api.Test;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Summary;

class OpenApiGeneratorTest {

	public record Thing(String id, String name, List<String> tags) {
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

		@POST
		public Thing create(Thing thing) {
			return null;
		}

		@DELETE
		@Path("/{id}/")
		public void remove(@PathParam("id") String id) {
		}

		public void notAnEndpoint() {
		}
	}

	@SuppressWarnings("unchecked")
	@Test
	void describesEveryResourceMethodWithItsParametersAndSchemas() {
		Map<String, Object> doc = new OpenApiGenerator("T", "1").document(List.of(ThingResource.class));
		Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) doc.get("paths");
		assertEquals(Set.of("/api/things", "/api/things/{id}"), paths.keySet());
		assertEquals(Set.of("get", "post"), paths.get("/api/things").keySet());
		assertEquals(Set.of("get", "delete"), paths.get("/api/things/{id}").keySet());

		Map<String, Object> list = (Map<String, Object>) paths.get("/api/things").get("get");
		assertEquals("Things", list.get("summary"));
		Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) doc.get("components")).get("schemas");
		assertTrue(schemas.containsKey("PageOfThing"), schemas.keySet().toString());
		Map<String, Object> page = (Map<String, Object>) ((Map<String, Object>) schemas.get("PageOfThing")).get("properties");
		assertEquals(Map.of("type", "array", "items", Map.of("$ref", "#/components/schemas/Thing")), page.get("items"));
		assertTrue(schemas.containsKey("Problem"));

		Map<String, Object> remove = (Map<String, Object>) paths.get("/api/things/{id}").get("delete");
		assertTrue(((Map<String, Object>) remove.get("responses")).containsKey("204"));
		Map<String, Object> create = (Map<String, Object>) paths.get("/api/things").get("post");
		assertTrue(create.containsKey("requestBody"));
		assertTrue(((Map<String, Object>) create.get("responses")).containsKey("201"));
	}

	@Test
	void joinsPathsWithOneSlashAndDropsTemplateExpressions() {
		assertEquals("/api/a/{id}", OpenApiGenerator.join("/api/", "/a/{id: \\d+}/"));
		assertEquals("/api", OpenApiGenerator.join("/api", ""));
	}
}
