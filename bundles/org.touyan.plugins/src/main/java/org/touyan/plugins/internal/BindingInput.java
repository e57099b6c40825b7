package org.touyan.plugins.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.touyan.api.rest.ProblemException;

/** The checks of what a plugin administrator gives a binding or a pin: parameter names and values, pin keys. */
final class BindingInput {

	private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	private BindingInput() {
	}

	/** A pin key such as {@code 2026-H1}. */
	static String pinKey(String key) {
		if (key == null || !KEY.matcher(key).matches()) {
			throw ProblemException.invalid("key", "锁定标识应为 1 至 64 位字母、数字、“.”、“_”或“-”，如 2026-H1",
					"a pin key is 1 to 64 letters, digits, '.', '_' or '-', e.g. 2026-H1");
		}
		return key;
	}

	/** A binding's parameters, sorted by name: at most 50, names like pin keys, values of at most 500 characters. */
	static Map<String, String> parameters(Map<String, String> parameters) {
		Map<String, String> p = new TreeMap<>();
		if (parameters == null) {
			return p;
		}
		if (parameters.size() > 50) {
			throw ProblemException.invalid("parameters", "参数最多 50 个", "at most 50 parameters");
		}
		parameters.forEach((k, v) -> {
			if (k == null || !KEY.matcher(k).matches()) {
				throw ProblemException.invalid("parameters", "参数名应为 1 至 64 位字母、数字、“.”、“_”或“-”",
						"parameter names are 1 to 64 letters, digits, '.', '_' or '-'");
			}
			if (v == null || v.length() > 500) {
				throw ProblemException.invalid("parameters." + k, "参数值应为文本，最多 500 个字", "a parameter value is text of at most 500 characters");
			}
			p.put(k, v);
		});
		return p;
	}
}
