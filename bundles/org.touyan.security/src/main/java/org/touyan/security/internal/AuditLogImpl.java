package org.touyan.security.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.touyan.api.rest.Nullable;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Paging;
import org.touyan.api.security.AuditLog;
import org.touyan.api.security.Sha256;
import org.touyan.api.store.Sql;
import org.touyan.api.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log in the {@code sec_audit} table. Entries are only ever inserted; each carries the
 * SHA-256 of its content and of the entry before, so {@link #verify()} finds an entry changed or
 * removed behind the platform's back. Appends are serialised here, which keeps the chain linear.
 *
 * <p>What other bundles {@link #record} is written by one writer thread, in order: they often
 * record inside a transaction of their own, and a second transaction opened from inside the first
 * can wait for ever on a schema change that itself waits for the first to end.
 */
@Component(service = { AuditLog.class, AuditLogImpl.class })
public class AuditLogImpl implements AuditLog {

	static final String GENESIS = "0".repeat(64);

	/** One entry as auditors read it. */
	public record Entry(long seq, OffsetDateTime at, String actor, @Nullable String role, String action, @Nullable String target,
			String outcome, @Nullable Integer status, @Nullable String detail, String hash) {
	}

	/** What an auditor filters on; null parts are not filtered. */
	record Query(String actor, String action, String outcome, Instant from, Instant to) {
	}

	private static final Logger LOG = LoggerFactory.getLogger(AuditLogImpl.class);

	private final Store store;
	private final Clock clock;
	private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "touyan-audit");
		t.setDaemon(true);
		return t;
	});
	private long lastSeq = -1;
	private String lastHash;

	@Activate
	public AuditLogImpl(@Reference(target = "(touyan.schema=security)") Store store) {
		this(store, Clock.systemUTC());
	}

	AuditLogImpl(Store store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	@Override
	public void record(String actor, String action, String target, String outcome, String detail) {
		writer.execute(() -> {
			try {
				append(actor, null, action, target, outcome, null, detail);
			} catch (RuntimeException e) {
				LOG.error("audit entry not written: {} {} {} {}", actor, action, target, outcome, e);
			}
		});
	}

	/**
	 * Written by the same writer thread as {@link #record}, so the chain keeps its order; the
	 * caller waits for the commit and gets the failure, if any.
	 */
	@Override
	public void recordNow(String actor, String action, String target, String outcome, String detail) {
		Future<?> written = writer.submit(() -> append(actor, null, action, target, outcome, null, detail));
		try {
			written.get(30, TimeUnit.SECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while the audit entry was written", e);
		} catch (ExecutionException e) {
			throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException("audit entry not written", e.getCause());
		} catch (TimeoutException e) {
			written.cancel(true);
			throw new IllegalStateException("the audit entry was not written within 30 s", e);
		}
	}

	/** Waits until what was recorded so far is written. */
	void flush() {
		try {
			writer.submit(() -> null).get(30, TimeUnit.SECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		} catch (ExecutionException | TimeoutException e) {
			throw new IllegalStateException("the audit writer did not catch up", e);
		}
	}

	/** Writes what is queued before the bundle stops. */
	@Deactivate
	void deactivate() throws InterruptedException {
		writer.shutdown();
		if (!writer.awaitTermination(10, TimeUnit.SECONDS)) {
			LOG.error("audit entries still queued at shutdown were not written");
		}
	}

	/** Appends an entry of a REST request, with the caller's role and the answer's status. */
	synchronized void append(String actor, String role, String action, String target, String outcome, Integer status,
			String detail) {
		// to the millisecond, as the column keeps it: PostgreSQL rounds finer digits where HSQLDB
		// drops them, and the hash must be of what a verify reads back
		Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
		String a = cut(actor == null ? "anonymous" : actor, 100);
		String act = cut(action, 300);
		String t = cut(target, 300);
		String d = cut(detail, 1000);
		Tail written = null;
		for (int attempt = 1; written == null; attempt++) {
			try {
				written = store.write(c -> {
					if (lastHash == null) {
						loadTail(c);
					}
					long seq = lastSeq + 1;
					String hash = hash(Sha256.CURRENT, lastHash, seq, now, a, role, act, t, outcome, status, d);
					// not Sql.update: a taken number must stay an SQLException here, not become a 409
					try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO sec_audit (seq, occurred_at, actor, role, action,"
							+ " target, outcome, status, detail, previous_hash, hash, hash_format) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
						Sql.bind(ps, seq, OffsetDateTime.ofInstant(now, ZoneOffset.UTC), a, role, act, t, outcome, status, d, lastHash, hash,
								Sha256.CURRENT);
						ps.executeUpdate();
					}
					return new Tail(seq, hash);
				});
			} catch (RuntimeException e) {
				// another node on the same database appended meanwhile and took this number: link to
				// its entry instead (the chain stays one line, whichever node writes)
				if (attempt == TAIL_ATTEMPTS || !takenMeanwhile(e)) {
					throw e;
				}
				lastHash = null;
			}
		}
		// only once committed: a failed write or commit leaves the in-memory tail where the table is
		lastSeq = written.seq();
		lastHash = written.hash();
	}

	/** How often an entry is written again after other nodes took its number. */
	static final int TAIL_ATTEMPTS = 20;

	/** Whether a write failed because its sequence number is taken (SQLState class 23, integrity). */
	static boolean takenMeanwhile(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof java.sql.SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("23")) {
				return true;
			}
		}
		return false;
	}

	/** The last entry of the chain: the next one links to its hash. */
	private record Tail(long seq, String hash) {
	}

	Page<Entry> entries(Query q, Paging paging) {
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		List<Object> args = new ArrayList<>();
		if (q.actor() != null) {
			where.append(" AND actor = ?");
			args.add(q.actor());
		}
		if (q.action() != null) {
			where.append(" AND action LIKE ? ESCAPE '\\'");
			args.add(q.action().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		if (q.outcome() != null) {
			where.append(" AND outcome = ?");
			args.add(q.outcome());
		}
		if (q.from() != null) {
			where.append(" AND occurred_at >= ?");
			args.add(OffsetDateTime.ofInstant(q.from(), ZoneOffset.UTC));
		}
		if (q.to() != null) {
			where.append(" AND occurred_at < ?");
			args.add(OffsetDateTime.ofInstant(q.to(), ZoneOffset.UTC));
		}
		// newest first: an auditor starts from what just happened
		return store.read(c -> Sql.page(c, "SELECT seq, occurred_at, actor, role, action, target, outcome, status, detail, hash"
				+ " FROM sec_audit" + where, "seq DESC", paging,
				rs -> new Entry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getString(6), rs.getString(7), (Integer) rs.getObject(8), rs.getString(9),
						rs.getString(10)),
				args));
	}

	@Override
	public Verification verify() {
		return store.read(AuditLogImpl::verify);
	}

	/**
	 * Checks the chain of the {@code sec_audit} table that {@code c} reads: the one of this
	 * platform, or of a restored backup opened on its own (BackupIT checks a restored copy so).
	 */
	public static Verification verify(Connection c) throws SQLException {
		long n = 0;
		String previous = GENESIS;
		long expectedSeq = 0;
		int format = Sha256.FORMAT_1;
		// streamed row by row, not through Sql: the log may be long, and the first broken link ends the walk
		try (PreparedStatement ps = c.prepareStatement("SELECT seq, occurred_at, actor, role, action, target, outcome,"
				+ " status, detail, previous_hash, hash, hash_format FROM sec_audit ORDER BY seq")) {
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					long seq = rs.getLong(1);
					Instant at = rs.getObject(2, OffsetDateTime.class).toInstant();
					// each entry by the encoding it was written in; a chain never goes back to an older one,
					// so an entry cannot be passed off as written in the ambiguous first encoding
					int written = rs.getInt(12);
					if (written < format || written > Sha256.CURRENT) {
						return new Verification(n, false, seq);
					}
					format = written;
					String hash = hash(written, previous, seq, at, rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
							rs.getString(7), (Integer) rs.getObject(8), rs.getString(9));
					if (seq != expectedSeq || !previous.equals(rs.getString(10)) || !hash.equals(rs.getString(11))) {
						return new Verification(n, false, seq);
					}
					previous = hash;
					expectedSeq = seq + 1;
					n++;
				}
			}
		}
		return new Verification(n, true, null);
	}

	private void loadTail(Connection c) throws SQLException {
		Tail tail = Sql.one(c, "SELECT seq, hash FROM sec_audit ORDER BY seq DESC LIMIT 1", rs -> new Tail(rs.getLong(1), rs.getString(2)))
				.orElse(new Tail(-1, GENESIS));
		lastSeq = tail.seq();
		lastHash = tail.hash();
	}

	/** An entry's hash in encoding {@code format} of {@link Sha256#chain}, the fields in the order format 1 has always used. */
	static String hash(int format, String previous, long seq, Instant at, String actor, String role, String action, String target,
			String outcome, Integer status, String detail) {
		// milliseconds: what the TIMESTAMP(3) column keeps, so a re-read entry hashes the same. Format 1
		// wrote absent values as "null"; format 2 tells them apart from that text
		return format == Sha256.FORMAT_1
				? Sha256.chain(format, previous, Long.toString(seq), Long.toString(at.toEpochMilli()), actor, String.valueOf(role), action,
						String.valueOf(target), outcome, String.valueOf(status), String.valueOf(detail))
				: Sha256.chain(format, previous, Long.toString(seq), Long.toString(at.toEpochMilli()), actor, role, action, target, outcome,
						status == null ? null : status.toString(), detail);
	}

	private static String cut(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
	}
}
