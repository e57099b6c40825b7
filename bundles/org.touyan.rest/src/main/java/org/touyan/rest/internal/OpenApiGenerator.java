package org.touyan.rest.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HEAD;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.OPTIONS;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.touyan.api.tabular.Tabular;
import org.touyan.api.rest.Nullable;
import org.touyan.api.rest.Preconditions;
import org.touyan.api.rest.RestConstants;
import org.touyan.api.rest.Summary;
import org.touyan.api.rest.Versioned;
import org.touyan.api.security.Access;
import org.touyan.api.security.Anonymous;

/**
 * Builds the OpenAPI 3 document from the resource classes that are live in the core application,
 * reading the same JAX-RS annotations the runtime dispatches on, so the document cannot describe
 * an endpoint that does not exist or miss one that does.
 */
final class OpenApiGenerator {

	/** Where a reference points before the schemas are named: the key of its type. */
	private static final String KEYED = "#/components/schemas/";

	private final String title;
	private final String version;
	/** Schemas by the key of their type ({@link #key}); named once every type is known. */
	private final Map<String, Object> schemas = new TreeMap<>();
	private final Map<String, Type> types = new LinkedHashMap<>();

	OpenApiGenerator(String title, String version) {
		this.title = title;
		this.version = version;
	}

	Map<String, Object> document(Collection<Class<?>> resources) {
		Map<String, Map<String, Object>> paths = new TreeMap<>();
		Set<String> operationIds = new HashSet<>();
		schemaRef(Problem.class);
		resources.stream().sorted(Comparator.comparing(Class::getName)).forEach(type -> {
			String base = join("/" + RestConstants.APPLICATION_BASE, pathOf(type.getAnnotation(Path.class)));
			Arrays.stream(type.getMethods()).sorted(Comparator.comparing(Method::toGenericString)).forEach(m -> {
				String verb = verb(m);
				if (verb != null) {
					String path = join(base, pathOf(m.getAnnotation(Path.class)));
					Map<String, Object> op = operation(type, m);
					op.put("operationId", unique((String) op.get("operationId"), verb, operationIds));
					// OpenAPI has one operation per path and method: a second one would hide the first
					if (paths.computeIfAbsent(path, p -> new TreeMap<>()).putIfAbsent(verb, op) != null) {
						throw new IllegalStateException("two resource methods answer " + verb.toUpperCase() + " " + path);
					}
				}
			});
		});
		Map<String, String> names = SchemaNames.of(types);
		Map<String, Object> named = new TreeMap<>();
		schemas.forEach((key, schema) -> named.put(names.get(key), SchemaNames.rename(schema, names)));
		Map<String, Object> doc = new LinkedHashMap<>();
		doc.put("openapi", "3.0.3");
		doc.put("info", Map.of("title", title, "version", version));
		doc.put("paths", SchemaNames.rename(paths, names));
		doc.put("components", Map.of("schemas", named, "securitySchemes",
				Map.of("bearer", Map.of("type", "http", "scheme", "bearer", "description", "The token POST /api/session answers"))));
		doc.put("security", List.of(Map.of("bearer", List.of())));
		return doc;
	}

	/**
	 * An operation id no other operation has (OpenAPI requires it; generators name methods by it):
	 * an overloaded Java method gets its HTTP method, then a number, after its name.
	 */
	private static String unique(String id, String verb, Set<String> taken) {
		if (taken.add(id)) {
			return id;
		}
		String candidate = id + "_" + verb;
		for (int n = 2; !taken.add(candidate); n++) {
			candidate = id + "_" + verb + "_" + n;
		}
		return candidate;
	}

	/**
	 * Who may call the operation, as the authorization check reads it: {@code x-touyan-access} holds
	 * the roles, the targets and the targets that only place the call in a district ({@code within}), or the reason an operation is anonymous (which also clears
	 * {@code security}). An operation with neither is listed with no roles: nobody may call it.
	 */
	private static void access(Map<String, Object> op, Method m) {
		Anonymous anonymous = m.getAnnotation(Anonymous.class);
		Access access = m.getAnnotation(Access.class);
		if (anonymous != null) {
			op.put("security", List.of());
			op.put("x-touyan-access", Map.of("anonymous", anonymous.value()));
		} else {
			op.put("x-touyan-access", Map.of("roles", access == null ? List.of()
					: Arrays.stream(access.value()).map(Enum::name).toList(), "targets",
					access == null ? List.of() : List.of(access.target()), "within", access == null ? List.of() : List.of(access.within())));
		}
	}

