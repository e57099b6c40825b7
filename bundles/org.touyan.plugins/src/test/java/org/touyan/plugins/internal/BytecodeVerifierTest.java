package org.touyan.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.touyan.plugins.internal.samples.Samples;

class BytecodeVerifierTest {

	/** A jar of the given classes of this test tree (with their nested classes, lambdas and records). */
	static byte[] jarOf(Class<?>... classes) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (JarOutputStream out = new JarOutputStream(bytes, new Manifest())) {
			for (Class<?> c : classes) {
				add(out, c);
				for (Class<?> nested : c.getDeclaredClasses()) {
					add(out, nested);
				}
				if (c == Samples.Pure.class) {
					// javac puts the map of an enum switch into a synthetic class of the outer class
					add(out, Samples.class.getName().replace('.', '/') + "$1.class", c.getClassLoader());
				}
			}
		}
		return bytes.toByteArray();
	}

	private static void add(JarOutputStream out, Class<?> c) throws IOException {
		add(out, c.getName().replace('.', '/') + ".class", c.getClassLoader());
	}

	private static void add(JarOutputStream out, String file, ClassLoader loader) throws IOException {
		try (InputStream in = loader.getResourceAsStream(file)) {
			out.putNextEntry(new JarEntry(file));
			in.transferTo(out);
		}
	}

	private static List<BytecodeVerifier.Finding> verify(Class<?>... classes) throws IOException {
		return BytecodeVerifier.verify(jarOf(classes));
	}

	@Test
	void aPurePolicyWithRecordsLambdasSwitchesAndStreamsPasses() throws IOException {
		assertEquals(List.of(), verify(Samples.Pure.class));
	}

	@ParameterizedTest
	@CsvSource({ "Exits, rate, calls java.lang.System.exit", "Halts, rate, calls java.lang.Runtime.getRuntime",
			"ReadsFiles, rate, uses java.io.File", "ReadsPaths, rate, calls java.nio.file.Path.of",
			"OpensSockets, rate, uses java.net.Socket", "Reflects, rate, calls java.lang.Class.getDeclaredField",
			"LoadsClasses, rate, calls java.lang.Class.forName", "StartsThreads, rate, creates java.lang.Thread",
			"RunsProcesses, rate, creates java.lang.ProcessBuilder", "UsesJdbc, rate, calls java.sql.DriverManager.getConnection",
			"ExitsByReference, rate, refers to java.lang.System.exit", "RunsInParallel, rate, calls java.util.List.parallelStream",
			"UsesTheFramework, rate, uses org.osgi.framework.Bundle" })
	void aForbiddenReferenceIsNamedWithItsClassAndMethod(String sample, String method, String reference) throws Exception {
		Class<?> c = Class.forName(Samples.class.getName() + "$" + sample);
		List<BytecodeVerifier.Finding> findings = verify(c);
		assertTrue(findings.contains(new BytecodeVerifier.Finding(c.getName(), method, reference)), findings.toString());
		String described = BytecodeVerifier.describe(findings);
		assertTrue(described.contains(c.getName() + "." + method + " " + reference), described);
	}

	@Test
	void aClassMayNotExtendThreadNorDeclareAFinalizer() throws IOException {
		assertTrue(verify(Samples.OwnThread.class).contains(
				new BytecodeVerifier.Finding(Samples.OwnThread.class.getName(), null, "extends java.lang.Thread")));
		assertTrue(verify(Samples.Finalizes.class).get(0).reference().startsWith("declares finalize()"));
	}

	@Test
	void classesInsideANestedJarAreReadToo() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (JarOutputStream out = new JarOutputStream(bytes, new Manifest())) {
			out.putNextEntry(new JarEntry("lib/inner.jar"));
			out.write(jarOf(Samples.Exits.class));
		}
		assertEquals("calls java.lang.System.exit", BytecodeVerifier.verify(bytes.toByteArray()).get(0).reference());
	}

	@Test
	void theRefusalListsFiveFindingsAndCountsTheRest() throws IOException {
		String described = BytecodeVerifier.describe(verify(Samples.Exits.class, Samples.Halts.class, Samples.ReadsFiles.class,
				Samples.OpensSockets.class, Samples.Reflects.class, Samples.LoadsClasses.class, Samples.UsesJdbc.class));
		assertTrue(described.contains("more)"), described);
		assertTrue(described.contains("docs/PLUGINS.md"), described);
	}

	@Test
	void theApisStoreAndSecurityPackagesAreTheCoresNotAPolicys() {
		assertTrue(AllowList.allowsType("org/touyan/api/evaluation/StarRating"));
		assertTrue(!AllowList.allowsType("org/touyan/api/store/Store"));
		assertTrue(!AllowList.allowsType("org/touyan/api/security/AuditLog"));
		assertTrue(AllowList.allowsMember("java/lang/Thread", "sleep"));
		assertTrue(!AllowList.allowsMember("java/lang/Thread", "<init>"));
		assertTrue(!AllowList.allowsType("java/util/concurrent/Executors"));
	}
}
