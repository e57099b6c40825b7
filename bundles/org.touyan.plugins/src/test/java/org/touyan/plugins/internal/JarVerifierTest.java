package org.touyan.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signs jars with the JDK's keytool and jarsigner, as a district would, and checks the verdicts. */
class JarVerifierTest {

	private static final String PASSWORD = "touyan-test";

	@TempDir
	static Path dir;

	private static JarVerifier verifier;

	@BeforeAll
	static void keys() throws Exception {
		tool("keytool", "-genkeypair", "-alias", "district", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "30",
				"-dname", "CN=Demo District", "-keystore", dir.resolve("district.p12").toString(), "-storetype", "PKCS12",
				"-storepass", PASSWORD);
		tool("keytool", "-genkeypair", "-alias", "stranger", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "30",
				"-dname", "CN=Someone Else", "-keystore", dir.resolve("stranger.p12").toString(), "-storetype", "PKCS12",
				"-storepass", PASSWORD);
		tool("keytool", "-exportcert", "-alias", "district", "-keystore", dir.resolve("district.p12").toString(),
				"-storepass", PASSWORD, "-file", dir.resolve("district.cer").toString());
		tool("keytool", "-importcert", "-noprompt", "-alias", "district", "-file", dir.resolve("district.cer").toString(),
				"-keystore", dir.resolve("trust.p12").toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
		verifier = JarVerifier.load(dir.resolve("trust.p12"), PASSWORD.toCharArray());
	}

	@Test
	void trustsAJarSignedByTheDistrictsKey() throws Exception {
		JarVerifier.Verdict v = verifier.verify(signed("district"));
		assertEquals(JarVerifier.Outcome.TRUSTED, v.outcome());
		assertTrue(v.signer().contains("Demo District"));
		assertEquals(List.of("CN=Demo District"), verifier.trustedKeys());
	}

	@Test
	void anUnsignedJarIsUnsigned() throws Exception {
		assertEquals(JarVerifier.Outcome.UNSIGNED, verifier.verify(unsigned()).outcome());
	}

	@Test
	void aStrangersSignatureIsNotTrusted() throws Exception {
		JarVerifier.Verdict v = verifier.verify(signed("stranger"));
		assertEquals(JarVerifier.Outcome.UNTRUSTED, v.outcome());
		assertTrue(v.reason().contains("Someone Else"));
	}

	@Test
	void aChangedOrAddedEntryIsTampering() throws Exception {
		Path signed = signed("district");
		assertEquals(JarVerifier.Outcome.TAMPERED, verifier.verify(rewrite(signed, "policy.txt", null)).outcome());
		assertEquals(JarVerifier.Outcome.TAMPERED, verifier.verify(rewrite(signed, null, "added.txt")).outcome());
	}

	@Test
	void withoutATrustStoreNothingIsTrusted() throws Exception {
		JarVerifier none = JarVerifier.load(dir.resolve("missing.p12"), new char[0]);
		assertEquals(List.of(), none.trustedKeys());
		assertEquals(JarVerifier.Outcome.UNTRUSTED, none.verify(signed("district")).outcome());
	}

	private static Path unsigned() throws IOException {
		Path jar = Files.createTempFile(dir, "plugin", ".jar");
		Files.write(jar, JarMetaTest.jar("cn.example.formula", "1.0.0"));
		return rewrite(jar, null, "policy.txt");
	}

	private static Path signed(String alias) throws Exception {
		Path in = unsigned();
		Path out = Files.createTempFile(dir, "signed", ".jar");
		tool("jarsigner", "-keystore", dir.resolve(alias + ".p12").toString(), "-storetype", "PKCS12", "-storepass", PASSWORD,
				"-signedjar", out.toString(), in.toString(), alias);
		return out;
	}

	/** Copies {@code jar}, changing {@code change}'s content and adding an entry {@code add}, each when not null. */
	private static Path rewrite(Path jar, String change, String add) throws IOException {
		Path out = Files.createTempFile(dir, "rewritten", ".jar");
		try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
				ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
			for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
				byte[] content = in.readAllBytes();
				if (e.getName().equals(change)) {
					content = "changed".getBytes(StandardCharsets.UTF_8);
				}
				zip.putNextEntry(new ZipEntry(e.getName()));
				zip.write(content);
			}
			if (add != null) {
				zip.putNextEntry(new ZipEntry(add));
				zip.write("星级评定".getBytes(StandardCharsets.UTF_8));
			}
		}
		return out;
	}

	private static void tool(String name, String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", name).toString()));
		command.addAll(List.of(args));
		Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		try (InputStream out = p.getInputStream()) {
			String text = new String(out.readAllBytes(), StandardCharsets.UTF_8);
			if (p.waitFor() != 0) {
				throw new IOException(name + " failed: " + text);
			}
		}
	}
}
