package org.touyan.registry.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.touyan.api.registry.ArchiveEntry;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.security.Sha256;
import org.touyan.api.store.Sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Appends to and reads people's archives on the caller's connection, so an entry commits or rolls
 * back with the change it records: no write can reach the registry without its entry. The chain
 * rule lives here alone, shared by appending and verifying.
 */
final class ArchiveLog {

	/** The previous hash of a first entry. */
	static final String GENESIS = "0".repeat(64);

	private static final ObjectMapper JSON = JsonMapper.builder()
			.addModule(new JavaTimeModule())
			.enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
			.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
			.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
			.build();

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private ArchiveLog() {
	}

	/**
	 * Appends an entry for {@code personId}, which must exist. Takes the person row's lock first, so
	 * concurrent writers for one person are numbered one after another. A sealed archive refuses.
	 */
	static ArchiveEntry append(Connection c, String personId, String actor, String action, String subject, Object before,
			Object after) throws SQLException {
		Sql.update(c, "UPDATE person SET archive_seq = archive_seq WHERE id = ?", null, null, personId);
		Object[] head = Sql.query(c, "SELECT archive_seq, archive_head, sealed_at, sealed_by, seal_reason FROM person WHERE id = ?",
				rs -> new Object[] { rs.getLong(1), rs.getString(2), rs.getTimestamp(3), rs.getString(4), rs.getString(5) },
				personId).stream().findFirst().orElseThrow(() -> ProblemException.notFound("人员", "person", personId));
		if (head[2] != null) {
			throw sealed(personId, ((Timestamp) head[2]).toInstant(), (String) head[3], (String) head[4]);
		}
		long seq = (Long) head[0] + 1;
		Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		String beforeJson = json(before);
		String afterJson = json(after);
		String previous = (String) head[1];
		String hash = hash(Sha256.CURRENT, previous, personId, seq, at, actor, action, subject, beforeJson, afterJson);
		Sql.update(c, "INSERT INTO archive_entry (person_id, seq, written_at, actor, action, subject, before_json, after_json,"
				+ " previous_hash, hash, hash_format) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", null, "档案第 " + seq + " 条记录已存在",
				personId, seq, Timestamp.from(at), actor, action, subject, beforeJson, afterJson, previous, hash, Sha256.CURRENT);
		Sql.update(c, "UPDATE person SET archive_seq = ?, archive_head = ? WHERE id = ?", null, null, seq, hash, personId);
		return new ArchiveEntry(personId, seq, at, actor, action, subject, map(beforeJson), map(afterJson), previous, hash);
	}

	/** The 409 for any write to a sealed archive: it names the seal. */
	static ProblemException sealed(String personId, Instant at, String by, String reason) {
		return new ProblemException(409, "Archive sealed", "该人员档案已于 " + at + " 由 " + by + " 离任统一封存（" + reason
				+ "），只读", "the archive of person '" + personId + "' was sealed (离任统一封存) at " + at + " by " + by + " (" + reason
				+ "); it is read-only", "seal");
	}

	static final String ENTRY = "SELECT person_id, seq, written_at, actor, action, subject, before_json, after_json, previous_hash, hash,"
			+ " hash_format FROM archive_entry";

	/**
	 * Stored entries, as stored: verification recomputes hashes from exactly these values, in the
	 * encoding ({@link Sha256#chain}) each was written in.
	 */
	record Stored(String personId, long seq, Instant at, String actor, String action, String subject, String before,
			String after, String previousHash, String hash, int format) {

		ArchiveEntry entry() {
			return new ArchiveEntry(personId, seq, at, actor, action, subject, map(before), map(after), previousHash, hash);
		}

		String recomputed() {
			return ArchiveLog.hash(format, previousHash, personId, seq, at, actor, action, subject, before, after);
		}
	}

	static List<Stored> stored(Connection c, String where, Object... args) throws SQLException {
		return Sql.query(c, ENTRY + where, rs -> new Stored(rs.getString(1), rs.getLong(2),
				rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
				rs.getString(8), rs.getString(9), rs.getString(10), rs.getInt(11)), args);
	}

	/**
	 * SHA-256 over the previous hash and the entry's canonical content in encoding {@code format};
	 * format 1 wrote an absent before or after as {@code null}, format 2 tells it apart from that text.
	 */
	static String hash(int format, String previous, String personId, long seq, Instant at, String actor, String action, String subject,
			String before, String after) {
		return format == Sha256.FORMAT_1
				? Sha256.chain(format, previous, personId, Long.toString(seq), Long.toString(at.toEpochMilli()), actor, action, subject,
						String.valueOf(before), String.valueOf(after))
				: Sha256.chain(format, previous, personId, Long.toString(seq), Long.toString(at.toEpochMilli()), actor, action, subject,
						before, after);
	}

	/** Canonical JSON: keys sorted, dates as ISO text; null stays null. */
	static String json(Object value) {
		if (value == null) {
			return null;
		}
		try {
			return JSON.writeValueAsString(value);
		} catch (JsonProcessingException e) {
			throw new IllegalStateException("registry records are always serialisable", e);
		}
	}

	/** Reads JSON this class wrote, e.g. a stored verdict. */
	static <T> T read(String json, TypeReference<T> type) {
		try {
			return JSON.readValue(json, type);
		} catch (JsonProcessingException e) {
			throw new IllegalStateException("stored JSON is unreadable", e);
		}
	}

	static Map<String, Object> map(String json) {
		if (json == null) {
			return null;
		}
		try {
			return JSON.readValue(json, MAP);
		} catch (JsonProcessingException e) {
			// a stored entry edited into invalid JSON: show it is broken rather than fail the read
			return Map.of("unreadable", json);
		}
	}
}
