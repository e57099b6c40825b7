package org.touyan.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleException;

/** The small stages of the install pipeline: the signature stage and the words of an install that failed. */
class StagesTest {

	@TempDir
	Path dir;

	@Test
	void anUnsignedJarIsKeptInDevelopmentModeAndRefusedInProduction() throws Exception {
		byte[] jar = JarMetaTest.jar("test.plugin", "1.0.0");
		JarVerifier none = JarVerifier.load(dir.resolve("absent.p12"), new char[0]);
		Path file = dir.resolve("test.plugin-1.0.0.jar");
		Refusal refused = assertThrows(Refusal.class, () -> SignatureCheck.keep(none, false, jar, file));
		assertTrue(refused.getMessage().contains("production mode accepts only signed plugins"), refused.getMessage());
		assertFalse(Files.exists(file));
		assertFalse(Files.exists(dir.resolve("test.plugin-1.0.0.jar.checking")), "nothing is left half-checked");
		assertNull(SignatureCheck.keep(none, true, jar, file));
		assertTrue(Files.exists(file));
	}

	@Test
	void aMissingPackageIsSaidInPlainWords() {
		BundleException e = new BundleException("Unable to resolve test.plugin [42](R 42.0): missing requirement [test.plugin [42]("
				+ "R 42.0)] osgi.wiring.package; (osgi.wiring.package=missing.pkg.nowhere) Unresolved requirements: …");
		assertEquals("it needs the package missing.pkg.nowhere, which no installed bundle provides", InstallBeside.reason(e));
		assertEquals("short", InstallBeside.reason(new BundleException("short")));
		assertEquals("需要程序包 missing.pkg.nowhere，已安装的插件包均未提供", InstallBeside.reasonZh(e));
	}
}
