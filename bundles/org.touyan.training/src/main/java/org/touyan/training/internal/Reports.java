package org.touyan.training.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.touyan.api.rest.ProblemException;
import org.touyan.api.training.ReportField;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reports whose fields a plugin defines (a brand's session report, a programme's dispatch report):
 * checked against the fields (every required one, no unknown one) and kept as JSON.
 */
final class Reports {

	private static final ObjectMapper JSON = new ObjectMapper();

	private Reports() {
	}

	/** The values in the fields' order; a missing required or an unknown field is a 400 on {@code fields.<key>}. */
	static Map<String, String> check(List<ReportField> fields, Map<String, String> given) {
		Map<String, String> values = given == null ? Map.of() : given;
		Map<String, String> report = new LinkedHashMap<>();
		for (ReportField f : fields) {
			String v = Input.text("fields." + f.key(), values.get(f.key()), 2000, f.required());
			if (v != null) {
				report.put(f.key(), v);
			}
		}
		for (String key : values.keySet()) {
			if (fields.stream().noneMatch(f -> f.key().equals(key))) {
				throw ProblemException.invalid("fields." + key, "报告没有 " + key + " 这一项", "the report has no field '" + key + "'");
			}
		}
		return report;
	}

	static String json(Map<String, String> report) {
		try {
			return JSON.writeValueAsString(report);
		} catch (JsonProcessingException e) {
			throw new IllegalStateException("a report of strings is always JSON", e);
		}
	}

	/** The stored report, or null when there is none. */
	static Map<String, String> read(String json) {
		if (json == null) {
			return null;
		}
		try {
			return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {
			});
		} catch (JsonProcessingException e) {
			throw new IllegalStateException("a stored report is not JSON", e);
		}
	}
}
