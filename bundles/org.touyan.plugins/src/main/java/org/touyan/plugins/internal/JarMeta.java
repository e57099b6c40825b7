package org.touyan.plugins.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

import org.osgi.framework.Version;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.security.Sha256;

/** What the manager needs to know of an uploaded jar before installing it. */
record JarMeta(String bsn, String version, String sha256) {

	static JarMeta of(byte[] jar) {
		Manifest manifest;
		try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
			manifest = in.getManifest();
		} catch (IOException e) {
			throw ProblemException.invalid(null, "上传的文件不是 jar 文件", "The upload is not a jar file");
		}
		if (manifest == null) {
			throw ProblemException.invalid(null, "该 jar 没有清单文件（MANIFEST），不是 OSGi 插件包", "The jar has no manifest: it is not an OSGi bundle");
		}
		String bsn = manifest.getMainAttributes().getValue("Bundle-SymbolicName");
		if (bsn == null || bsn.isBlank()) {
			throw ProblemException.invalid(null, "该 jar 没有 Bundle-SymbolicName，不是 OSGi 插件包",
					"The jar has no Bundle-SymbolicName: it is not an OSGi bundle");
		}
		bsn = bsn.split(";")[0].strip();
		String version;
		try {
			version = Version.parseVersion(manifest.getMainAttributes().getValue("Bundle-Version")).toString();
		} catch (IllegalArgumentException e) {
			throw ProblemException.invalid(null, "该 jar 的 Bundle-Version 不是有效的版本号", "The jar's Bundle-Version is not a valid version");
		}
		return new JarMeta(bsn, version, Sha256.hex(jar));
	}

	/** The bundle location the manager installs this version under. */
	String location() {
		return location(bsn, version);
	}

	static String location(String bsn, String version) {
		return "touyan:plugin:" + bsn + "@" + version;
	}

}
