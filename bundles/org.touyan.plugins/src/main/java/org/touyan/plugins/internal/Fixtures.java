package org.touyan.plugins.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.osgi.framework.Bundle;
import org.touyan.api.evaluation.ClassificationInput;
import org.touyan.api.evaluation.ClassificationPolicy;
import org.touyan.api.evaluation.ReviewInput;
import org.touyan.api.evaluation.ReviewResult;
import org.touyan.api.evaluation.ReviewWeighting;
import org.touyan.api.evaluation.SecretaryType;
import org.touyan.api.evaluation.StarRating;
import org.touyan.api.evaluation.StarRatingFormula;
import org.touyan.api.evaluation.StarRatingInput;
import org.touyan.api.exchange.PairingProgramme;
import org.touyan.api.training.Attendance;
import org.touyan.api.training.TrainingBrand;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs the fixtures a plugin ships (inputs and the answers its author expects) against the
 * plugin's own services, before a version may serve. Fixtures are JSON files in
 * {@code touyan/fixtures/} of the jar, one per policy; docs/PLUGINS.md describes the format.
 */
final class Fixtures {

	static final String FOLDER = "touyan/fixtures";

	private static final ObjectMapper JSON = new ObjectMapper();

	/** Calls a policy under the manager's containment (time limit, error capture). */
	interface Runner {
		<R> R call(PolicyIndex.Entry entry, Function<Object, R> work);
	}

	private Fixtures() {
	}

	/** Every failing case, in words; empty when all pass (or there are none). */
	static List<String> run(Bundle bundle, List<PolicyIndex.Entry> entries, Runner runner) {
		List<String> failures = new ArrayList<>();
		Enumeration<URL> files = bundle.findEntries(FOLDER, "*.json", false);
		while (files != null && files.hasMoreElements()) {
			URL url = files.nextElement();
			String file = url.getPath().substring(url.getPath().lastIndexOf('/') + 1);
			JsonNode fixture;
			try (InputStream in = url.openStream()) {
				fixture = JSON.readTree(in);
			} catch (IOException e) {
				failures.add(file + " is not valid JSON");
				continue;
			}
			String policy = fixture.path("policy").asText();
			PolicyIndex.Entry entry = entries.stream().filter(e -> e.policyId.equals(policy)).findFirst().orElse(null);
			if (entry == null) {
				failures.add(file + " is for policy '" + policy + "', which this plugin does not provide");
				continue;
			}
			for (JsonNode c : fixture.path("cases")) {
				String name = file + " / " + c.path("name").asText("case");
				try {
					String failure = check(entry, c, runner);
					if (failure != null) {
						failures.add(name + ": " + failure);
					}
				} catch (RuntimeException e) {
					failures.add(name + ": " + (e instanceof org.touyan.api.policy.PolicyFailureException p ? p.detail(null) : e.getMessage()));
				}
			}
		}
		return failures;
	}

	/**
	 * Runs one case against a policy of one SPI and compares the answer with the case's
	 * {@code expect}: null when it matches, else what differs, in words.
	 */
	@FunctionalInterface
	private interface Check {
		String check(PolicyIndex.Entry entry, JsonNode c, JsonNode expect, Runner runner);
	}

	/** The SPIs fixtures can be written for: supporting another is one more entry and its method. */
	private static final Map<String, Check> CHECKS = Map.of(
			StarRatingFormula.class.getName(), Fixtures::starRating,
			TrainingBrand.class.getName(), Fixtures::trainingBrand,
			PairingProgramme.class.getName(), Fixtures::pairingProgramme,
			ReviewWeighting.class.getName(), Fixtures::reviewWeighting,
			ClassificationPolicy.class.getName(), Fixtures::classificationPolicy);

	private static String check(PolicyIndex.Entry entry, JsonNode c, Runner runner) {
		for (String spi : entry.spis) {
			Check check = CHECKS.get(spi);
			if (check != null) {
				return check.check(entry, c, c.path("expect"), runner);
			}
		}
		return "fixtures are not supported for " + entry.spis;
	}

	private static String starRating(PolicyIndex.Entry entry, JsonNode c, JsonNode expect, Runner runner) {
		StarRatingInput input = new StarRatingInput(c.path("communityId").asText("fixture"), c.path("streetId").asText("fixture"),
				c.path("period").asText("2026-H1"), decimals(c.path("scores")), texts(c.path("parameters")));
		StarRating r = runner.call(entry, p -> ((StarRatingFormula) p).rate(input));
		if (expect.has("stars") && r.stars() != expect.get("stars").asInt()) {
			return "expected " + expect.get("stars").asInt() + " stars, got " + r.stars();
		}
		return score(expect, r.score());
	}

