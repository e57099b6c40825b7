package org.touyan.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.touyan.api.rest.ProblemException;

class JarMetaTest {

	static byte[] jar(String bsn, String version) throws IOException {
		Manifest m = new Manifest();
		m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		if (bsn != null) {
			m.getMainAttributes().putValue("Bundle-SymbolicName", bsn);
		}
		if (version != null) {
			m.getMainAttributes().putValue("Bundle-Version", version);
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		new JarOutputStream(bytes, m).close();
		return bytes.toByteArray();
	}

	@Test
	void readsTheSymbolicNameWithoutItsDirectivesAndANormalisedVersion() throws IOException {
		JarMeta meta = JarMeta.of(jar("cn.example.formula;singleton:=true", "1.2"));
		assertEquals("cn.example.formula", meta.bsn());
		assertEquals("1.2.0", meta.version());
		assertEquals("touyan:plugin:cn.example.formula@1.2.0", meta.location());
		assertEquals(64, meta.sha256().length());
	}

	@Test
	void refusesWhatIsNotABundleSayingWhy() throws IOException {
		assertEquals(400, assertThrows(ProblemException.class, () -> JarMeta.of("not a jar".getBytes())).status());
		assertThrows(ProblemException.class, () -> JarMeta.of(jar(null, "1.0.0")));
		assertThrows(ProblemException.class, () -> JarMeta.of(jar("a.b", "one")));
	}
}
