package org.touyan.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.core.Response;

import org.junit.jupiter.api.Test;
import org.touyan.api.rest.Preconditions;
import org.touyan.api.rest.Summary;
import org.touyan.api.rest.Versioned;

/** The document declares ETag on versioned GETs, a required If-Match and 412/428 on their writes. */
class OpenApiPreconditionsTest {

	public record Note(String id, String text) {
	}

	@Path("notes")
	public static class NoteResource {
		@GET
		@Path("{id}")
		@Versioned
		@Summary(value = "One note", returns = Note.class)
		public Response one(@PathParam("id") String id) {
			return null;
		}

		@PUT
		@Path("{id}")
		public Note change(@PathParam("id") String id, @HeaderParam(Preconditions.IF_MATCH) String ifMatch, Note note) {
			return null;
		}

		@POST
		@Path("{id}/close")
		public Note close(@PathParam("id") String id, @HeaderParam(Preconditions.IF_MATCH) String ifMatch) {
			return null;
		}

		@DELETE
		@Path("{id}")
		public void remove(@PathParam("id") String id, @HeaderParam(Preconditions.IF_MATCH) String ifMatch) {
		}

		@POST
		public Note create(Note note) {
			return null;
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> op(Map<String, Object> doc, String path, String verb) {
		return (Map<String, Object>) ((Map<String, Map<String, Object>>) doc.get("paths")).get(path).get(verb);
	}

	@SuppressWarnings("unchecked")
	@Test
	void aVersionedGetAnswersAnETagAndItsWritesRequireIfMatch() {
		Map<String, Object> doc = new OpenApiGenerator("T", "1").document(List.of(NoteResource.class));
		Map<String, Object> ok = (Map<String, Object>) ((Map<String, Object>) op(doc, "/api/notes/{id}", "get").get("responses")).get("200");
		assertTrue(((Map<String, Object>) ok.get("headers")).containsKey("ETag"), ok.toString());
		assertEquals(Map.of("$ref", "#/components/schemas/OpenApiPreconditionsTestNote"),
				((Map<String, Map<String, Object>>) ok.get("content")).get("application/json").get("schema"));
		for (String[] write : new String[][] { { "/api/notes/{id}", "put" }, { "/api/notes/{id}/close", "post" }, { "/api/notes/{id}", "delete" } }) {
			Map<String, Object> op = op(doc, write[0], write[1]);
			Map<String, Object> ifMatch = ((List<Map<String, Object>>) op.get("parameters")).stream()
					.filter(p -> p.get("name").equals("If-Match")).findFirst().orElseThrow();
			assertEquals("header", ifMatch.get("in"));
			assertEquals(true, ifMatch.get("required"), write[1] + " " + write[0]);
			Map<String, Object> responses = (Map<String, Object>) op.get("responses");
			assertTrue(responses.containsKey("412") && responses.containsKey("428"), write[1] + " " + write[0] + ": " + responses.keySet());
		}
		Map<String, Object> create = (Map<String, Object>) op(doc, "/api/notes", "post").get("responses");
		assertFalse(create.containsKey("428"), "a create has nothing to be stale against");
	}
}
