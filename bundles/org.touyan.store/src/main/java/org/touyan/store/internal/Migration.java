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
 *
 * <p>A schema's scripts lie in {@code db/<schema>/}, shared by every dialect; a script in
 * {@code db/<schema>/<dialect>/} ({@code hsqldb/}, {@code postgresql/}) takes the place of the
 * shared one of its version in that dialect ({@link #forDialect}). What runs, and what the history's
 * checksum covers, is therefore the script of the database's own dialect.
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

	/**
	 * The scripts that run in one dialect: per version, the dialect's own script if it ships one,
	 * else the shared one. A version only the dialect has runs there alone.
	 */
	static List<Migration> forDialect(List<Migration> shared, List<Migration> dialect) {
		java.util.Map<Integer, Migration> chosen = new java.util.TreeMap<>();
		for (Migration m : shared) {
			if (chosen.put(m.version(), m) != null) {
				throw new MigrationException("two shared migrations are numbered V" + m.version());
			}
		}
		java.util.Set<Integer> overridden = new java.util.HashSet<>();
		for (Migration m : dialect) {
			if (!overridden.add(m.version())) {
				throw new MigrationException("two migrations of one dialect are numbered V" + m.version());
			}
			chosen.put(m.version(), m);
		}
		return List.copyOf(chosen.values());
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
