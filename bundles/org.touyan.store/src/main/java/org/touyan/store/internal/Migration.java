package org.touyan.store.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.touyan.api.security.Sha256;

/**
 * One versioned migration script of a schema, named {@code V<version>__<description>.sql}.
 *
 * <p>Statements end with a {@code ;} at the end of a line; lines starting with {@code --} are
 * comments. The checksum covers the whole text, so a script edited after it was applied is caught.
 */
record Migration(int version, String description, String script, String checksum) {

	private static final Pattern NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");

	static Migration of(String fileName, String script) {
		Matcher m = NAME.matcher(fileName);
		if (!m.matches()) {
			throw new MigrationException("'" + fileName + "' is not named V<number>__<description>.sql");
		}
		return new Migration(Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '), script, Sha256.hex(script));
	}

	List<String> statements() {
		List<String> statements = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String line : script.split("\\R")) {
			String trimmed = line.strip();
			if (trimmed.isEmpty() || trimmed.startsWith("--")) {
				continue;
			}
			current.append(line).append('\n');
			if (trimmed.endsWith(";")) {
				String statement = current.toString().strip();
				statements.add(statement.substring(0, statement.length() - 1));
				current.setLength(0);
			}
		}
		if (!current.toString().isBlank()) {
			throw new MigrationException("V" + version + " ends with a statement that has no closing ';'");
		}
		return statements;
	}

}
