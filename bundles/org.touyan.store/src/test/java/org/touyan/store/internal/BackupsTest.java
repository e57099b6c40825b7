package org.touyan.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.hsqldb.jdbc.JDBCDataSource;
import org.hsqldb.jdbc.JDBCPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.store.StoreBackup.Backup;

class BackupsTest {

	private static final Instant AT = Instant.parse("2026-12-07T05:30:00Z");

	@TempDir
	Path data;
	private JDBCPool pool;
	private Backups backups;

	@BeforeEach
	void open() throws Exception {
		pool = new JDBCPool(4);
		pool.setUrl(HsqlDatabase.url(data.resolve("touyan").toString(), HsqlDatabase.Cache.of(16, 0)));
		pool.setUser("SA");
		pool.setPassword("");
		try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
			s.execute("SET DATABASE TRANSACTION CONTROL MVCC");
			s.execute("CREATE CACHED TABLE item (id INT PRIMARY KEY, label VARCHAR(100) NOT NULL)");
		}
		backups = new Backups(pool, data.resolve("touyan"), Clock.fixed(AT, ZoneOffset.UTC));
	}

	@AfterEach
	void close() throws Exception {
		try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
			s.execute("SHUTDOWN");
		}
		pool.close(0);
	}

	/**
	 * Rows committed before the backup began are in it, though a writer kept committing meanwhile
	 * (that the writer is not held up is BackupIT's to show, on a database big enough to take a while).
	 */
	@Test
	void aBackupTakenUnderWritesHoldsEveryRowCommittedBeforeIt() throws Exception {
		Set<Integer> committed = ConcurrentHashMap.newKeySet();
		AtomicBoolean stop = new AtomicBoolean();
		AtomicInteger next = new AtomicInteger();
		Thread writer = new Thread(() -> {
			while (!stop.get()) {
				int id = next.getAndIncrement();
				try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
					s.executeUpdate("INSERT INTO item VALUES (" + id + ", 'row " + id + "')");
					committed.add(id);
				} catch (Exception e) {
					throw new IllegalStateException(e);
				}
			}
		});
		writer.start();
		while (committed.size() < 500) {
			Thread.sleep(5);
		}
		Set<Integer> before = Set.copyOf(committed);
		Backup backup = backups.take("vor dem Update");
		stop.set(true);
		writer.join();

		assertEquals("touyan-20261207T053000Z", backup.name());
		assertEquals("vor dem Update", backup.note());
		assertTrue(backup.files().contains("touyan.script"), backup.files().toString());
		assertFalse(backup.files().contains(Backups.MANIFEST));
		assertTrue(backup.bytes() > 0);

		Path restored = Files.createDirectories(data.resolve("restored"));
		for (String f : backup.files()) {
			Files.copy(Path.of(backup.path(), f), restored.resolve(f));
		}
		JDBCDataSource copy = new JDBCDataSource();
		copy.setUrl("jdbc:hsqldb:file:" + restored.resolve("touyan") + ";ifexists=true");
		copy.setUser("SA");
		copy.setPassword("");
		try (Connection c = copy.getConnection(); Statement s = c.createStatement()) {
			Set<Integer> there = new java.util.HashSet<>();
			try (ResultSet rs = s.executeQuery("SELECT id FROM item")) {
				while (rs.next()) {
					there.add(rs.getInt(1));
				}
			}
			assertTrue(there.containsAll(before), "every row committed before the backup is restored");
			assertTrue(committed.containsAll(there), "nothing that was not committed is restored");
			s.execute("SHUTDOWN");
		}
	}

	@Test
	void backupsAreListedNewestFirstAndTwoInOneSecondGetTheirOwnNames() {
		Backup first = backups.take(null);
		Backup second = backups.take(" ");
		assertEquals("touyan-20261207T053000Z-2", second.name());
		assertEquals(null, second.note());
		assertEquals(List.of(second.name(), first.name()), backups.list().stream().map(Backup::name).toList());
		assertEquals(first, backups.named(first.name()).orElseThrow());
	}

	@Test
	void aNameOutsideTheBackupsDirectoryNamesNothing() throws Exception {
		backups.take(null);
		Files.createDirectories(data.resolve("backups/by-hand"));
		assertTrue(backups.named("../backups").isEmpty());
		assertTrue(backups.named("..").isEmpty());
		assertTrue(backups.named("by-hand").isEmpty());
		assertTrue(backups.named(null).isEmpty());
		assertEquals(1, backups.list().size());
	}

	@Test
	void aNoteOfSeveralLinesIsRefused() {
		ProblemException refused = assertThrows(ProblemException.class, () -> backups.take("one\ntwo"));
		assertEquals("note", refused.field());
		assertTrue(backups.list().isEmpty());
	}
}
