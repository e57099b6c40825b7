package org.touyan.itests.plugins;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A district signing key, a stranger's key and the district's trust store, made with the JDK's
 * keytool, and jars signed with jarsigner as a district would sign its plugins.
 */
public final class Signing {

	public static final String PASSWORD = "touyan-test";

	private final Path dir;

	private Signing(Path dir) {
		this.dir = dir;
	}

	public static Signing create() throws IOException, InterruptedException {
		Path dir = Files.createTempDirectory("touyan-signing");
		Signing s = new Signing(dir);
		s.tool("keytool", "-genkeypair", "-alias", "district", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "30",
				"-dname", "CN=Demo District Organization Department", "-keystore", dir.resolve("district.p12").toString(),
				"-storetype", "PKCS12", "-storepass", PASSWORD);
		s.tool("keytool", "-genkeypair", "-alias", "stranger", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "30",
				"-dname", "CN=Someone Else", "-keystore", dir.resolve("stranger.p12").toString(), "-storetype", "PKCS12",
				"-storepass", PASSWORD);
		s.tool("keytool", "-exportcert", "-alias", "district", "-keystore", dir.resolve("district.p12").toString(),
				"-storepass", PASSWORD, "-file", dir.resolve("district.cer").toString());
		s.tool("keytool", "-importcert", "-noprompt", "-alias", "district", "-file", dir.resolve("district.cer").toString(),
				"-keystore", dir.resolve("trust.p12").toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
		return s;
	}

	public Path trustStore() {
		return dir.resolve("trust.p12");
	}

	/** {@code jar} signed with the district's key ({@code district}) or the stranger's. */
	public byte[] sign(byte[] jar, boolean district) throws IOException, InterruptedException {
		Path in = Files.createTempFile(dir, "unsigned", ".jar");
		Path out = Files.createTempFile(dir, "signed", ".jar");
		Files.write(in, jar);
		String keystore = dir.resolve(district ? "district.p12" : "stranger.p12").toString();
		tool("jarsigner", "-keystore", keystore, "-storetype", "PKCS12", "-storepass", PASSWORD, "-signedjar", out.toString(),
				in.toString(), district ? "district" : "stranger");
		return Files.readAllBytes(out);
	}

	/** {@code signed} with one entry changed after signing, its signature files left as they were. */
	public static byte[] tamper(byte[] signed, String entry) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(signed));
				ZipOutputStream out = new ZipOutputStream(bytes)) {
			for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
				out.putNextEntry(new ZipEntry(e.getName()));
				byte[] content = in.readAllBytes();
				if (e.getName().equals(entry)) {
					content = (new String(content, StandardCharsets.UTF_8) + "<!-- changed -->").getBytes(StandardCharsets.UTF_8);
				}
				out.write(content);
			}
		}
		return bytes.toByteArray();
	}

	private void tool(String name, String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", name).toString());
		command.addAll(List.of(args));
		Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (p.waitFor() != 0) {
			throw new IOException(name + " failed: " + output);
		}
	}
}