	static String verb(Method m) {
		if (m.isAnnotationPresent(GET.class)) return "get";
		if (m.isAnnotationPresent(POST.class)) return "post";
		if (m.isAnnotationPresent(PUT.class)) return "put";
		if (m.isAnnotationPresent(DELETE.class)) return "delete";
		if (m.isAnnotationPresent(HEAD.class)) return "head";
		if (m.isAnnotationPresent(OPTIONS.class)) return "options";
		for (Annotation a : m.getAnnotations()) {
			javax.ws.rs.HttpMethod h = a.annotationType().getAnnotation(javax.ws.rs.HttpMethod.class);
			if (h != null) return h.value().toLowerCase();
		}
		return null;
	}

	private Map<String, Object> operation(Class<?> type, Method m) {
		Map<String, Object> op = new LinkedHashMap<>();
		op.put("operationId", type.getSimpleName() + "." + m.getName());
		Summary summary = m.getAnnotation(Summary.class);
		if (summary != null) {
			op.put("summary", summary.value());
		}
		access(op, m);
		List<Map<String, Object>> parameters = new ArrayList<>();
		Parameter[] params = m.getParameters();
		Type[] generic = m.getGenericParameterTypes();
		for (int i = 0; i < params.length; i++) {
			Parameter p = params[i];
			if (p.isAnnotationPresent(Context.class)) {
				continue;
			}
			PathParam path = p.getAnnotation(PathParam.class);
			QueryParam query = p.getAnnotation(QueryParam.class);
			HeaderParam header = p.getAnnotation(HeaderParam.class);
			if (path != null) {
				parameters.add(parameter(path.value(), "path", true, generic[i]));
			} else if (query != null) {
				parameters.add(parameter(query.value(), "query", false, generic[i]));
			} else if (header != null) {
				parameters.add(parameter(header.value(), "header", false, generic[i]));
			} else {
				Map<String, Object> content = new LinkedHashMap<>();
				for (String media : consumes(type, m)) {
					content.put(media, Map.of("schema", media.startsWith(Tabular.XLSX) ? BINARY : schemaRef(generic[i])));
				}
				op.put("requestBody", Map.of("required", true, "content", content));
			}
		}
		if (!parameters.isEmpty()) {
			op.put("parameters", parameters);
		}
		Map<String, Object> responses = responses(type, m, summary);
		preconditions(m, parameters, responses);
		op.put("responses", responses);
		return op;
	}

	/**
	 * The answers as the runtime gives them: a returned entity is a 200, nothing a 204, and a
	 * {@code Response} the statuses and body its {@link Summary} names; anything else is a problem.
	 */
	private Map<String, Object> responses(Class<?> type, Method m, Summary summary) {
		Map<String, Object> responses = new LinkedHashMap<>();
		Type returned = m.getGenericReturnType();
		boolean response = returned == Response.class;
		if (response && summary != null && summary.returns() != Object.class) {
			returned = summary.returns();
		}
		boolean empty = returned == void.class || returned == Void.class;
		int[] statuses = response && summary != null && summary.status().length > 0 ? summary.status()
				: new int[] { empty ? 204 : response && !m.isAnnotationPresent(GET.class) ? 201 : 200 };
		for (int status : statuses) {
			Map<String, Object> answer = new LinkedHashMap<>();
			answer.put("description", empty ? "Done, no content" : status < 300 ? "Success" : "Not a success: the report or the reasons");
			if (!empty && returned != Response.class) {
				// a table is answered in each format its method produces (CSV text, an xlsx workbook)
				Map<String, Object> content = new LinkedHashMap<>();
				for (String media : produces(type, m)) {
					content.put(media, Map.of("schema", media.startsWith(Tabular.XLSX) ? BINARY : schemaRef(returned)));
				}
				answer.put("content", content);
			}
			responses.put(String.valueOf(status), answer);
		}
		responses.put("default", Map.of("description", "A problem (RFC 9457)", "content",
				Map.of(RestConstants.PROBLEM_JSON, Map.of("schema", schemaRef(Problem.class)))));
		return responses;
	}

