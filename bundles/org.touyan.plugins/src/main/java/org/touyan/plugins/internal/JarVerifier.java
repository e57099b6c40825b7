package org.touyan.plugins.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Checks a plugin jar's JAR signature against the district's trust store: every entry must be
 * signed by the same signer, no entry may have changed since it was signed, and the signer's
 * certificate (or one it was issued by) must be in the trust store.
 */
final class JarVerifier {

	/** What the check found. */
	enum Outcome {
		TRUSTED, UNSIGNED, UNTRUSTED, TAMPERED
	}

	/** The outcome, the signer's name when there is one, and why when it is not trusted. */
	record Verdict(Outcome outcome, String signer, String reason, String reasonZh) {
	}

	private final List<X509Certificate> trusted;

	private JarVerifier(List<X509Certificate> trusted) {
		this.trusted = trusted;
	}

	/** A verifier trusting the certificates of {@code trustStore} (PKCS12), or none if it does not exist. */
	static JarVerifier load(Path trustStore, char[] password) {
		List<X509Certificate> certificates = new ArrayList<>();
		if (Files.isRegularFile(trustStore)) {
			try (InputStream in = Files.newInputStream(trustStore)) {
				KeyStore ks = KeyStore.getInstance("PKCS12");
				ks.load(in, password);
				for (Enumeration<String> aliases = ks.aliases(); aliases.hasMoreElements();) {
					Certificate c = ks.getCertificate(aliases.nextElement());
					if (c instanceof X509Certificate x) {
						certificates.add(x);
					}
				}
			} catch (IOException | GeneralSecurityException e) {
				throw new IllegalStateException("the plugin trust store " + trustStore + " cannot be read: " + e.getMessage(), e);
			}
		}
		return new JarVerifier(List.copyOf(certificates));
	}

	/** Subjects of the trusted certificates, for the admin API and health. */
	List<String> trustedKeys() {
		return trusted.stream().map(c -> c.getSubjectX500Principal().getName()).sorted().toList();
	}

	Verdict verify(Path jar) {
		Set<CodeSigner> common = null;
		List<String> unsigned = new ArrayList<>();
		try (JarFile file = new JarFile(jar.toFile(), true)) {
			for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements();) {
				JarEntry entry = entries.nextElement();
				if (entry.isDirectory() || signatureFile(entry.getName())) {
					continue;
				}
				try (InputStream in = file.getInputStream(entry)) {
					// reading checks the entry's digest against the signed manifest
					in.transferTo(java.io.OutputStream.nullOutputStream());
				} catch (SecurityException e) {
					return new Verdict(Outcome.TAMPERED, null, entry.getName() + " changed after the jar was signed",
							"其中的 " + entry.getName() + " 在签名后被改动");
				}
				CodeSigner[] signers = entry.getCodeSigners();
				if (signers == null) {
					unsigned.add(entry.getName());
					continue;
				}
				Set<CodeSigner> these = new HashSet<>(List.of(signers));
				if (common == null) {
					common = these;
				} else {
					common.retainAll(these);
				}
			}
		} catch (SecurityException e) {
			return new Verdict(Outcome.TAMPERED, null, "its signature does not match its content", "签名与内容不符");
		} catch (IOException e) {
			return new Verdict(Outcome.TAMPERED, null, "it cannot be read as a jar", "无法作为 jar 文件读取");
		}
		if (common == null) {
			return new Verdict(Outcome.UNSIGNED, null, "it is not signed", "未签名");
		}
		if (!unsigned.isEmpty()) {
			List<String> added = unsigned.subList(0, Math.min(3, unsigned.size()));
			return new Verdict(Outcome.TAMPERED, null, "entries were added after signing: " + added, "签名后被加入了文件：" + added);
		}
		if (common.isEmpty()) {
			return new Verdict(Outcome.TAMPERED, null, "its entries are signed by different signers", "其中的文件由不同的签名者签名");
		}
		String signer = null;
		for (CodeSigner s : common) {
			List<? extends Certificate> chain = s.getSignerCertPath().getCertificates();
			X509Certificate leaf = (X509Certificate) chain.get(0);
			signer = leaf.getSubjectX500Principal().getName();
			for (Certificate c : chain) {
				if (trusted.contains(c)) {
					return new Verdict(Outcome.TRUSTED, signer, null, null);
				}
			}
		}
		return new Verdict(Outcome.UNTRUSTED, signer, "its signer " + signer + " is not in the district's trust store",
				"签名者 " + signer + " 不在本区的信任库中");
	}

	private static boolean signatureFile(String name) {
		String n = name.toUpperCase(Locale.ROOT);
		if (!n.startsWith("META-INF/") || n.indexOf('/', "META-INF/".length()) >= 0) {
			return false;
		}
		return n.equals("META-INF/MANIFEST.MF") || n.endsWith(".SF") || n.endsWith(".RSA") || n.endsWith(".DSA")
				|| n.endsWith(".EC") || n.startsWith("META-INF/SIG-");
	}
}
