package org.touyan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.Bundle;

import com.fasterxml.jackson.databind.JsonNode;

/** Behaviour of the running platform when bundles and configuration change under it. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class RuntimeIT extends PlatformTest {

	@Test
	public void aBundleWithABrokenMigrationIsReportedAndHealthRecoversWhenItLeaves() throws Exception {
		Bundle broken = context.installBundle("test:broken-schema", new ByteArrayInputStream(schemaBundle("""
				CREATE TABLE broken_one (id INT);
				ALTER TABLE no_such_table ADD COLUMN x INT;
				""")));
		try {
			broken.start();
			Reply down = get("/api/health");
			assertEquals(503, down.status());
			JsonNode health = down.json();
			assertEquals("DOWN", health.get("status").asText());
			JsonNode schema = null;
			for (JsonNode s : health.get("schemas")) {
				if (s.get("name").asText().equals("broken")) {
					schema = s;
				}
			}
			assertTrue(down.body(), schema != null);
			assertEquals("FAILED", schema.get("state").asText());
			assertTrue(schema.get("error").asText(), schema.get("error").asText().contains("V1"));
			assertTrue(schema.get("error").asText().contains("before anything was changed"));
		} finally {
			broken.uninstall();
		}
		assertEquals(200, get("/api/health").status());
	}

	@Test
	public void aCfgFileInDeployReconfiguresTheBodyLimitWithoutARestart() throws Exception {
		Path cfg = Path.of(context.getProperty("felix.fileinstall.dir")).resolve("touyan.rest.cfg");
		Files.createDirectories(cfg.getParent());
		Files.writeString(cfg, "maxBodyBytes=200\n");
		try {
			awaitStatus(413);
		} finally {
			Files.delete(cfg);
		}
		awaitStatus(201);
	}

	/** Polls until the configuration change is picked up (FileInstall polls the folder). */
	private void awaitStatus(int status) throws Exception {
		long deadline = System.currentTimeMillis() + 20_000;
		int last;
		do {
			awaitReady();
			// about 330 bytes, and a new code each time so that a success does not make the next a conflict
			String body = "{\"code\":\"CFG" + System.nanoTime() % 1_000_000_000 + "\",\"name\":\"" + "长".repeat(100) + "\"}";
			last = send("POST", "/api/districts", "application/json", body).status();
			if (last == status) {
				return;
			}
			Thread.sleep(200);
		} while (System.currentTimeMillis() < deadline);
		throw new AssertionError("expected " + status + ", still " + last);
	}

	private static byte[] schemaBundle(String sql) throws IOException {
		Manifest manifest = new Manifest();
		Attributes main = manifest.getMainAttributes();
		main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
		main.putValue("Bundle-ManifestVersion", "2");
		main.putValue("Bundle-SymbolicName", "test.broken.schema");
		main.putValue("Bundle-Version", "1.0.0");
		main.putValue("Touyan-Schema", "broken");
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
			jar.putNextEntry(new JarEntry("db/"));
			jar.putNextEntry(new JarEntry("db/broken/"));
			jar.putNextEntry(new JarEntry("db/broken/V1__broken.sql"));
			jar.write(sql.getBytes(StandardCharsets.UTF_8));
		}
		return bytes.toByteArray();
	}
}
