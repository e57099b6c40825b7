package org.touyan.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellServerTest {

	@Test
	void theShellIsOffUnlessAPortIsGiven() {
		assertEquals(0, ShellServer.port(null));
		assertEquals(0, ShellServer.port(""));
		assertEquals(0, ShellServer.port("off"));
		assertEquals(0, ShellServer.port("0"));
		assertEquals(0, ShellServer.port("eighty"));
		assertEquals(0, ShellServer.port("70000"));
		assertEquals(8023, ShellServer.port(" 8023 "));
	}

	@Test
	void eachStartWritesANewTokenOnlyItsOwnerReads(@TempDir Path dir) throws Exception {
		String first = ShellServer.writeToken(dir.resolve("data"));
		Path file = dir.resolve("data").resolve(ShellServer.TOKEN_FILE);
		assertEquals(first + "\n", Files.readString(file));
		assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
		assertNotEquals(first, ShellServer.writeToken(dir.resolve("data")));
		assertEquals(32, first.length());
	}
}