	/**
	 * Optimistic concurrency as the resources apply it ({@link Preconditions}): a {@link Versioned}
	 * GET answers an {@code ETag}; a write taking {@code If-Match} requires it and answers 428
	 * without it and 412 when it names an older version.
	 */
	private static void preconditions(Method m, List<Map<String, Object>> parameters, Map<String, Object> responses) {
		if (m.isAnnotationPresent(Versioned.class) && responses.get("200") instanceof Map<?, ?> ok) {
			@SuppressWarnings("unchecked")
			Map<String, Object> success = (Map<String, Object>) ok;
			success.put("headers", Map.of(Preconditions.ETAG, Map.of("description",
					"The representation's version, to send back as If-Match with a write of this resource",
					"schema", Map.of("type", "string"))));
		}
		for (Map<String, Object> p : parameters) {
			if (p.get("in").equals("header") && Preconditions.IF_MATCH.equalsIgnoreCase((String) p.get("name"))) {
				p.put("required", true);
				p.put("description", "The ETag of the resource as last read; * is refused");
				Map<String, Object> problem = Map.of(RestConstants.PROBLEM_JSON,
						Map.of("schema", Map.of("$ref", "#/components/schemas/Problem")));
				responses.put("412", Map.of("description", "The resource changed since it was read: nothing was written;"
						+ " currentVersion names its version now", "content", problem));
				responses.put("428", Map.of("description", "No If-Match: nothing was written", "content", problem));
			}
		}
	}

