package org.touyan.itests.plugins;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Builds plugin jars for the tests: new versions of the example plugins, and hostile ones. */
public final class PluginJars {

	private PluginJars() {
	}

	/** The jar at {@code jar} with another Bundle-Version: a new build of the same plugin. */
	public static byte[] withVersion(Path jar, String version) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (JarInputStream in = new JarInputStream(Files.newInputStream(jar))) {
			Manifest manifest = new Manifest(in.getManifest());
			manifest.getMainAttributes().putValue("Bundle-Version", version);
			try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
				for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
					out.putNextEntry(new JarEntry(e.getName()));
					in.transferTo(out);
				}
			}
		}
		return bytes.toByteArray();
	}

	/**
	 * A star-formula plugin whose one component is {@code implementation} (a class of this test
	 * bundle), registered as {@code policyId}; {@code extraImport} adds an Import-Package (a missing
	 * one makes a plugin that cannot start).
	 */
	public static byte[] formula(String bsn, String version, Class<?> implementation, String policyId, String extraImport)
			throws IOException {
		return formula(bsn, version, implementation, policyId, extraImport, "", java.util.Map.of());
	}

	/** A formula plugin that ships {@code fixture} (JSON) as its fixtures. */
	public static byte[] withFixture(String bsn, String version, Class<?> implementation, String policyId, String fixture)
			throws IOException {
		return formula(bsn, version, implementation, policyId, null, "", java.util.Map.of("touyan/fixtures/" + policyId + ".json", fixture));
	}

	/** A formula plugin that also offers its service as a JAX-RS resource, which plugins must not do. */
	public static byte[] endpoint(String bsn, String version, Class<?> implementation, String policyId) throws IOException {
		return formula(bsn, version, implementation, policyId, null,
				"<property name=\"osgi.jaxrs.resource\" value=\"true\"/>", java.util.Map.of());
	}

	private static byte[] formula(String bsn, String version, Class<?> implementation, String policyId, String extraImport,
			String extraProperties, java.util.Map<String, String> extraEntries) throws IOException {
		Manifest manifest = new Manifest();
		Attributes a = manifest.getMainAttributes();
		a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
		a.putValue("Bundle-ManifestVersion", "2");
		a.putValue("Bundle-SymbolicName", bsn);
		a.putValue("Bundle-Version", version);
		a.putValue("Import-Package", "org.touyan.api.evaluation;version=\"[1.0,2)\""
				+ (extraImport == null ? "" : "," + extraImport));
		a.putValue("Service-Component", "OSGI-INF/formula.xml");
		String component = """
				<?xml version="1.0" encoding="UTF-8"?>
				<scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="%s">
				  <implementation class="%s"/>
				  <service><provide interface="org.touyan.api.evaluation.StarRatingFormula"/></service>
				  <property name="touyan.policy.id" value="%s"/>
				  <property name="touyan.policy.name" value="测试公式 %s"/>
				  %s
				</scr:component>
				""".formatted(bsn, implementation.getName(), policyId, policyId, extraProperties);
		String classFile = implementation.getName().replace('.', '/') + ".class";
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (JarOutputStream out = new JarOutputStream(bytes, manifest);
				InputStream clazz = implementation.getClassLoader().getResourceAsStream(classFile)) {
			out.putNextEntry(new JarEntry("OSGI-INF/formula.xml"));
			out.write(component.getBytes(StandardCharsets.UTF_8));
			out.putNextEntry(new JarEntry(classFile));
			clazz.transferTo(out);
			for (var e : extraEntries.entrySet()) {
				out.putNextEntry(new JarEntry(e.getKey()));
				out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
			}
		}
		return bytes.toByteArray();
	}
}
