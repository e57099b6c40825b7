package org.touyan.store.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.touyan.api.rest.ProblemException;
import org.touyan.api.store.StoreBackup.Backup;
import org.touyan.api.store.StoreException;

/**
 * Takes and lists the online backups of the database: HSQLDB's {@code BACKUP DATABASE TO '<dir>/'
 * NOT BLOCKING AS FILES} writes the database's files, copied while other connections keep
 * writing, into a new directory under {@code backups/} named by the time it began. A file
 * {@value #MANIFEST} beside them keeps when it began, how long it took and the note; restoring is
 * copying the database files (not the manifest) into an empty data directory.
 */
final class Backups {

	static final String MANIFEST = "backup.properties";
	/** What a backup's name may be: what {@link #nameAt} makes, so a name never reaches outside the directory. */
	static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
	private static final int NOTE_MAX = 200;

	private final DataSource database;
	/** The database's files without their extension, e.g. {@code data/touyan}. */
	private final String base;
	private final Path directory;
	private final Clock clock;
	private final ReentrantLock running = new ReentrantLock();

	Backups(DataSource database, Path files, Clock clock) {
		this.database = database;
		Path absolute = files.toAbsolutePath().normalize();
		this.base = absolute.getFileName().toString();
		this.directory = absolute.getParent().resolve("backups");
		this.clock = clock;
	}

	Backup take(String note) {
		String kept = note == null || note.isBlank() ? null : note.strip();
		if (kept != null && (kept.length() > NOTE_MAX || kept.chars().anyMatch(ch -> ch == '\n' || ch == '\r'))) {
			throw ProblemException.invalid("note", "备注最多 " + NOTE_MAX + " 个字且不可换行",
					"note must be one line of at most " + NOTE_MAX + " characters");
		}
		if (!running.tryLock()) {
			throw new ProblemException(409, "Conflict", "另一个备份正在进行，请稍后再试", "another backup is being taken; try again when it is done",
					null);
		}
		try {
			Instant started = clock.instant();
			Path target = fresh(started);
			try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
				// the trailing slash makes the target a directory; NOT BLOCKING lets writes go on meanwhile
				s.execute("BACKUP DATABASE TO '" + target.toString().replace("'", "''") + "/' NOT BLOCKING AS FILES");
			} catch (SQLException e) {
				throw new StoreException("the backup " + target.getFileName() + " failed: " + e.getMessage(), e);
			}
			long ms = Duration.between(started, clock.instant()).toMillis();
			Properties manifest = new Properties();
			manifest.setProperty("startedAt", started.toString());
			manifest.setProperty("durationMs", Long.toString(ms));
			if (kept != null) {
				manifest.setProperty("note", kept);
			}
			try (OutputStream out = Files.newOutputStream(target.resolve(MANIFEST))) {
				manifest.store(out, "Touyan database backup");
			}
			return describe(target).orElseThrow(() -> new StoreException("the backup " + target.getFileName() + " wrote no files", null));
		} catch (IOException e) {
			throw new StoreException("the backup could not be written: " + e.getMessage(), e);
		} finally {
			running.unlock();
		}
	}

	/** The backups, newest first: their names sort by the time they began. */
	List<Backup> list() {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		List<Backup> all = new ArrayList<>();
		try (DirectoryStream<Path> dirs = Files.newDirectoryStream(directory, Files::isDirectory)) {
			for (Path dir : dirs) {
				describe(dir).ifPresent(all::add);
			}
		} catch (IOException e) {
			throw new UncheckedIOException("cannot list " + directory, e);
		}
		all.sort(Comparator.comparing(Backup::name).reversed());
		return all;
	}

	Optional<Backup> named(String name) {
		return name != null && NAME.matcher(name).matches() ? describe(directory.resolve(name)) : Optional.empty();
	}

	/** A new directory name for a backup begun at {@code started}; taken only while {@link #running} is held. */
	private Path fresh(Instant started) throws IOException {
		Files.createDirectories(directory);
		String name = nameAt(started);
		Path target = directory.resolve(name);
		for (int n = 2; Files.exists(target); n++) {
			target = directory.resolve(name + "-" + n);
		}
		return target;
	}

	String nameAt(Instant started) {
		return base + "-" + STAMP.format(started);
	}

	/** The backup in {@code dir}: its database files and its manifest; empty when it holds no database script. */
	private Optional<Backup> describe(Path dir) {
		if (!Files.isRegularFile(dir.resolve(base + ".script")) || !Files.isRegularFile(dir.resolve(MANIFEST))) {
			return Optional.empty();
		}
		try {
			Properties manifest = new Properties();
			try (InputStream in = Files.newInputStream(dir.resolve(MANIFEST))) {
				manifest.load(in);
			}
			List<String> files = new ArrayList<>();
			long bytes = 0;
			try (DirectoryStream<Path> own = Files.newDirectoryStream(dir, base + ".*")) {
				for (Path f : own) {
					files.add(f.getFileName().toString());
					bytes += Files.size(f);
				}
			}
			files.sort(null);
			return Optional.of(new Backup(dir.getFileName().toString(), dir.toString(), Instant.parse(manifest.getProperty("startedAt")),
					Long.parseLong(manifest.getProperty("durationMs", "0")), bytes, List.copyOf(files), manifest.getProperty("note")));
		} catch (IOException | RuntimeException e) {
			// a directory someone put there by hand, or a manifest cut short: not a backup this lists
			return Optional.empty();
		}
	}
}
