package org.touyan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceMethodInfoDTO;
import org.touyan.api.rest.RestConstants;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The OpenAPI document is checked against what the JAX-RS runtime actually serves: every live
 * resource method is documented and nothing else is.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class OpenApiIT extends PlatformTest {

	@Inject
	private JaxrsServiceRuntime runtime;

	@Test
	public void theDocumentListsExactlyTheLiveResourceMethods() throws Exception {
		Reply reply = get("/api/openapi.json");
		assertEquals(200, reply.status());
		JsonNode doc = reply.json();
		assertTrue(doc.get("openapi").asText().startsWith("3."));

		Set<String> documented = new TreeSet<>();
		for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext();) {
			Map.Entry<String, JsonNode> path = paths.next();
			path.getValue().fieldNames().forEachRemaining(verb -> documented.add(verb.toUpperCase() + " " + path.getKey()));
			path.getValue().forEach(op -> assertTrue(path.getKey() + " has no summary", op.hasNonNull("summary")));
		}

		Set<String> live = new TreeSet<>();
		for (ApplicationDTO app : runtime.getRuntimeDTO().applicationDTOs) {
			if (RestConstants.APPLICATION_NAME.equals(app.name)) {
				for (ResourceDTO resource : app.resourceDTOs) {
					for (ResourceMethodInfoDTO m : resource.resourceMethods) {
						live.add(m.method + " " + normalise(app.base + "/" + m.path));
					}
				}
			}
		}
		assertFalse("no live resources found", live.isEmpty());
		assertEquals(live, documented);
	}

	@Test
	public void everyReferencedSchemaIsDefined() throws Exception {
		JsonNode doc = get("/api/openapi.json").json();
		JsonNode schemas = doc.get("components").get("schemas");
		for (String ref : doc.findValuesAsText("$ref")) {
			String name = ref.substring(ref.lastIndexOf('/') + 1);
			assertTrue(ref + " is not defined", schemas.has(name));
		}
		assertTrue(schemas.has("Problem"));
	}

	@Test
	public void documentedOptionalFieldsAreNotRequired() throws Exception {
		JsonNode schemas = get("/api/openapi.json").json().get("components").get("schemas");
		int seen = 0;
		for (java.util.Iterator<Map.Entry<String, JsonNode>> it = schemas.fields(); it.hasNext();) {
			Map.Entry<String, JsonNode> schema = it.next();
			String field = schema.getKey().endsWith("IncidentInput") ? "deadline" : schema.getKey().endsWith("PostInput") ? "endDate" : null;
			if (field == null || !schema.getValue().get("properties").has(field)) {
				continue;
			}
			seen++;
			JsonNode required = schema.getValue().get("required");
			for (JsonNode r : required == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : required) {
				assertFalse(schema.getKey() + "." + field + " is optional", r.asText().equals(field));
			}
			assertTrue(schema.getKey() + "." + field + " is nullable", schema.getValue().get("properties").get(field).toString().contains("null"));
		}
		assertEquals("an incident's deadline and a post's endDate are documented", 2, seen);
	}

	private static String normalise(String path) {
		String p = ("/" + path).replaceAll("/+", "/").replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}");
		return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
	}
}