	private static String trainingBrand(PolicyIndex.Entry entry, JsonNode c, JsonNode expect, Runner runner) {
		JsonNode a = c.path("attendance");
		Attendance attendance = new Attendance("fixture", a.path("courseFormat").asText(),
				a.path("sessionHours").decimalValue(), a.path("attendedHours").decimalValue());
		boolean refusedExpected = expect.path("refused").asBoolean(false);
		BigDecimal credit;
		try {
			credit = runner.call(entry, p -> ((TrainingBrand) p).credit(attendance));
		} catch (org.touyan.api.policy.PolicyFailureException e) {
			return refusedExpected && e.getCause() instanceof IllegalArgumentException ? null : e.detail(null);
		}
		if (refusedExpected) {
			return "expected the attendance to be refused, got credit " + credit.toPlainString();
		}
		return credit.compareTo(expect.path("credit").decimalValue()) == 0 ? null
				: "expected credit " + expect.path("credit").decimalValue().toPlainString() + ", got " + credit.toPlainString();
	}

	private static String pairingProgramme(PolicyIndex.Entry entry, JsonNode c, JsonNode expect, Runner runner) {
		JsonNode p = c.path("project");
		PairingProgramme.TransferProject project = new PairingProgramme.TransferProject("fixture", p.path("title").asText(),
				p.path("milestones").asInt(), p.path("milestonesDone").asInt(), p.path("outcomeRecorded").asBoolean());
		String grade = runner.call(entry, programme -> ((PairingProgramme) programme).assess(project).grade());
		return text(expect, "grade", grade);
	}

	private static String reviewWeighting(PolicyIndex.Entry entry, JsonNode c, JsonNode expect, Runner runner) {
		ReviewInput input = new ReviewInput("fixture", "fixture", c.path("period").asText("2026-H1"), decimal(c, "self"),
				decimal(c, "residents"), c.path("ballots").asInt(0), decimal(c, "street"), decimal(c, "organization"),
				texts(c.path("parameters")));
		ReviewResult r = runner.call(entry, p -> ((ReviewWeighting) p).combine(input));
		String grade = expect.has("grade") ? text(expect, "grade", r.grade()) : null;
		return grade != null ? grade : score(expect, r.score());
	}

	private static String classificationPolicy(PolicyIndex.Entry entry, JsonNode c, JsonNode expect, Runner runner) {
		ClassificationInput input = new ClassificationInput("fixture", "fixture", c.path("period").asText("2026-H1"),
				c.hasNonNull("stars") ? c.get("stars").asInt() : null, decimal(c, "starScore"),
				c.hasNonNull("grade") ? c.get("grade").asText() : null, decimal(c, "assessmentScore"), texts(c.path("parameters")));
		SecretaryType type = runner.call(entry, p -> ((ClassificationPolicy) p).classify(input)).type();
		return text(expect, "type", type == null ? null : type.name());
	}

	/** Null when {@code expect} has no {@code score} or it equals {@code actual} (scale aside). */
	private static String score(JsonNode expect, BigDecimal actual) {
		if (!expect.has("score")) {
			return null;
		}
		BigDecimal expected = expect.get("score").decimalValue();
		return actual != null && actual.compareTo(expected) == 0 ? null
				: "expected score " + expected.toPlainString() + ", got " + (actual == null ? "none" : actual.toPlainString());
	}

	/** Null when {@code actual} is the text {@code expect} has under {@code field}. */
	private static String text(JsonNode expect, String field, String actual) {
		String expected = expect.path(field).asText();
		return expected.equals(actual) ? null : "expected " + field + " " + expected + ", got " + actual;
	}

	/** A decimal field of a case, or null when it is absent or null (a review not given, a rating not made). */
	private static BigDecimal decimal(JsonNode c, String field) {
		return c.hasNonNull(field) ? c.get(field).decimalValue() : null;
	}

	private static Map<String, BigDecimal> decimals(JsonNode node) {
		Map<String, BigDecimal> m = new TreeMap<>();
		for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
			Map.Entry<String, JsonNode> e = it.next();
			m.put(e.getKey(), e.getValue().decimalValue());
		}
		return m;
	}

	private static Map<String, String> texts(JsonNode node) {
		Map<String, String> m = new TreeMap<>();
		for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
			Map.Entry<String, JsonNode> e = it.next();
			m.put(e.getKey(), e.getValue().asText());
		}
		return m;
	}
}
