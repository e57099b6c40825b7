package org.touyan.registry.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.touyan.api.registry.Archive;
import org.touyan.api.registry.ArchiveEntry;
import org.touyan.api.registry.ArchiveVerification;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.security.Sha256;
import org.touyan.api.store.Sql;
import org.touyan.api.store.Store;

/** Reading and verifying archives, apart from the writers, which append through {@link ArchiveLog}. */
@Component
public class ArchiveImpl implements Archive {

	private final Store store;

	@Activate
	public ArchiveImpl(@Reference(target = "(touyan.schema=registry)") Store store) {
		this.store = store;
	}

	@Override
	public Page<ArchiveEntry> entries(String personId, Paging paging) {
		return store.read(c -> {
			head(c, personId);
			List<ArchiveEntry> items = ArchiveLog.stored(c, " WHERE person_id = ? ORDER BY seq LIMIT ? OFFSET ?",
					personId, paging.limit(), paging.offset()).stream().map(ArchiveLog.Stored::entry).toList();
			long total = Sql.count(c, "SELECT COUNT(*) FROM archive_entry WHERE person_id = ?", personId);
			return new Page<>(items, total, paging.offset(), paging.limit());
		});
	}

	@Override
	public ArchiveEntry append(java.sql.Connection connection, String personId, String actor, String action, String subject,
			Object before, Object after) throws java.sql.SQLException {
		return ArchiveLog.append(connection, personId, actor, action, subject, before, after);
	}

	@Override
	public ArchiveVerification verify(String personId) {
		return store.read(c -> verify(c, personId));
	}

	/**
	 * Checks the person's archive chain in the database {@code c} reads: this platform's, or a
	 * restored backup opened on its own (BackupIT checks a restored copy so).
	 */
	public static ArchiveVerification verify(Connection c, String personId) throws SQLException {
		Object[] head = head(c, personId);
		List<ArchiveLog.Stored> entries = ArchiveLog.stored(c, " WHERE person_id = ? ORDER BY seq", personId);
		String previous = ArchiveLog.GENESIS;
		long expected = 1;
		int format = Sha256.FORMAT_1;
		for (ArchiveLog.Stored e : entries) {
			if (e.seq() != expected) {
				return broken(personId, entries.size(), expected, "it is missing: the entries jump to " + e.seq());
			}
			// a chain never goes back to an older encoding: no entry passes for one written in the ambiguous first
			if (e.format() < format || e.format() > Sha256.CURRENT) {
				return broken(personId, entries.size(), e.seq(), "its hash encoding " + e.format() + " cannot follow encoding " + format);
			}
			format = e.format();
			if (!e.previousHash().equals(previous)) {
				return broken(personId, entries.size(), e.seq(), "its previous hash does not match the entry before it");
			}
			if (!e.recomputed().equals(e.hash())) {
				return broken(personId, entries.size(), e.seq(), "its content does not match its hash: it was changed after it was written");
			}
			previous = e.hash();
			expected++;
		}
		long headSeq = (Long) head[0];
		if (entries.size() < headSeq) {
			return broken(personId, entries.size(), entries.size() + 1L, "it is missing: the person record points to entry " + headSeq);
		}
		if (entries.size() > headSeq) {
			return broken(personId, entries.size(), headSeq + 1, "it lies beyond the newest entry the person record points to ("
					+ headSeq + "): it was added outside the registry");
		}
		if (!previous.equals(head[1])) {
			return broken(personId, entries.size(), entries.size(), "its hash is not the one the person record keeps for the newest entry");
		}
		return new ArchiveVerification(personId, entries.size(), true, null, null);
	}

	private static ArchiveVerification broken(String personId, long entries, long seq, String problem) {
		return new ArchiveVerification(personId, entries, false, seq, "entry " + seq + ": " + problem);
	}

	/** The person's newest entry number and hash; 404 for an unknown person. */
	private static Object[] head(Connection c, String personId) throws SQLException {
		return Sql.query(c, "SELECT archive_seq, archive_head FROM person WHERE id = ?",
				rs -> new Object[] { rs.getLong(1), rs.getString(2) }, personId).stream().findFirst()
				.orElseThrow(() -> ProblemException.notFound("人员", "person", personId));
	}
}
