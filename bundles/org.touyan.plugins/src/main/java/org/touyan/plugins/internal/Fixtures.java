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
					failures.add(name + ": " + e.getMessage());
				}
			}
		}
		return failures;
	}

	private static String check(PolicyIndex.Entry entry, JsonNode c, Runner runner) {
		JsonNode expect = c.path("expect");
		if (entry.spis.contains(StarRatingFormula.class.getName())) {
			StarRatingInput input = new StarRatingInput(c.path("communityId").asText("fixture"), c.path("streetId").asText("fixture"),
					c.path("period").asText("2026-H1"), decimals(c.path("scores")), texts(c.path("parameters")));
			StarRating r = runner.call(entry, p -> ((StarRatingFormula) p).rate(input));
			if (expect.has("stars") && r.stars() != expect.get("stars").asInt()) {
				return "expected " + expect.get("stars").asInt() + " stars, got " + r.stars();
			}
			if (expect.has("score") && r.score().compareTo(expect.get("score").decimalValue()) != 0) {
				return "expected score " + expect.get("score").decimalValue().toPlainString() + ", got " + r.score().toPlainString();
			}
			return null;
		}
		if (entry.spis.contains(TrainingBrand.class.getName())) {
			JsonNode a = c.path("attendance");
			Attendance attendance = new Attendance("fixture", a.path("courseFormat").asText(),
					a.path("sessionHours").decimalValue(), a.path("attendedHours").decimalValue());
			boolean refusedExpected = expect.path("refused").asBoolean(false);
			BigDecimal credit;
			try {
				credit = runner.call(entry, p -> ((TrainingBrand) p).credit(attendance));
			} catch (org.touyan.api.policy.PolicyFailureException e) {
				return refusedExpected && e.getCause() instanceof IllegalArgumentException ? null : e.getMessage();
			}
			if (refusedExpected) {
				return "expected the attendance to be refused, got credit " + credit.toPlainString();
			}
			return credit.compareTo(expect.path("credit").decimalValue()) == 0 ? null
					: "expected credit " + expect.path("credit").decimalValue().toPlainString() + ", got " + credit.toPlainString();
		}
		if (entry.spis.contains(PairingProgramme.class.getName())) {
			JsonNode p = c.path("project");
			PairingProgramme.TransferProject project = new PairingProgramme.TransferProject("fixture", p.path("title").asText(),
					p.path("milestones").asInt(), p.path("milestonesDone").asInt(), p.path("outcomeRecorded").asBoolean());
			String grade = runner.call(entry, programme -> ((PairingProgramme) programme).assess(project).grade());
			return grade.equals(expect.path("grade").asText()) ? null
					: "expected grade " + expect.path("grade").asText() + ", got " + grade;
		}
		return "fixtures are not supported for " + entry.spis;
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
