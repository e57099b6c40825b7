package org.touyan.plugins.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.touyan.api.store.Sql;
import org.touyan.api.store.Store;

/**
 * The versions of each plugin on record ({@code plugin_version}): which one is ACTIVE, which is
 * STAGED, which were REPLACED or ROLLED_BACK (rollback returns to the newest of those), with the
 * content hash, source, kept jar and signer of each.
 */
final class PluginVersions {

	/** A version installed before, that rollback can return to, or that a restart reinstalls. */
	record Kept(String bsn, String version, String jarPath) {
	}

	private final Store store;
	/** The manager's folder of kept jars, {@code <data>/plugins}. */
	private final Path jars;

	PluginVersions(Store store, Path jars) {
		this.store = store;
		this.jars = jars;
	}

	Optional<String> active(String bsn) {
		return versionIn(bsn, "ACTIVE");
	}

	Optional<String> staged(String bsn) {
		return versionIn(bsn, "STAGED");
	}

	private Optional<String> versionIn(String bsn, String state) {
		return store.read(c -> Sql.one(c, "SELECT version FROM plugin_version WHERE bsn = ? AND state = ?", rs -> rs.getString(1), bsn, state));
	}

	/** The content hash of a version on record, empty when there is none. */
	String sha(String bsn, String version) {
		return column(bsn, version, "sha256");
	}

	String source(String bsn, String version) {
		return column(bsn, version, "source");
	}

	String signer(String bsn, String version) {
		return column(bsn, version, "signer");
	}

	private String column(String bsn, String version, String column) {
		return store.read(c -> Sql.one(c, "SELECT " + column + " FROM plugin_version WHERE bsn = ? AND version = ?",
				rs -> rs.getString(1), bsn, version)).orElse("");
	}

	/** The newest version before {@code current} that rollback can return to. */
	Optional<Kept> previous(String bsn, String current) {
		return store.read(c -> Sql.one(c, "SELECT bsn, version, jar_path FROM plugin_version WHERE bsn = ? AND version <> ?"
				+ " AND state IN ('REPLACED', 'ROLLED_BACK') ORDER BY installed_at DESC LIMIT 1", this::kept, bsn, current));
	}

	/** Active, staged and pinned versions: what must be installed while the platform runs. */
	List<Kept> inService() {
		return store.read(c -> Sql.query(c, "SELECT bsn, version, jar_path FROM plugin_version WHERE state IN "
				+ "('ACTIVE', 'STAGED') OR (bsn, version) IN (SELECT bsn, version FROM policy_pin)", this::kept));
	}

	/** Symbolic names of the active plugins, sorted. */
	List<String> activeNames() {
		return store.read(c -> Sql.query(c, "SELECT bsn FROM plugin_version WHERE state = 'ACTIVE' ORDER BY bsn", rs -> rs.getString(1)));
	}

	/** Whether exactly this content was installed from {@code source} before. */
	boolean installedFrom(String source, String sha) {
		return store.read(c -> Sql.count(c, "SELECT COUNT(*) FROM plugin_version WHERE source = ? AND sha256 = ?", source, sha) > 0);
	}

	/** The plugin a deploy-folder file installed, if it is still the active version. */
	Optional<String> activeFrom(String source) {
		return store.read(c -> Sql.one(c, "SELECT bsn FROM plugin_version WHERE source = ? AND state = 'ACTIVE'", rs -> rs.getString(1), source));
	}

	private Kept kept(ResultSet rs) throws SQLException {
		return new Kept(rs.getString(1), rs.getString(2), located(rs.getString(3)));
	}

	/**
	 * A kept jar where it was written or, once the data directory was restored somewhere else
	 * (README, Operations), the file of that name in this platform's own {@code plugins/}.
	 */
	String located(String recorded) {
		Path written = Path.of(recorded);
		Path here = jars.resolve(written.getFileName());
		return Files.exists(written) || !Files.exists(here) ? recorded : here.toString();
	}

	static void upsert(Connection c, JarMeta meta, byte[] jar, String source, Path file, String state, String signer) throws SQLException {
		Sql.update(c, "DELETE FROM plugin_version WHERE bsn = ? AND version = ?", null, null, meta.bsn(), meta.version());
		Sql.update(c, "INSERT INTO plugin_version (bsn, version, sha256, source, jar_path, state, installed_at, signer, jar)"
				+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", null, null, meta.bsn(), meta.version(), meta.sha256(), source, file.toString(),
				state, Sql.now(), signer, jar);
	}

	/**
	 * The jar of a kept version: from the database (where every node finds it), else from the file
	 * an installation before the database kept jars wrote. Written to this node's folder of kept
	 * jars when missing there, so the file the row names exists here too.
	 */
	byte[] jar(Kept row) {
		Optional<byte[]> stored = store.read(c -> Sql.one(c, "SELECT jar FROM plugin_version WHERE bsn = ? AND version = ? AND jar IS NOT NULL",
				rs -> rs.getBytes(1), row.bsn(), row.version()));
		try {
			if (stored.isEmpty()) {
				return Files.readAllBytes(Path.of(row.jarPath()));
			}
			Path here = jars.resolve(Path.of(row.jarPath()).getFileName());
			if (!Files.exists(here)) {
				Files.write(here, stored.get());
			}
			return stored.get();
		} catch (IOException e) {
			throw new UncheckedIOException("the jar of " + row.bsn() + " " + row.version() + " is neither in the database nor in "
					+ row.jarPath(), e);
		}
	}

	/** Puts the jars that only their files held (versions installed before the database kept jars) into the database. */
	void keepJarsInDatabase() {
		List<Kept> fileOnly = store.read(c -> Sql.query(c, "SELECT bsn, version, jar_path FROM plugin_version WHERE jar IS NULL", this::kept));
		for (Kept row : fileOnly) {
			Path file = Path.of(row.jarPath());
			if (Files.exists(file)) {
				try {
					byte[] jar = Files.readAllBytes(file);
					store.write(c -> Sql.update(c, "UPDATE plugin_version SET jar = ? WHERE bsn = ? AND version = ? AND jar IS NULL", null,
							null, jar, row.bsn(), row.version()));
				} catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			}
		}
	}

	/** ACTIVE restarts a version's clock (rollback orders by it); any other state ends it. */
	static void setState(Connection c, String bsn, String version, String state) throws SQLException {
		Sql.update(c, state.equals("ACTIVE")
				? "UPDATE plugin_version SET state = ?, installed_at = ?, removed_at = NULL WHERE bsn = ? AND version = ?"
				: "UPDATE plugin_version SET state = ?, removed_at = ? WHERE bsn = ? AND version = ?", null, null, state, Sql.now(), bsn, version);
	}
}
