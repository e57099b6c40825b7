package org.touyan.plugins.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
		return store.read(c -> {
			try (PreparedStatement ps = c.prepareStatement("SELECT version FROM plugin_version WHERE bsn = ? AND state = ?")) {
				ps.setString(1, bsn);
				ps.setString(2, state);
				try (ResultSet rs = ps.executeQuery()) {
					return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
				}
			}
		});
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
		return store.read(c -> {
			try (PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM plugin_version WHERE bsn = ? AND version = ?")) {
				ps.setString(1, bsn);
				ps.setString(2, version);
				try (ResultSet rs = ps.executeQuery()) {
					String value = rs.next() ? rs.getString(1) : null;
					return value == null ? "" : value;
				}
			}
		});
	}

	/** The newest version before {@code current} that rollback can return to. */
	Optional<Kept> previous(String bsn, String current) {
		return store.read(c -> {
			try (PreparedStatement ps = c.prepareStatement("SELECT bsn, version, jar_path FROM plugin_version "
					+ "WHERE bsn = ? AND version <> ? AND state IN ('REPLACED', 'ROLLED_BACK') ORDER BY installed_at DESC LIMIT 1")) {
				ps.setString(1, bsn);
				ps.setString(2, current);
				List<Kept> kept = kept(ps);
				return kept.stream().findFirst();
			}
		});
	}

	/** Active, staged and pinned versions: what must be installed while the platform runs. */
	List<Kept> inService() {
		return store.read(c -> {
			try (PreparedStatement ps = c.prepareStatement("SELECT bsn, version, jar_path FROM plugin_version WHERE state IN "
					+ "('ACTIVE', 'STAGED') OR (bsn, version) IN (SELECT bsn, version FROM policy_pin)")) {
				return kept(ps);
			}
		});
	}

	/** Symbolic names of the active plugins, sorted. */
	List<String> activeNames() {
		return store.read(c -> {
			List<String> bsns = new ArrayList<>();
			try (PreparedStatement ps = c.prepareStatement("SELECT bsn FROM plugin_version WHERE state = 'ACTIVE' ORDER BY bsn");
					ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					bsns.add(rs.getString(1));
				}
			}
			return bsns;
		});
	}

	/** Whether exactly this content was installed from {@code source} before. */
	boolean installedFrom(String source, String sha) {
		return store.read(c -> {
			try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM plugin_version WHERE source = ? AND sha256 = ?")) {
				ps.setString(1, source);
				ps.setString(2, sha);
				try (ResultSet rs = ps.executeQuery()) {
					return rs.next();
				}
			}
		});
	}

	/** The plugin a deploy-folder file installed, if it is still the active version. */
	Optional<String> activeFrom(String source) {
		return store.read(c -> {
			try (PreparedStatement ps = c.prepareStatement("SELECT bsn FROM plugin_version WHERE source = ? AND state = 'ACTIVE'")) {
				ps.setString(1, source);
				try (ResultSet rs = ps.executeQuery()) {
					return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
				}
			}
		});
	}

	private List<Kept> kept(PreparedStatement ps) throws SQLException {
		List<Kept> rows = new ArrayList<>();
		try (ResultSet rs = ps.executeQuery()) {
			while (rs.next()) {
				rows.add(new Kept(rs.getString(1), rs.getString(2), located(rs.getString(3))));
			}
		}
		return rows;
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

	static void upsert(Connection c, JarMeta meta, String source, Path file, String state, String signer) throws SQLException {
		try (PreparedStatement del = c.prepareStatement("DELETE FROM plugin_version WHERE bsn = ? AND version = ?")) {
			del.setString(1, meta.bsn());
			del.setString(2, meta.version());
			del.executeUpdate();
		}
		try (PreparedStatement ps = c.prepareStatement("INSERT INTO plugin_version "
				+ "(bsn, version, sha256, source, jar_path, state, installed_at, signer) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
			ps.setString(1, meta.bsn());
			ps.setString(2, meta.version());
			ps.setString(3, meta.sha256());
			ps.setString(4, source);
			ps.setString(5, file.toString());
			ps.setString(6, state);
			ps.setTimestamp(7, Timestamp.from(Instant.now()));
			ps.setString(8, signer);
			ps.executeUpdate();
		}
	}

	/** ACTIVE restarts a version's clock (rollback orders by it); any other state ends it. */
	static void setState(Connection c, String bsn, String version, String state) throws SQLException {
		boolean active = state.equals("ACTIVE");
		try (PreparedStatement ps = c.prepareStatement(active
				? "UPDATE plugin_version SET state = ?, installed_at = ?, removed_at = NULL WHERE bsn = ? AND version = ?"
				: "UPDATE plugin_version SET state = ?, removed_at = ? WHERE bsn = ? AND version = ?")) {
			ps.setString(1, state);
			ps.setTimestamp(2, Timestamp.from(Instant.now()));
			ps.setString(3, bsn);
			ps.setString(4, version);
			ps.executeUpdate();
		}
	}
}
