package org.touyan.itests.conformance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * Runs after the in-framework tests, outside the framework, on what they kept
 * ({@code org.touyan.itests.Answers}): the OpenAPI document the platform published is valid
 * OpenAPI 3 by an independent parser, it shows the REST conventions, and every answer the tests
 * received is one the document describes: a documented status, and a JSON body that validates
 * against the documented schema of that status (with no undocumented fields).
 */
class OpenApiConformance {

	private static final String IRI = "https://touyan.invalid/openapi.json";
	private static final ObjectMapper JSON = new ObjectMapper();

	private static Path run;
	private static String documentText;
	private static JsonNode document;

	@BeforeAll
	static void readWhatTheTestsKept() throws IOException {
		Path root = Path.of(System.getProperty("touyan.answers", "target/answers"));
		try (Stream<Path> runs = Files.isDirectory(root) ? Files.list(root) : Stream.empty()) {
			run = runs.filter(p -> Files.exists(p.resolve("openapi.json")))
					.max(Comparator.comparing(p -> p.resolve("openapi.json").toFile().lastModified())).orElse(null);
		}
		assertTrue(run != null, "no OpenAPI document kept under " + root + ": the in-framework tests did not run");
		documentText = Files.readString(run.resolve("openapi.json"), StandardCharsets.UTF_8);
		document = JSON.readTree(documentText);
	}

	@Test
	void theDocumentIsValidOpenApi3ToAnIndependentParser() {
		ParseOptions options = new ParseOptions();
		options.setResolve(true);
		SwaggerParseResult result = new OpenAPIV3Parser().readContents(documentText, null, options);
		assertTrue(result.getOpenAPI() != null, "not read at all: " + result.getMessages());
		assertTrue(result.getMessages() == null || result.getMessages().isEmpty(), String.join("\n", result.getMessages()));
	}

	@Test
	void everyCollectionAnswersThePagingEnvelope() {
		List<String> bare = new ArrayList<>();
		operations((path, verb, op) -> {
			JsonNode schema = op.path("responses").path("200").path("content").path("application/json").path("schema");
			if (verb.equals("get") && schema.path("type").asText().equals("array")) {
				bare.add("GET " + path);
			}
		});
		assertTrue(bare.isEmpty(), "collections answering a bare list instead of {items,total,offset,limit}:\n" + String.join("\n", bare));
	}

	@Test
	void everyAnswerTheTestsReceivedIsTheOneTheDocumentDescribes() throws IOException {
		String strict = strict(documentText);
		SchemaRegistry registry = SchemaRegistry.withDialect(Dialects.getOpenApi30(), b -> b.schemas(Map.of(IRI, strict)));
		List<Operation> operations = new ArrayList<>();
		operations((path, verb, op) -> operations.add(new Operation(verb.toUpperCase(), path, op)));
		Map<String, Schema> schemas = new LinkedHashMap<>();
		Set<String> faults = new TreeSet<>();
		int checked = 0;
		for (String line : Files.readAllLines(run.resolve("answers.jsonl"), StandardCharsets.UTF_8)) {
			JsonNode answer = JSON.readTree(line);
			String method = answer.get("method").asText();
			String uri = answer.get("uri").asText();
			String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
			int status = answer.get("status").asInt();
			String contentType = answer.get("contentType").asText();
			Operation op = operations.stream().filter(o -> o.method.equals(method) && o.matches(path))
					.max(Comparator.comparingInt(Operation::literals)).orElse(null);
			if (op == null) {
				// an unknown path is the 404 every client may expect, answered as a problem
				if (status != 404 && status != 405) {
					faults.add(method + " " + path + ": no such operation documented, answered " + status);
				}
				continue;
			}
			String where = method + " " + op.path + " " + status + " (" + answer.get("test").asText() + ", " + uri + ")";
			JsonNode documented = op.node.path("responses").has(String.valueOf(status)) ? op.node.path("responses").path(String.valueOf(status))
					: op.node.path("responses").path("default");
			if (documented.isMissingNode() || (status < 300 && !op.node.path("responses").has(String.valueOf(status)))) {
				faults.add(where + ": status not documented (documented: " + names(op.node.path("responses")) + ")");
				continue;
			}
			if (!isJson(contentType)) {
				continue;
			}
			String media = contentType.split(";")[0].strip();
			JsonNode schema = documented.path("content").path(media).path("schema");
			if (schema.isMissingNode()) {
				faults.add(where + ": answered " + media + ", documented " + names(documented.path("content")));
				continue;
			}
			Schema compiled = schemas.computeIfAbsent(method + " " + op.path + " " + status + " " + media,
					k -> registry.getSchema(schema.toString().replace("\"#/components/", "\"" + IRI + "#/components/"), InputFormat.JSON));
			checked++;
			for (var error : compiled.validate(answer.get("body").asText(), InputFormat.JSON)) {
				faults.add(where.replaceAll(" \\(.*", "") + ": " + error + "   e.g. in " + where.replaceAll(".*\\(", "("));
			}
		}
		assertFalse(checked == 0, "no JSON answers kept");
		assertTrue(faults.isEmpty(), faults.size() + " answers differ from the document (of " + checked + " JSON answers checked):\n"
				+ String.join("\n", faults.stream().limit(200).toList()));
	}

	/**
	 * The document with every object schema closed ({@code additionalProperties: false}), so that
	 * a field the document does not name is a fault too. What is published stays open, as usual.
	 */
	private static String strict(String text) throws IOException {
		JsonNode doc = JSON.readTree(text);
		for (JsonNode schema : doc.path("components").path("schemas")) {
			if (schema.has("properties") && !schema.has("additionalProperties")) {
				((ObjectNode) schema).put("additionalProperties", false);
			}
		}
		return doc.toString();
	}

	private interface Visitor {
		void visit(String path, String verb, JsonNode operation);
	}

	private static void operations(Visitor visitor) {
		for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext();) {
			Map.Entry<String, JsonNode> path = paths.next();
			path.getValue().fields().forEachRemaining(op -> visitor.visit(path.getKey(), op.getKey(), op.getValue()));
		}
	}

	private static boolean isJson(String contentType) {
		String media = contentType.split(";")[0].strip();
		return media.endsWith("/json") || media.endsWith("+json");
	}

	private static String names(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.fieldNames().forEachRemaining(names::add);
		return names.toString();
	}

	/** A documented operation; a concrete path matches its template segment by segment. */
	private record Operation(String method, String path, JsonNode node, Pattern pattern) {
		Operation(String method, String path, JsonNode node) {
			this(method, path, node, Pattern.compile(Pattern.quote(path).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q")));
		}

		boolean matches(String concrete) {
			return pattern.matcher(concrete).matches();
		}

		/** JAX-RS prefers the template with more literal text: so does the match here. */
		int literals() {
			return path.replaceAll("\\{[^}]+}", "").length();
		}
	}
}
