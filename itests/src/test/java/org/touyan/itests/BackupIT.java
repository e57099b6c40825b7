package org.touyan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.Bundle;
import org.touyan.api.registry.ArchiveVerification;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The backup and restore procedure of README (Operations): writers register people through the
 * API from several threads while the district administrator takes a backup; the backup's files are
 * copied into a new directory, as a restore does, and opened there on their own. Every person whose
 * registration was answered 201 before the backup was asked for is in the copy, each of their
 * archives verifies, and so does the audit chain, by the platform's own checks.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class BackupIT extends PlatformTest {

	private static final int WRITERS = 4;
	private static final DateTimeFormatter BIRTH = DateTimeFormatter.BASIC_ISO_DATE;

	@Test
	public void aBackupTakenUnderWriteLoadRestoresEveryAcknowledgedWriteWithChainsThatVerify() throws Exception {
		awaitDemo();
		String district = create("/api/districts", "{\"code\":\"B" + UUID.randomUUID().toString().substring(0, 8) + "\",\"name\":\"备份区\"}");
		Set<String> acknowledged = ConcurrentHashMap.newKeySet();
		List<String> failures = new CopyOnWriteArrayList<>();
		AtomicBoolean stop = new AtomicBoolean();
		AtomicInteger next = new AtomicInteger();
		List<Thread> writers = new ArrayList<>();
		for (int w = 0; w < WRITERS; w++) {
			Thread t = new Thread(() -> {
				while (!stop.get()) {
					int n = next.getAndIncrement();
					// a birth day of its own for every person, so no two ID numbers are equal
					String first17 = "320106" + LocalDate.of(1960, 1, 1).plusDays(n).format(BIRTH) + "001";
					String body = "{\"districtId\":\"" + district + "\",\"name\":\"备份" + n + "\",\"idNumber\":\"" + idNumber(first17) + "\"}";
					try {
						Reply r = send("POST", "/api/people", "application/json", body);
						if (r.status() == 201) {
							acknowledged.add(r.json().get("id").asText());
						} else if (r.status() != 503) {
							failures.add(r.toString());
						}
					} catch (Exception e) {
						failures.add(e.toString());
					}
				}
			}, "backup-writer-" + w);
			t.start();
			writers.add(t);
		}
		JsonNode backup;
		Set<String> before;
		int afterBackup;
		try {
			awaitAcknowledged(acknowledged, 40);
			before = Set.copyOf(acknowledged);
			Reply taken = send("POST", "/api/store/backups", "application/json", "{\"note\":\"BackupIT 写入中\"}");
			assertEquals(taken.toString(), 201, taken.status());
			backup = taken.json();
			afterBackup = acknowledged.size();
			// the writers go on after the backup, and nothing they wrote meanwhile failed
			awaitAcknowledged(acknowledged, afterBackup + 20);
		} finally {
			stop.set(true);
			for (Thread t : writers) {
				t.join(60_000);
			}
		}
		assertTrue("writes refused during the backup: " + failures, failures.isEmpty());
		// NOT BLOCKING: the writers were answered while the backup was being taken
		assertTrue((afterBackup - before.size()) + " writes acknowledged while the backup ran (" + backup.get("durationMs") + " ms)",
				afterBackup > before.size());

		String name = backup.get("name").asText();
		assertEquals("BackupIT 写入中", backup.get("note").asText());
		assertTrue(backup.toString(), backup.get("bytes").asLong() > 0);
		assertTrue(backup.toString(), backup.get("durationMs").asLong() >= 0);
		assertEquals(backup, get("/api/store/backups/" + name).json());
		JsonNode list = get("/api/store/backups").json();
		assertEquals(name, list.get("items").get(0).get("name").asText());
		assertProblem(get("/api/store/backups/no-such-backup"), 404);
		assertEquals("note", assertProblem(send("POST", "/api/store/backups", "application/json",
				"{\"note\":\"" + "长".repeat(201) + "\"}"), 400).get("field").asText());

		// the restore: the backup's database files into a new, empty directory
		Path restored = Files.createTempDirectory("touyan-restored");
		List<String> files = new ArrayList<>();
		backup.get("files").forEach(f -> files.add(f.asText()));
		assertTrue(files.toString(), files.contains("touyan.script"));
		for (String f : files) {
			Files.copy(Path.of(backup.get("path").asText(), f), restored.resolve(f));
		}
		try (Connection c = open(restored.resolve("touyan"))) {
			Set<String> people = new HashSet<>();
			try (PreparedStatement ps = c.prepareStatement("SELECT id FROM person WHERE district_id = ?")) {
				ps.setString(1, district);
				try (ResultSet rs = ps.executeQuery()) {
					while (rs.next()) {
						people.add(rs.getString(1));
					}
				}
			}
			Set<String> missing = new HashSet<>(before);
			missing.removeAll(people);
			assertTrue(missing.size() + " of " + before.size() + " people acknowledged before the backup are not in it: " + missing,
					missing.isEmpty());
			assertTrue("the copy holds only people whose registration was acknowledged", acknowledged.containsAll(people));

			Method archive = bundle("org.touyan.registry").loadClass("org.touyan.registry.internal.ArchiveImpl").getMethod("verify",
					Connection.class, String.class);
			for (String person : people) {
				ArchiveVerification v = (ArchiveVerification) archive.invoke(null, c, person);
				assertTrue("the restored archive of " + person + " verifies: " + v, v.intact());
				assertEquals(1, v.entries());
			}

			Object audit = bundle("org.touyan.security").loadClass("org.touyan.security.internal.AuditLogImpl")
					.getMethod("verify", Connection.class).invoke(null, c);
			assertTrue("the restored audit chain verifies: " + audit, (Boolean) audit.getClass().getMethod("intact").invoke(audit));
			long entries = (Long) audit.getClass().getMethod("entries").invoke(audit);
			try (Statement s = c.createStatement();
					ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM sec_audit WHERE action = 'POST /api/people' AND status = 201")) {
				rs.next();
				// each registration's entry is committed before its answer leaves
				assertTrue(rs.getLong(1) + " registrations audited in the copy, " + before.size() + " acknowledged before it",
						rs.getLong(1) >= before.size());
				assertTrue(entries >= rs.getLong(1));
			}
			try (Statement s = c.createStatement()) {
				s.execute("SHUTDOWN");
			}
		}
		try (var copied = Files.walk(restored)) {
			copied.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		// the copy was a database of its own: it shut down, and the platform still answers
		assertEquals(200, get("/api/health").status());
	}

	private void awaitAcknowledged(Set<String> acknowledged, int count) throws InterruptedException {
		long deadline = System.nanoTime() + 120_000_000_000L;
		while (acknowledged.size() < count) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("only " + acknowledged.size() + " of " + count + " writes acknowledged in 120 s");
			}
			Thread.sleep(20);
		}
	}

	/** The restored copy, opened with the platform's own HSQLDB driver as a database of its own. */
	private Connection open(Path files) throws Exception {
		Driver driver = (Driver) bundle("org.hsqldb.hsqldb").loadClass("org.hsqldb.jdbc.JDBCDriver").getConstructor().newInstance();
		Properties login = new Properties();
		login.setProperty("user", "SA");
		login.setProperty("password", "");
		return driver.connect("jdbc:hsqldb:file:" + files.toAbsolutePath() + ";ifexists=true", login);
	}

	private Bundle bundle(String symbolicName) {
		for (Bundle b : context.getBundles()) {
			if (b.getSymbolicName() != null && b.getSymbolicName().equals(symbolicName)) {
				return b;
			}
		}
		throw new AssertionError("no bundle " + symbolicName);
	}
}
