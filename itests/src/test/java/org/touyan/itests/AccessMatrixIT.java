package org.touyan.itests;

import static java.util.Map.entry;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.touyan.api.security.Role;
import org.touyan.api.security.Scope;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The authorization matrix (access-matrix.txt): every operation of the OpenAPI document has a
 * reviewed line naming who may call it, and every operation is called by every role and without a
 * token, with ids of the demo district inside the scoped users' own scope and outside it, and with
 * ids of a second district: the district administrator of the demo district (and every scoped user
 * in it) gets 404 for them wherever a district, street, community, person, department or cycle is
 * the target, the city administrator reads them. A new endpoint without a rule, or a rule that
 * changed without review, fails the build.
 *
 * <p>The walk changes nothing. A call that is allowed sends a body the resource refuses only after
 * authorization (a JSON string where an object is expected, a CSV or jar that is none); an allowed
 * call of an action without a body goes to something that refuses it (an archived cycle, a community
 * with posts) or to an id that names nothing.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class AccessMatrixIT extends PlatformTest {

	private static final String MATRIX = "access-matrix.txt";
	/** Refused by every JSON body reader: a string where an object or a list is expected (400). */
	private static final String REFUSED_JSON = "\"x\"";
	/** Refused as a whole: a CSV whose only column is unknown, a plugin upload that is no jar. */
	private static final String REFUSED_TEXT = "x";
	/** An id that names nothing, and no valid pin key either, for actions that take no body. */
	private static final String NOTHING = "no*such*thing";
	/** Logging out would end the walking user's own session; SecurityIT logs out. Denied calls are still made. */
	private static final Set<String> ALLOWED_CALL_SKIPPED = Set.of("DELETE /api/session");
	/** What only the installation's administrator does, not a district's: create districts, take backups of all of them. */
	private static final Map<String, String> INSTALLATION_ONLY = Map.of("POST /api/districts", "{\"code\":\"MXNONE\",\"name\":\"不应设立\"}",
			"POST /api/store/backups", "{}", "GET /api/store/backups", "", "GET /api/store/backups/{name}", "");
	private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");
	private static final Pattern TARGET = Pattern.compile("[\\[(]([a-z-]+):(\\??)(\\w+)[\\])]");
	/** The kinds the second district has a sample of. */
	private static final Set<String> FOREIGN_KINDS = Set.of("district", "street", "community", "person", "post", "department", "cycle");

	/** The kind of id a path parameter takes, by the segment before it, when no target names it. */
	private static final Map<String, String> KIND_AFTER_SEGMENT = Map.ofEntries(entry("people", "person"),
			entry("posts", "post"), entry("filings", "filing"), entry("reserve", "reserve"),
			entry("eligibility-checks", "eligibility-check"), entry("streets", "street"), entry("communities", "community"),
			entry("departments", "department"), entry("districts", "district"), entry("joint-committees", "joint-committee"),
			entry("reference-versions", "reference-version"), entry("reference", "reference-kind"), entry("codes", "code-type"),
			entry("evaluation-cycles", "cycle"), entry("summary", "cycle-section"), entry("programmes", "programme"),
			entry("courses", "course"), entry("sessions", "session"), entry("plans", "plan"),
			entry("training-reports", "report-section"), entry("dispatches", "dispatch"), entry("projects", "project"),
			entry("shadowing", "shadowing"), entry("exchange-events", "exchange-event"), entry("pairings", "mentoring-pairing"),
			entry("incidents", "incident"), entry("users", "user"), entry("plugins", "plugin"), entry("pins", "pin"),
			entry("revisions", "binding-revision"), entry("steps", "step"), entry("ballots", "ballot-token"),
			entry("backups", "backup"));

	/** Who may call an operation: anonymous, or the listed roles limited by the targets and the district of the within targets. */
	record Rule(String verb, String path, boolean anonymous, Set<Role> roles, List<String> targets, List<String> within) {

		String operation() {
			return verb + " " + path;
		}

		/** The matrix line: roles in the order of {@link Role}, targets as declared. */
		String line() {
			StringBuilder line = new StringBuilder(operation());
			if (anonymous) {
				return line.append(" anonymous").toString();
			}
			roles.forEach(r -> line.append(' ').append(r));
			targets.forEach(t -> line.append(" [").append(t).append(']'));
			within.forEach(t -> line.append(" (").append(t).append(')'));
			return line.toString();
		}

		boolean allows(Role role) {
			return roles.contains(role) || ((role == Role.AUDITOR || role == Role.CITY_ADMIN) && verb.equals("GET"));
		}

		static Rule parse(String line) {
			List<String> words = List.of(line.trim().split("\\s+"));
			if (words.size() < 3) {
				throw new IllegalArgumentException("a line reads VERB PATH and then 'anonymous' or the roles");
			}
			if (words.size() == 3 && words.get(2).equals("anonymous")) {
				return new Rule(words.get(0), words.get(1), true, EnumSet.noneOf(Role.class), List.of(), List.of());
			}
			Set<Role> roles = EnumSet.noneOf(Role.class);
			List<String> targets = new ArrayList<>();
			List<String> within = new ArrayList<>();
			for (String word : words.subList(2, words.size())) {
				if (word.startsWith("[") && word.endsWith("]")) {
					targets.add(word.substring(1, word.length() - 1));
				} else if (word.startsWith("(") && word.endsWith(")")) {
					within.add(word.substring(1, word.length() - 1));
				} else {
					roles.add(Role.valueOf(word));
				}
			}
			if (roles.isEmpty()) {
				throw new IllegalArgumentException("no role listed");
			}
			return new Rule(words.get(0), words.get(1), false, roles, targets, within);
		}
	}

	/** An operation of the OpenAPI document: its access, its query parameters, the media type of its body. */
	record Operation(Rule rule, List<String> queryParams, String bodyType) {

		/** The kind of id a parameter takes: the declared target's, else by its name or the segment before it. */
		String kindOf(String param) {
			for (String target : declared()) {
				Matcher m = TARGET.matcher("[" + target + "]");
				if (m.matches() && m.group(3).equals(param)) {
					return m.group(1);
				}
			}
			if (param.endsWith("Id")) {
				return param.substring(0, param.length() - 2);
			}
			String before = rule.path().substring(0, rule.path().indexOf("{" + param + "}") - 1);
			return KIND_AFTER_SEGMENT.get(before.substring(before.lastIndexOf('/') + 1));
		}

		boolean isTarget(String param) {
			return rule.targets().stream().anyMatch(t -> t.endsWith(":" + param) || t.endsWith(":?" + param));
		}

		boolean isWithin(String param) {
			return rule.within().stream().anyMatch(t -> t.endsWith(":" + param) || t.endsWith(":?" + param));
		}

		List<String> declared() {
			List<String> all = new ArrayList<>(rule.targets());
			all.addAll(rule.within());
			return all;
		}

		/** Whether authorization places the call in a district: a target, a within target or a district to list. */
		boolean placed() {
			return !rule.targets().isEmpty() || !rule.within().isEmpty() || queryParams.contains("district");
		}

		/** An action without a body cannot be refused by its body, only by what it acts on. */
		boolean actsWithoutBody() {
			return !rule.verb().equals("GET") && bodyType == null;
		}
	}

	/**
	 * Demo ids: for each kind, one inside the scoped users' own scope and, for scoped kinds, one
	 * outside it in the demo district, and one in a second district ({@link #FOREIGN_KINDS}).
	 */
	private static final class Samples {
		final Map<String, String> own = new HashMap<>();
		final Map<String, String> other = new HashMap<>();
		final Map<String, String> foreign = new HashMap<>();

		String own(String kind) {
			return own.get(kind);
		}
	}

	/** The samples and the users, made once for the suite's platform: both tests walk them. */
	private static Samples SAMPLES;
	private static Map<Role, String> TOKENS;
	private static final String[] INSTALLATION = new String[1];

	private synchronized Samples fixture() throws Exception {
		if (SAMPLES == null) {
			awaitDemo();
			Samples samples = samples();
			TOKENS = loggedInUsers(samples);
			SAMPLES = samples;
		}
		return SAMPLES;
	}

	@Test
	public void theMatrixListsEveryOperationWithTheAccessItDeclares() throws Exception {
		Map<String, Rule> declared = new TreeMap<>();
		for (Operation op : operations()) {
			declared.put(op.rule().operation(), op.rule());
		}
		List<String> problems = new ArrayList<>();
		Map<String, Rule> listed = new TreeMap<>();
		String previous = "";
		for (String line : matrixLines()) {
			try {
				Rule rule = Rule.parse(line);
				if (listed.put(rule.operation(), rule) != null) {
					problems.add("listed twice: " + line);
				}
			} catch (IllegalArgumentException e) {
				problems.add("unreadable (" + e.getMessage() + "): " + line);
			}
			if (line.compareTo(previous) < 0) {
				problems.add("out of order: " + line);
			}
			previous = line;
		}
		for (Rule rule : declared.values()) {
			Rule reviewed = listed.get(rule.operation());
			if (!rule.anonymous() && rule.roles().isEmpty()) {
				problems.add(rule.operation() + " declares no access, so nobody may call it: give the method @Access or "
						+ "@Anonymous, then add its line");
			} else if (reviewed == null) {
				problems.add("missing, add: " + rule.line());
			} else if (!reviewed.equals(rule)) {
				problems.add("changed, review and replace: " + reviewed.line() + "\n      by: " + rule.line());
			}
		}
		for (Map.Entry<String, Rule> e : listed.entrySet()) {
			if (!declared.containsKey(e.getKey())) {
				problems.add("no such operation, remove: " + e.getValue().line());
			}
		}
		assertTrue(MATRIX + " and /api/openapi.json disagree:\n  " + String.join("\n  ", problems), problems.isEmpty());
	}

	@Test
	public void everyCallerGetsWhatTheMatrixAllowsInItsScopeAndNothingOutsideIt() throws Exception {
		Samples samples = fixture();
		Map<Role, String> tokens = TOKENS;
		List<String> mismatches = new ArrayList<>();
		int calls = 0;
		for (Operation op : operations()) {
			Rule rule = op.rule();
			Map<String, String> own = values(op, samples, true);
			if (rule.anonymous()) {
				check(mismatches, "no token", op, own, call(op, null, own), s -> s != 401 && s != 403, "an answer without a login");
				calls++;
				continue;
			}
			check(mismatches, "no token", op, own, call(op, null, own), s -> s == 401, "401");
			calls++;
			for (Role role : Role.values()) {
				String token = tokens.get(role);
				if (!rule.allows(role)) {
					check(mismatches, role.name(), op, own, call(op, token, own), s -> s == 403, "403");
					calls++;
					continue;
				}
				if (ALLOWED_CALL_SKIPPED.contains(rule.operation())) {
					continue;
				}
				calls += walk(mismatches, op, role, token, samples);
			}
			if (rule.allows(Role.DISTRICT_ADMIN) && !ALLOWED_CALL_SKIPPED.contains(rule.operation())) {
				// the first start's administrator has no district: it is the installation's and reaches every one
				check(mismatches, "admin (installation)", op, own, call(op, INSTALLATION[0], own), s -> s != 401 && s != 403,
						"not 401 or 403");
				calls++;
			}
		}
		assertTrue(mismatches.size() + " of " + calls + " calls answered other than " + MATRIX + " says:\n  "
				+ String.join("\n  ", mismatches), mismatches.isEmpty());
	}

	/**
	 * The calls of one allowed role: its own scope's ids must pass; the other street's, department's
	 * or person's must answer 404 to a scoped role; the second district's must answer 404 to every
	 * caller bound to the demo district, and pass the city administrator's reading of a single resource.
	 */
	private int walk(List<String> mismatches, Operation op, Role role, String token, Samples samples) throws Exception {
		Rule rule = op.rule();
		Map<String, String> own = values(op, samples, true);
		int calls = 0;
		if (role.level() == Scope.Level.CITY) {
			check(mismatches, role.name(), op, own, call(op, token, own), s -> s != 401 && s != 403, "not 401 or 403");
			calls++;
			if (role == Role.CITY_ADMIN && op.placed()) {
				Map<String, String> foreign = foreign(op, samples);
				if (foreign != null) {
					// a single resource of the second district is read; below it, it may simply not exist
					boolean single = rule.path().endsWith("}") && PATH_PARAM.matcher(rule.path()).results().count() == 1
							&& foreign.keySet().stream().noneMatch(k -> k.startsWith("?"));
					check(mismatches, role.name() + " (second district)", op, foreign, call(op, token, foreign),
							single ? s -> s == 200 : s -> s != 401 && s != 403, single ? "200" : "not 401 or 403");
					calls++;
				}
			}
			return calls;
		}
		if (role == Role.DISTRICT_ADMIN && INSTALLATION_ONLY.containsKey(rule.operation())) {
			// a body the resource would take: the refusal must be the caller's, not the body's
			String body = INSTALLATION_ONLY.get(rule.operation());
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri(op, own))).header("Authorization", "Bearer " + token);
			request = body.isEmpty() ? request.method(rule.verb(), HttpRequest.BodyPublishers.noBody())
					: request.header("Content-Type", "application/json").method(rule.verb(), HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
			check(mismatches, role.name() + " (of one district)", op, own, sendAsIs(request), s -> s == 403, "403");
			return 1;
		}
		boolean scoped = role.level() != Scope.Level.DISTRICT && (!rule.targets().isEmpty() || !rule.within().isEmpty());
		if (!op.placed()) {
			check(mismatches, role.name(), op, own, call(op, token, own), s -> s != 401 && s != 403, "not 401 or 403");
			return 1;
		}
		// 404 is what the check answers outside the scope; the own ids exist, so it must not come here
		// an action without a body is sent to nothing: the check's 404 cannot be told from the resource's there
		boolean targeted = (!rule.targets().isEmpty() || !rule.within().isEmpty()) && !own.containsValue(NOTHING);
		check(mismatches, role.name() + " (own scope)", op, own, call(op, token, own),
				targeted ? s -> s != 401 && s != 403 && s != 404 : s -> s != 401 && s != 403, targeted ? "not 401, 403 or 404" : "not 401 or 403");
		calls++;
		if (scoped && !rule.targets().isEmpty()) {
			// a district-wide kind (a joint committee, a plan) has no other sample in the demo district, nor one in the second
			boolean placeable = op.rule().targets().stream().map(t -> TARGET.matcher("[" + t + "]")).filter(Matcher::matches)
					.map(m -> op.kindOf(m.group(3))).allMatch(k -> samples.other.containsKey(k) || samples.foreign.containsKey(k));
			if (placeable) {
				Map<String, String> other = values(op, samples, false);
				check(mismatches, role.name() + " (other scope)", op, other, call(op, token, other), s -> s == 404, "404");
				calls++;
			}
			for (String target : rule.targets()) {
				Matcher m = TARGET.matcher("[" + target + "]");
				if (m.matches() && !m.group(2).isEmpty()) {
					Map<String, String> without = new LinkedHashMap<>(own);
					without.remove("?" + m.group(3));
					check(mismatches, role.name() + " (no " + m.group(3) + ")", op, without, call(op, token, without),
							s -> s == 400, "400");
					calls++;
				}
			}
		}
		if (scoped && rule.targets().isEmpty()) {
			// a within target only places the call in the district: another street of it is no secret
			Map<String, String> other = values(op, samples, false);
			check(mismatches, role.name() + " (other street, same district)", op, other, call(op, token, other),
					s -> s != 401 && s != 403 && s != 404, "not 401, 403 or 404");
			calls++;
		}
		Map<String, String> foreign = foreign(op, samples);
		if (foreign != null) {
			check(mismatches, role.name() + " (second district)", op, foreign, call(op, token, foreign), s -> s == 404, "404");
			calls++;
		}
		return calls;
	}

	/**
	 * The call's parameters with every one the second district has a sample of taken from it, the
	 * district to list included; null when the operation names nothing of a kind it has.
	 */
	private static Map<String, String> foreign(Operation op, Samples samples) {
		Map<String, String> values = values(op, samples, true);
		boolean changed = false;
		for (Map.Entry<String, String> e : values.entrySet()) {
			String param = e.getKey().startsWith("?") ? e.getKey().substring(1) : e.getKey();
			boolean query = e.getKey().startsWith("?");
			if (query && !op.isTarget(param) && !op.isWithin(param) && !param.equals("district")) {
				continue; // a year, say: nothing a district owns
			}
			String kind = query && param.equals("district") && !op.isTarget(param) && !op.isWithin(param) ? "district" : op.kindOf(param);
			if (kind != null && FOREIGN_KINDS.contains(kind)) {
				e.setValue(samples.foreign.get(kind));
				changed = true;
			}
		}
		return changed ? values : null;
	}

	/** The operations of the live OpenAPI document. */
	private List<Operation> operations() throws IOException, InterruptedException {
		Reply reply = anonymous(HttpRequest.newBuilder(URI.create(base() + "/api/openapi.json")).GET());
		assertEquals(reply.toString(), 200, reply.status());
		List<Operation> operations = new ArrayList<>();
		Iterator<Map.Entry<String, JsonNode>> paths = reply.json().get("paths").fields();
		while (paths.hasNext()) {
			Map.Entry<String, JsonNode> path = paths.next();
			Iterator<Map.Entry<String, JsonNode>> verbs = path.getValue().fields();
			while (verbs.hasNext()) {
				Map.Entry<String, JsonNode> verb = verbs.next();
				JsonNode op = verb.getValue();
				JsonNode access = op.get("x-touyan-access");
				Rule rule;
				if (access.has("anonymous")) {
					rule = new Rule(verb.getKey().toUpperCase(), path.getKey(), true, EnumSet.noneOf(Role.class), List.of(), List.of());
				} else {
					Set<Role> roles = EnumSet.noneOf(Role.class);
					access.get("roles").forEach(r -> roles.add(Role.valueOf(r.asText())));
					List<String> targets = new ArrayList<>();
					access.get("targets").forEach(t -> targets.add(t.asText()));
					List<String> within = new ArrayList<>();
					access.get("within").forEach(t -> within.add(t.asText()));
					rule = new Rule(verb.getKey().toUpperCase(), path.getKey(), false, roles, targets, within);
				}
				List<String> query = new ArrayList<>();
				if (op.has("parameters")) {
					for (JsonNode p : op.get("parameters")) {
						if (p.get("in").asText().equals("query")) {
							query.add(p.get("name").asText());
						}
					}
				}
				String bodyType = op.has("requestBody") ? op.get("requestBody").get("content").fieldNames().next() : null;
				operations.add(new Operation(rule, query, bodyType));
			}
		}
		return operations;
	}

	private List<String> matrixLines() throws IOException {
		List<String> lines = new ArrayList<>();
		try (InputStream in = getClass().getClassLoader().getResourceAsStream(MATRIX)) {
			if (in == null) {
				throw new AssertionError(MATRIX + " is not on the test class path");
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.isBlank() && !line.startsWith("#")) {
					lines.add(line.strip());
				}
			}
		}
		return lines;
	}

	/**
	 * The parameters of one call: every path parameter, the query targets and the district and year
	 * lists require. Outside the own scope only the targets change, so a 404 can only be the scope's.
	 */
	private static Map<String, String> values(Operation op, Samples samples, boolean own) {
		Map<String, String> values = new LinkedHashMap<>();
		Matcher m = PATH_PARAM.matcher(op.rule().path());
		while (m.find()) {
			String param = m.group(1);
			String kind = op.kindOf(param);
			String value;
			if (op.actsWithoutBody() && !"cycle".equals(kind) && !"community".equals(kind)) {
				// the demo's cycles are archived and its communities have posts: both refuse, anything else gets nothing
				value = NOTHING;
			} else {
				value = sample(samples, op, param, kind, own || !op.isTarget(param));
			}
			values.put(param, value);
		}
		for (String param : op.queryParams()) {
			if (op.isTarget(param)) {
				values.put("?" + param, sample(samples, op, param, op.kindOf(param), own));
			} else if (op.isWithin(param)) {
				values.put("?" + param, sample(samples, op, param, op.kindOf(param), true));
			} else if (param.equals("district")) {
				values.put("?district", samples.own("district"));
			} else if (param.equals("year")) {
				values.put("?year", "2026");
			}
		}
		return values;
	}

	private static String sample(Samples samples, Operation op, String param, String kind, boolean own) {
		if (kind == null) {
			throw new AssertionError("AccessMatrixIT does not know what '" + param + "' of " + op.rule().operation()
					+ " names: add the segment before it to KIND_AFTER_SEGMENT");
		}
		// a kind with no other sample in the demo district (a cycle, the district) is outside in the second district
		String value = own ? samples.own.get(kind) : samples.other.getOrDefault(kind, samples.foreign.get(kind));
		if (value == null) {
			throw new AssertionError("AccessMatrixIT has no " + (own ? "" : "other scope's ") + "sample of kind '" + kind
					+ "' for '" + param + "' of " + op.rule().operation() + ": add one to samples()");
		}
		return value;
	}

	private String uri(Operation op, Map<String, String> values) {
		StringBuilder uri = new StringBuilder(base()).append(op.rule().path());
		values.forEach((param, value) -> {
			if (!param.startsWith("?")) {
				int at = uri.indexOf("{" + param + "}");
				uri.replace(at, at + param.length() + 2, value);
			}
		});
		char separator = '?';
		for (Map.Entry<String, String> e : values.entrySet()) {
			if (e.getKey().startsWith("?")) {
				uri.append(separator).append(e.getKey().substring(1)).append('=')
						.append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
				separator = '&';
			}
		}
		return uri.toString();
	}

	/** Calls the operation as the user of {@code token}, or without a login when it is null. */
	private Reply call(Operation op, String token, Map<String, String> values) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri(op, values)));
		if (op.bodyType() != null) {
			request.header("Content-Type", op.bodyType()).method(op.rule().verb(), HttpRequest.BodyPublishers.ofString(
					op.bodyType().equals("application/json") ? REFUSED_JSON : REFUSED_TEXT, StandardCharsets.UTF_8));
		} else {
			request.method(op.rule().verb(), HttpRequest.BodyPublishers.noBody());
		}
		// sent without If-Match: authorization must answer 401, 403 or 404 before a write's 428
		return token == null ? anonymous(request) : sendAsIs(request.header("Authorization", "Bearer " + token));
	}

	private void check(List<String> mismatches, String caller, Operation op, Map<String, String> values, Reply reply,
			Predicate<Integer> expected, String expectation) {
		if (!expected.test(reply.status())) {
			String body = reply.body().length() > 160 ? reply.body().substring(0, 160) + "…" : reply.body();
			mismatches.add(caller + " " + op.rule().verb() + " " + uri(op, values).substring(base().length()) + " → "
					+ reply.status() + ", expected " + expectation + " (" + op.rule().line() + "): " + body);
		}
	}

	/**
	 * The scoped users: a street administrator of street A, the secretary of a community in A, a
	 * scorer of one scoring department. A's secretary is one the demo gave a dispatch and a transfer
	 * project, in a street with its own brand programme, so the demo has most kinds they own; the
	 * rest is created here as the district administrator would.
	 */
	private Samples samples() throws Exception {
		Samples s = new Samples();
		String district = null;
		for (JsonNode d : get("/api/districts?limit=500").json().get("items")) {
			if (d.get("code").asText().equals("DEMO")) {
				district = d.get("id").asText();
			}
		}
		s.own.put("district", district);
		awaitDemo();
		String demo = "?district=" + district + "&limit=500";
		Map<String, String> streetOf = new HashMap<>();
		for (JsonNode c : get("/api/communities" + demo).json().get("items")) {
			streetOf.put(c.get("id").asText(), c.get("streetId").asText());
		}
		Map<String, JsonNode> secretaryPost = new LinkedHashMap<>();
		for (JsonNode p : get("/api/posts?kind=COMMUNITY_SECRETARY&current=true&limit=500").json().get("items")) {
			if (streetOf.containsKey(p.get("unitId").asText())) {
				secretaryPost.put(p.get("personId").asText(), p);
			}
		}
		JsonNode plan = get("/api/training/plans?district=" + district + "&year=2026").json();
		Map<String, JsonNode> brandOf = new HashMap<>();
		for (JsonNode p : plan.get("programmes")) {
			if (p.hasNonNull("streetId")) {
				brandOf.put(p.get("streetId").asText(), p);
			}
		}
		JsonNode dispatches = get("/api/pairing/dispatches" + demo).json().get("items");
		JsonNode projects = get("/api/pairing/projects" + demo).json().get("items");
		String x = secretaryPost.keySet().stream()
				.filter(p -> brandOf.containsKey(streetOf.get(secretaryPost.get(p).get("unitId").asText())))
				.filter(p -> find(dispatches, d -> d.get("personId").asText().equals(p)) != null)
				.filter(p -> find(projects, j -> j.get("ownerId").asText().equals(p)) != null)
				.findFirst().orElseThrow(() -> new AssertionError("no demo secretary with a dispatch and a project in a street with a brand"));
		String community = secretaryPost.get(x).get("unitId").asText();
		String street = streetOf.get(community);
		String y = secretaryPost.keySet().stream()
				.filter(p -> !streetOf.get(secretaryPost.get(p).get("unitId").asText()).equals(street)).findFirst().orElseThrow();
		String otherCommunity = secretaryPost.get(y).get("unitId").asText();
		Predicate<String> inStreet = person -> secretaryPost.containsKey(person)
				&& streetOf.get(secretaryPost.get(person).get("unitId").asText()).equals(street);
		Predicate<String> elsewhere = person -> secretaryPost.containsKey(person) && !inStreet.test(person);

		put(s, "street", street, streetOf.get(otherCommunity));
		put(s, "community", community, otherCommunity);
		put(s, "person", x, y);
		put(s, "post", secretaryPost.get(x).get("id").asText(), secretaryPost.get(y).get("id").asText());
		JsonNode missions = get("/api/first-secretary-missions" + demo).json().get("items");
		JsonNode ownMission = find(missions, m -> m.get("streetId").asText().equals(street));
		assertTrue("the demo has a first secretary in the street of " + x, ownMission != null);
		put(s, "first-secretary-mission", ownMission.get("postId").asText(),
				find(missions, m -> !m.get("streetId").asText().equals(street)).get("postId").asText());
		JsonNode departments = get("/api/departments" + demo + "&scores=true").json().get("items");
		put(s, "department", departments.get(0).get("id").asText(), departments.get(1).get("id").asText());
		JsonNode reserve = get("/api/reserve" + demo).json().get("items");
		put(s, "reserve", id(find(reserve, r -> r.get("membership").get("streetId").asText().equals(street)).get("membership")),
				id(find(reserve, r -> !r.get("membership").get("streetId").asText().equals(street)).get("membership")));
		put(s, "dispatch", id(find(dispatches, d -> d.get("personId").asText().equals(x))),
				id(find(dispatches, d -> elsewhere.test(d.get("personId").asText()))));
		put(s, "project", id(find(projects, j -> j.get("ownerId").asText().equals(x) && (!j.hasNonNull("communityId")
				|| street.equals(streetOf.get(j.get("communityId").asText()))))),
				id(find(projects, j -> j.hasNonNull("communityId") && !street.equals(streetOf.get(j.get("communityId").asText())))));
		JsonNode otherBrand = brandOf.entrySet().stream().filter(e -> !e.getKey().equals(street)).findFirst().orElseThrow().getValue();
		put(s, "programme", id(brandOf.get(street)), id(otherBrand));
		put(s, "course", id(brandOf.get(street).get("courses").get(0)), id(otherBrand.get("courses").get(0)));
		put(s, "session", id(get("/api/training/courses/" + s.own("course") + "/sessions").json().get("items").get(0)),
				id(get("/api/training/courses/" + s.other.get("course") + "/sessions").json().get("items").get(0)));

		// the demo has no filings, no eligibility checks and no shadowing placement of this secretary
		put(s, "filing", filing(district, x, community, secretaryPost.get(x)), filing(district, y, otherCommunity, secretaryPost.get(y)));
		put(s, "eligibility-check", eligibilityCheck(x), eligibilityCheck(y));
		JsonNode placements = get("/api/shadowing?district=" + district + "&year=2026&limit=500").json().get("items");
		put(s, "shadowing", placement(district, x), id(find(placements, p -> elsewhere.test(p.get("personId").asText()))));

		JsonNode cycles = get("/api/evaluation-cycles?district=" + district).json().get("items");
		s.own.put("cycle", id(cycles.get(0)));
		s.own.put("pin", cycles.get(0).get("pinKey").asText());
		s.own.put("cycle-section", "stars");
		s.own.put("plan", id(plan));
		s.own.put("report-section", "hours");
		s.own.put("joint-committee", id(get("/api/joint-committees" + demo).json().get("items").get(0)));
		s.own.put("reference-kind", "duty-list");
		s.own.put("code-type", "postKind");
		s.own.put("reference-version", id(get("/api/districts/" + district + "/reference/duty-list").json().get("items").get(0)));
		s.own.put("exchange-event", id(get("/api/exchange-events" + demo).json().get("items").get(0)));
		s.own.put("mentoring-pairing", id(get("/api/mentoring/pairings" + demo).json().get("items").get(0)));
		s.own.put("incident", id(get("/api/negative-list/incidents" + demo).json().get("items").get(0)));
		s.own.put("plugin", "org.touyan.plugin.star.district");
		s.own.put("binding-revision", "1");
		s.own.put("step", "1");
		s.own.put("ballot-token", NOTHING);
		// the walk takes no backup (its POST sends a body the resource refuses), so there is none to name
		s.own.put("backup", NOTHING);
		secondDistrict(s);
		return s;
	}

	/**
	 * A second district with a street, a community, a scoring department, a secretary in their post
	 * and a cycle, made by the installation's administrator: what the demo district's callers must
	 * not see and the city administrator reads.
	 */
	private void secondDistrict(Samples s) throws Exception {
		String code = "MX" + Long.toString(System.nanoTime() % 100000, 36).toUpperCase();
		String district = id(created("/api/districts", JSON.createObjectNode().put("code", code).put("name", "矩阵第二区")));
		String street = id(created("/api/streets", JSON.createObjectNode().put("parentId", district).put("code", "S1").put("name", "第二区街道")));
		String community = id(created("/api/communities", JSON.createObjectNode().put("parentId", street).put("code", "C1").put("name", "第二区社区")));
		String department = id(created("/api/departments", JSON.createObjectNode().put("districtId", district).put("code", "D1")
				.put("name", "第二区民政局").put("scores", true).put("vets", false)));
		String person = id(created("/api/people", JSON.createObjectNode().put("districtId", district).put("name", "第二区书记")
				.put("idNumber", idNumber("11010519800303" + String.format("%03d", (int) (System.nanoTime() % 1000))))));
		String post = id(created("/api/people/" + person + "/posts", JSON.createObjectNode().put("kind", "COMMUNITY_SECRETARY")
				.put("unitId", community).put("startDate", "2025-01-01")));
		String cycle = id(created("/api/evaluation-cycles", JSON.createObjectNode().put("districtId", district).put("period", "2026-H1")));
		s.foreign.putAll(Map.of("district", district, "street", street, "community", community, "department", department,
				"person", person, "post", post, "cycle", cycle));
	}

	@Test
	public void listsOfADistrictsCallersHoldOnlyTheirDistrictAndTheCityHoldsEvery() throws Exception {
		Samples s = fixture();
		Map<Role, String> tokens = TOKENS;
		String foreignStreet = s.foreign.get("street");
		for (Role role : List.of(Role.DISTRICT_ADMIN, Role.STREET_ADMIN, Role.SECRETARY)) {
			JsonNode districts = as(tokens.get(role), "/api/districts?limit=500");
			assertEquals(role + " lists only its district", 1, districts.get("items").size());
			assertEquals(s.own("district"), districts.get("items").get(0).get("id").asText());
			JsonNode streets = as(tokens.get(role), "/api/streets?limit=500");
			assertTrue(role + " lists no street of the second district",
					find(streets.get("items"), x -> x.get("id").asText().equals(foreignStreet)) == null && streets.get("total").asInt() > 0);
		}
		JsonNode all = as(tokens.get(Role.CITY_ADMIN), "/api/streets?limit=500");
		assertTrue("the city administrator lists every district's streets",
				find(all.get("items"), x -> x.get("id").asText().equals(foreignStreet)) != null
						&& find(all.get("items"), x -> x.get("id").asText().equals(s.own("street"))) != null);
		JsonNode users = as(tokens.get(Role.DISTRICT_ADMIN), "/api/users?limit=500");
		for (JsonNode u : users.get("items")) {
			assertEquals("a district administrator lists its district's users: " + u, s.own("district"), u.path("district").asText());
		}
		// a district administrator makes users of its own district only, and names the field it refuses
		Reply refused = sendAs(tokens.get(Role.DISTRICT_ADMIN), "POST", "/api/users", JSON.createObjectNode().put("login", "matrix.far")
				.put("displayName", "外区街道").put("role", "STREET_ADMIN").put("street", foreignStreet).toString());
		assertEquals("street", assertProblem(refused, 400).get("field").asText());
		Reply noDistrict = sendAs(tokens.get(Role.CITY_ADMIN), "POST", "/api/users", JSON.createObjectNode().put("login", "matrix.nod")
				.put("displayName", "无区").put("role", "DISTRICT_ADMIN").toString());
		assertEquals("district", assertProblem(noDistrict, 400).get("field").asText());
	}

	private JsonNode as(String token, String path) throws Exception {
		Reply r = sendAs(token, "GET", path, null, null);
		assertEquals(path + ": " + r, 200, r.status());
		return r.json();
	}

	private Reply sendAs(String token, String method, String path, String json) throws Exception {
		return sendAs(token, method, path, "application/json", json);
	}

	private Reply sendAs(String token, String method, String path, String type, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Bearer " + token);
		if (body == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		} else {
			request.header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		}
		return sendAsIs(request);
	}

	private static void put(Samples s, String kind, String own, String other) {
		s.own.put(kind, own);
		s.other.put(kind, other);
	}

	/** A removal filing for the secretary's own post, left open: the walk never moves it on. */
	private String filing(String district, String person, String community, JsonNode post) throws Exception {
		ObjectNode input = JSON.createObjectNode().put("districtId", district).put("kind", "REMOVAL").put("personId", person)
				.put("communityId", community).put("postId", post.get("id").asText()).put("effectiveDate", "2027-01-01");
		return id(created("/api/filings", input));
	}

	private String eligibilityCheck(String person) throws Exception {
		return id(created("/api/people/" + person + "/eligibility-checks", JSON.createObjectNode().set("facts", JSON.createObjectNode())));
	}

	/** In 2027, so the demo year's shadowing that TrainingIT counts stays as it is. */
	private String placement(String district, String person) throws Exception {
		ObjectNode input = JSON.createObjectNode().put("districtId", district).put("personId", person).put("city", "上海市")
				.put("host", "浦东新区塘桥街道").put("startDate", "2027-03-01").put("endDate", "2027-03-31");
		return id(created("/api/shadowing", input));
	}

	private JsonNode created(String path, JsonNode body) throws Exception {
		Reply reply = send("POST", path, "application/json", body.toString());
		assertEquals(path + ": " + reply, 201, reply.status());
		return reply.json();
	}

	/**
	 * One user per role, logged in with the one-time password changed, the district administrator
	 * being one of the demo district; under the key null the platform's first administrator.
	 */
	private Map<Role, String> loggedInUsers(Samples s) throws Exception {
		Map<Role, String> tokens = new EnumMap<>(Role.class);
		for (Role role : Role.values()) {
			// exhaustive on purpose: a new role does not compile here until it has a user in the walk
			String scope = switch (role) {
			case DISTRICT_ADMIN -> "district";
			case STREET_ADMIN -> "street";
			case DEPARTMENT_SCORER -> "department";
			case SECRETARY -> "person";
			case AUDITOR, PLUGIN_ADMIN, CITY_ADMIN -> null;
			};
			String token = newUser("matrix." + role.name().toLowerCase().replace('_', '-'), "矩阵" + role.displayName(), role.name(),
					scope, scope == null ? null : s.own(scope));
			tokens.put(role, token);
		}
		// the district administrator walked is the demo district's; the first start's one, the installation's, is walked beside it
		INSTALLATION[0] = login("admin", ADMIN_PASSWORD);
		s.own.put("user", id(get("/api/session").json()));
		return tokens;
	}

	private static JsonNode find(JsonNode items, Predicate<JsonNode> test) {
		for (JsonNode item : items) {
			if (test.test(item)) {
				return item;
			}
		}
		return null;
	}

	private static String id(JsonNode node) {
		if (node == null) {
			throw new AssertionError("the demo district has no sample of a kind the walk needs");
		}
		return node.get("id").asText();
	}
}
