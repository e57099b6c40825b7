package org.touyan.store.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import org.touyan.api.store.Dialect;

/**
 * What the store's configuration asks for, checked once at start: an HSQLDB file database (the
 * default, {@code url} empty) or PostgreSQL ({@code url} a {@code jdbc:postgresql:} URL). Each key
 * is read from the {@code touyan.store} configuration, else from the framework property
 * {@code touyan.store.<key>}, else from the environment variable {@code TOUYAN_STORE_<KEY>}, so a
 * container can be configured by its environment alone.
 *
 * <p>The password is never a configuration value of its own: it comes from the file that
 * {@code passwordFile} names, else from the environment variable {@value #PASSWORD_ENV}, and a URL
 * carrying one is refused, so it cannot reach a log line, {@code GET /api/health} or a backup of
 * the configuration.
 */
record StoreSettings(Dialect dialect, String files, String url, String user, String password, int poolSize, int cacheMb) {

	static final String PASSWORD_ENV = "TOUYAN_STORE_PASSWORD";
	static final int MAX_POOL = 200;

	/** A configuration the store cannot start with; the message names the key and what is wrong. */
	static final class Invalid extends IllegalArgumentException {
		private static final long serialVersionUID = 1L;

		Invalid(String message) {
			super(message);
		}
	}

	/** The {@code touyan.store} configuration's values, as the component received them. */
	record Asked(String path, int poolSize, int cacheMb, String url, String user, String passwordFile) {
	}

	/**
	 * @param config   the {@code touyan.store} configuration
	 * @param property a framework property by name (null when unset)
	 * @param env      an environment variable by name (null when unset)
	 */
	static StoreSettings of(Asked config, Function<String, String> property, Function<String, String> env) {
		if (config.poolSize() < 1 || config.poolSize() > MAX_POOL) {
			throw new Invalid("touyan.store poolSize must be between 1 and " + MAX_POOL + ", was " + config.poolSize());
		}
		String url = first(config.url(), property.apply("touyan.store.url"), env.apply("TOUYAN_STORE_URL"));
		if (url.isEmpty()) {
			String dir = property.apply("touyan.data");
			String files = config.path().isBlank() ? (dir == null || dir.isBlank() ? "data" : dir) + "/touyan" : config.path();
			return new StoreSettings(Dialect.HSQLDB, files, null, null, null, config.poolSize(), config.cacheMb());
		}
		if (!url.startsWith("jdbc:postgresql:")) {
			throw new Invalid("touyan.store url must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database), or empty for the"
					+ " embedded HSQLDB database; it begins '" + url.substring(0, Math.min(url.length(), 20)) + "'");
		}
		if (url.toLowerCase(Locale.ROOT).matches(".*[?&;]password=.*")) {
			// not even in the message: the URL is what carries it
			throw new Invalid("touyan.store url carries a password: take it out of the URL and put it in the file passwordFile names, or in "
					+ PASSWORD_ENV);
		}
		String user = first(config.user(), property.apply("touyan.store.user"), env.apply("TOUYAN_STORE_USER"));
		if (user.isEmpty() && !url.toLowerCase(Locale.ROOT).matches(".*[?&;]user=.*")) {
			throw new Invalid("touyan.store user is not set (nor touyan.store.user, TOUYAN_STORE_USER, or user= in the url): name the"
					+ " PostgreSQL role the platform logs in as");
		}
		String file = first(config.passwordFile(), property.apply("touyan.store.passwordFile"), env.apply("TOUYAN_STORE_PASSWORD_FILE"));
		String password;
		if (!file.isEmpty()) {
			password = readPassword(Path.of(file));
		} else {
			String fromEnv = env.apply(PASSWORD_ENV);
			// none at all is allowed: a server that trusts the host, or a ~/.pgpass the driver reads itself
			password = fromEnv == null || fromEnv.isEmpty() ? null : fromEnv;
		}
		return new StoreSettings(Dialect.POSTGRESQL, null, url, user.isEmpty() ? null : user, password, config.poolSize(), config.cacheMb());
	}

	/** Whether the password file may be read by others than its owner (a warning, not a refusal). */
	static boolean readableByOthers(Path file) {
		try {
			Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
			return p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ);
		} catch (IOException | UnsupportedOperationException e) {
			return false;
		}
	}

	private static String readPassword(Path file) {
		String text;
		try {
			text = Files.readString(file, StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new Invalid("touyan.store passwordFile " + file.toAbsolutePath() + " cannot be read: " + e.getClass().getSimpleName()
					+ (e.getMessage() == null ? "" : " " + e.getMessage()));
		}
		// the line the file holds, without the line break an editor or `echo` adds
		String password = text.replaceFirst("\\R\\z", "");
		if (password.isEmpty() || password.contains("\n") || password.contains("\r")) {
			throw new Invalid("touyan.store passwordFile " + file.toAbsolutePath() + " must hold the password alone, on one line");
		}
		if (readableByOthers(file)) {
			org.slf4j.LoggerFactory.getLogger(StoreSettings.class).warn(
					"touyan.store passwordFile {} can be read by other accounts than its owner: chmod 600 it", file.toAbsolutePath());
		}
		return password;
	}

	private static String first(String... values) {
		for (String v : values) {
			if (v != null && !v.isBlank()) {
				return v.strip();
			}
		}
		return "";
	}

	/** Where the database is, for a log line: the HSQLDB files, or the PostgreSQL URL and role (never a password). */
	String describe() {
		return dialect == Dialect.HSQLDB ? "HSQLDB " + Path.of(files).toAbsolutePath().normalize()
				: "PostgreSQL " + url + (user == null ? "" : " as " + user) + ", pool " + poolSize;
	}

	@Override
	public String toString() {
		return describe(); // a record's own toString would print the password
	}
}