	private Map<String, Object> parameter(String name, String in, boolean required, Type type) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("name", name);
		p.put("in", in);
		p.put("required", required);
		p.put("schema", schemaRef(type));
		return p;
	}

	/** An xlsx workbook's schema: bytes. */
	private static final Map<String, Object> BINARY = Map.of("type", "string", "format", "binary");

	private static List<String> consumes(Class<?> type, Method m) {
		Consumes c = m.isAnnotationPresent(Consumes.class) ? m.getAnnotation(Consumes.class) : type.getAnnotation(Consumes.class);
		return c != null && c.value().length > 0 ? List.of(c.value()) : List.of(MediaType.APPLICATION_JSON);
	}

	private static List<String> produces(Class<?> type, Method m) {
		Produces p = m.isAnnotationPresent(Produces.class) ? m.getAnnotation(Produces.class) : type.getAnnotation(Produces.class);
		return p != null && p.value().length > 0 ? List.of(p.value()) : List.of(MediaType.APPLICATION_JSON);
	}

	/** An inline schema for simple types, a reference into components for structured ones. */
	Map<String, Object> schemaRef(Type type) {
		if (type instanceof ParameterizedType pt && pt.getRawType() instanceof Class<?> raw) {
			Type[] args = pt.getActualTypeArguments();
			if (Collection.class.isAssignableFrom(raw)) {
				return Map.of("type", "array", "items", schemaRef(args[0]));
			}
			if (Map.class.isAssignableFrom(raw)) {
				return Map.of("type", "object", "additionalProperties", schemaRef(args[1]));
			}
			return component(pt, () -> schema(raw, pt));
		}
		if (!(type instanceof Class<?> c)) {
			return Map.of();
		}
		Map<String, Object> simple = simple(c);
		if (simple != null) {
			return simple;
		}
		if (c.isArray()) {
			return Map.of("type", "array", "items", schemaRef(c.getComponentType()));
		}
		if (c == Object.class) {
			return Map.of(); // any JSON value: the facts of a check, an archive entry's snapshot
		}
		if (Map.class.isAssignableFrom(c)) {
			return Map.of("type", "object");
		}
		return component(c, () -> schema(c));
	}

	/** A reference to the component schema of {@code type}, made the first time it is needed. */
	private Map<String, Object> component(Type type, Supplier<Map<String, Object>> schema) {
		String key = SchemaNames.key(type);
		if (!schemas.containsKey(key)) {
			types.put(key, type);
			schemas.put(key, Map.of()); // a recursive type refers to itself while it is described
			schemas.put(key, schema.get());
		}
		return Map.of("$ref", KEYED + key);
	}

	private static Map<String, Object> simple(Class<?> c) {
		if (java.io.InputStream.class.isAssignableFrom(c) || c == byte[].class) return Map.of("type", "string", "format", "binary");
		if (c == String.class || c == char.class || c == Character.class) return Map.of("type", "string");
		if (c == int.class || c == Integer.class || c == short.class || c == Short.class) return Map.of("type", "integer", "format", "int32");
		if (c == long.class || c == Long.class) return Map.of("type", "integer", "format", "int64");
		if (c == double.class || c == Double.class || c == float.class || c == Float.class || c == BigDecimal.class) return Map.of("type", "number");
		if (c == boolean.class || c == Boolean.class) return Map.of("type", "boolean");
		if (c == LocalDate.class) return Map.of("type", "string", "format", "date");
		if (c == Instant.class || c == OffsetDateTime.class) return Map.of("type", "string", "format", "date-time");
		if (c.isEnum()) return Map.of("type", "string", "enum", Arrays.stream(c.getEnumConstants()).map(Object::toString).toList());
		return null;
	}

	private Map<String, Object> schema(Class<?> c) {
		return schema(c, null);
	}

	/** Properties of a record (the shape Jackson writes); type variables resolved from {@code pt}. */
	private Map<String, Object> schema(Class<?> c, ParameterizedType pt) {
		Map<String, Object> properties = new LinkedHashMap<>();
		List<String> required = new ArrayList<>();
		if (c.isRecord()) {
			for (RecordComponent rc : c.getRecordComponents()) {
				Map<String, Object> property = schemaRef(resolve(rc.getGenericType(), c, pt));
				if (!rc.getType().isPrimitive() && rc.isAnnotationPresent(Nullable.class)) {
					property = nullable(property);
				} else {
					required.add(rc.getName());
				}
				properties.put(rc.getName(), property);
			}
		}
		Map<String, Object> s = new LinkedHashMap<>();
		s.put("type", "object");
		s.put("properties", properties);
		if (!required.isEmpty()) {
			s.put("required", required);
		}
		return s;
	}

	/**
	 * The schema, also allowing null. OpenAPI 3.0 ignores anything beside a {@code $ref}, so a
	 * reference is wrapped in {@code allOf}, the form client generators read as a nullable reference.
	 */
	private static Map<String, Object> nullable(Map<String, Object> schema) {
		Map<String, Object> s = new LinkedHashMap<>();
		if (schema.containsKey("$ref")) {
			s.put("nullable", true);
			s.put("allOf", List.of(schema));
		} else {
			s.putAll(schema);
			s.put("nullable", true);
		}
		return s;
	}

	private static Type resolve(Type t, Class<?> owner, ParameterizedType pt) {
		if (pt == null) {
			return t;
		}
		if (t instanceof java.lang.reflect.TypeVariable<?> v) {
			var vars = owner.getTypeParameters();
			for (int i = 0; i < vars.length; i++) {
				if (vars[i].getName().equals(v.getName())) {
					return pt.getActualTypeArguments()[i];
				}
			}
		}
		if (t instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw && Collection.class.isAssignableFrom(raw)) {
			Type element = resolve(p.getActualTypeArguments()[0], owner, pt);
			return new ListOf(element);
		}
		return t;
	}

	/** {@code List<element>} after a type variable in it was resolved. */
	private record ListOf(Type element) implements ParameterizedType {
		@Override
		public Type[] getActualTypeArguments() {
			return new Type[] { element };
		}

		@Override
		public Type getRawType() {
			return List.class;
		}

		@Override
		public Type getOwnerType() {
			return null;
		}
	}

	private static String pathOf(Path path) {
		return path == null ? "" : path.value();
	}

	/** Joins two path segments with exactly one slash and strips regular expressions from templates. */
	static String join(String a, String b) {
		String joined = (a + "/" + b).replaceAll("/+", "/");
		if (joined.length() > 1 && joined.endsWith("/")) {
			joined = joined.substring(0, joined.length() - 1);
		}
		return joined.replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}");
	}
}
