package org.touyan.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a kept jar is read from, once a backup of the database was restored into another data directory. */
class PluginVersionsTest {

	@TempDir
	Path dir;

	@Test
	void aKeptJarIsReadWhereItWasWrittenWhileItIsThere() throws Exception {
		Path old = Files.createDirectories(dir.resolve("old/data/plugins"));
		Path here = Files.createDirectories(dir.resolve("new/data/plugins"));
		Path jar = Files.write(old.resolve("org.touyan.plugin.x-1.0.0.jar"), new byte[] { 1 });
		Files.write(here.resolve("org.touyan.plugin.x-1.0.0.jar"), new byte[] { 1 });
		assertEquals(jar.toString(), new PluginVersions(null, here).located(jar.toString()));
	}

	@Test
	void aRestoredDataDirectoryHasItsOwnCopyReadWhenTheOldOneIsGone() throws Exception {
		Path here = Files.createDirectories(dir.resolve("new/data/plugins"));
		Path copy = Files.write(here.resolve("org.touyan.plugin.x-1.0.0.jar"), new byte[] { 1 });
		String gone = dir.resolve("old/data/plugins/org.touyan.plugin.x-1.0.0.jar").toString();
		assertEquals(copy.toString(), new PluginVersions(null, here).located(gone));
	}

	@Test
	void withNoCopyEitherTheRecordedPathStaysAndTheReinstallSaysWhatIsMissing() throws Exception {
		Path here = Files.createDirectories(dir.resolve("new/data/plugins"));
		String gone = dir.resolve("old/data/plugins/org.touyan.plugin.x-1.0.0.jar").toString();
		assertEquals(gone, new PluginVersions(null, here).located(gone));
	}
}
