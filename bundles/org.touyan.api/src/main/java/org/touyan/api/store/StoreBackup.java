package org.touyan.api.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.touyan.api.rest.Nullable;

/**
 * Online backups of the platform database. A backup is HSQLDB's {@code BACKUP DATABASE … NOT
 * BLOCKING AS FILES}: the database's files, copied while requests go on writing, into a directory
 * of its own under {@code backups/} beside the database. It holds every transaction committed
 * before the backup began; restoring is copying its database files into the data directory of a
 * platform that is not running.
 *
 * <p>On PostgreSQL the database is not the platform's to copy: {@link #backup} answers 409 saying to
 * back it up with {@code pg_dump} (docs/DEPLOYMENT.md), and {@link #backups} is empty.
 */
@ProviderType
public interface StoreBackup {

	/**
	 * Takes a backup now and returns once its files are complete.
	 *
	 * @param note why it was taken (kept with the backup), or null; one line of at most 200 characters
	 * @throws org.touyan.api.rest.ProblemException 409 while another backup is being taken or when the
	 *         database is PostgreSQL (whose backups are {@code pg_dump}'s), 400 on
	 *         {@code note} for a note of several lines or over 200 characters
	 * @throws StoreException when the database could not write the backup
	 */
	Backup backup(@Nullable String note);

	/** The backups in the backups directory, newest first. */
	List<Backup> backups();

	/** The backup of that name, if the backups directory holds it. */
	Optional<Backup> named(String name);

	/**
	 * One backup: {@code name} is its directory's name under {@code backups/}, {@code path} the
	 * directory itself, {@code files} the database files in it (what a restore copies) and
	 * {@code bytes} their size.
	 */
	record Backup(String name, String path, Instant startedAt, long durationMs, long bytes, List<String> files,
			@Nullable String note) {
	}
}
