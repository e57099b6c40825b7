package org.touyan.plugins.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Reads every class of a plugin jar (nested jars included) with ASM and lists what it refers to
 * that {@link AllowList} does not allow, before the jar is installed: a call, a field, a type
 * made or cast to, a super type, a method reference. Each finding names the plugin's class, its
 * method and the forbidden reference, so the author knows what to change.
 */
final class BytecodeVerifier {

	/** One forbidden reference: in which class and method, and what it refers to. */
	record Finding(String className, String method, String reference) {
		@Override
		public String toString() {
			return className + (method == null ? "" : "." + method) + " " + reference;
		}
	}

	/** What pass one learns of a class of the jar: its super types and the members it declares. */
	private record Shape(String superName, List<String> interfaces, Set<String> members) {
	}

	private BytecodeVerifier() {
	}

	/** Every forbidden reference of the jar, in the order found; empty when the plugin stays within the allow-list. */
	static List<Finding> verify(byte[] jar) {
		Map<String, byte[]> classes = new HashMap<>();
		collect(jar, classes, 0);
		Map<String, Shape> shapes = new HashMap<>();
		for (byte[] bytes : classes.values()) {
			ClassReader reader = reader(bytes);
			Set<String> members = new HashSet<>();
			reader.accept(new ClassVisitor(Opcodes.ASM9) {
				@Override
				public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
					members.add(name);
					return null;
				}

				@Override
				public org.objectweb.asm.FieldVisitor visitField(int access, String name, String descriptor, String signature,
						Object value) {
					members.add(name);
					return null;
				}
			}, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
			shapes.put(reader.getClassName(), new Shape(reader.getSuperName(), List.of(reader.getInterfaces()), members));
		}
		Set<Finding> findings = new LinkedHashSet<>();
		for (byte[] bytes : classes.values()) {
			reader(bytes).accept(new Checker(shapes, findings), ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
		}
		return new ArrayList<>(findings);
	}

	/** The findings in words, the first five of them, for a refusal. */
	/** {@link #describe} in Chinese. */
	static String describeZh(List<Finding> findings) {
		StringBuilder s = new StringBuilder("引用了插件不得使用的内容：");
		for (int i = 0; i < Math.min(5, findings.size()); i++) {
			s.append(i == 0 ? "" : "；").append(findings.get(i));
		}
		if (findings.size() > 5) {
			s.append("（另有 ").append(findings.size() - 5).append(" 处）");
		}
		return s.append("。插件只能使用公开的 API 和 JDK 的纯功能包（java.lang 中除 System.exit、Runtime、进程、线程、类加载器和反射以外的部分；"
				+ "java.math、java.time、java.util、java.text），见 docs/PLUGINS.md").toString();
	}

	/** The jar or one of its class files cannot be read; the reason in Chinese beside the message. */
	static final class Unreadable extends IllegalArgumentException {

		private static final long serialVersionUID = 1L;

		final String zh;

		Unreadable(String zh, String message, Throwable cause) {
			super(message, cause);
			this.zh = zh;
		}
	}

	static String describe(List<Finding> findings) {
		StringBuilder s = new StringBuilder("refers to what a plugin may not use: ");
		for (int i = 0; i < Math.min(5, findings.size()); i++) {
			s.append(i == 0 ? "" : "; ").append(findings.get(i));
		}
		if (findings.size() > 5) {
			s.append(" (and ").append(findings.size() - 5).append(" more)");
		}
		return s.append(". A plugin may use the published API and the JDK's pure packages (java.lang without System.exit, "
				+ "Runtime, processes, threads, class loaders and reflection; java.math, java.time, java.util, java.text); "
				+ "see docs/PLUGINS.md").toString();
	}

	private static ClassReader reader(byte[] bytes) {
		try {
			return new ClassReader(bytes);
		} catch (RuntimeException e) {
			throw new Unreadable("jar 中有类文件无法读取", "a class file of the jar cannot be read", e);
		}
	}

	/** Every class file of {@code jar}, and of jars inside it (a Bundle-ClassPath can name them). */
	private static void collect(byte[] jar, Map<String, byte[]> classes, int depth) {
		if (depth > 3) {
			throw new Unreadable("jar 嵌套超过三层", "jars are nested more than three deep", null);
		}
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
			for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
				String name = e.getName();
				if (e.isDirectory() || name.endsWith("module-info.class")) {
					continue;
				}
				if (name.endsWith(".class")) {
					classes.put(name, readAll(in));
				} else if (name.endsWith(".jar")) {
					collect(readAll(in), classes, depth + 1);
				}
			}
		} catch (IOException e) {
			throw new Unreadable("jar 文件无法读取", "the jar cannot be read", e);
		}
	}

	private static byte[] readAll(InputStream in) throws IOException {
		return in.readAllBytes();
	}

	/** Pass two: every reference of one class, checked. */
	private static final class Checker extends ClassVisitor {
		private final Map<String, Shape> shapes;
		private final Set<Finding> findings;
		private String className;

		Checker(Map<String, Shape> shapes, Set<Finding> findings) {
			super(Opcodes.ASM9);
			this.shapes = shapes;
			this.findings = findings;
		}

		@Override
		public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
			className = AllowList.dotted(name);
			if (superName != null && !shapes.containsKey(superName) && !AllowList.allowsSuper(superName)) {
				findings.add(new Finding(className, null, "extends " + AllowList.dotted(superName)));
			}
			for (String i : interfaces == null ? new String[0] : interfaces) {
				if (!shapes.containsKey(i) && !AllowList.allowsSuper(i)) {
					findings.add(new Finding(className, null, "implements " + AllowList.dotted(i)));
				}
			}
		}

		@Override
		public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
			if (name.equals("finalize") && descriptor.equals("()V")) {
				findings.add(new Finding(className, name, "declares finalize(), which the JVM's finalizer thread runs outside "
						+ "every time limit"));
			}
			String method = name;
			return new MethodVisitor(Opcodes.ASM9) {
				@Override
				public void visitMethodInsn(int opcode, String owner, String member, String desc, boolean isInterface) {
					member(method, owner, member, "calls");
				}

				@Override
				public void visitFieldInsn(int opcode, String owner, String member, String desc) {
					member(method, owner, member, "uses");
				}

				@Override
				public void visitTypeInsn(int opcode, String type) {
					type(method, type);
				}

				@Override
				public void visitMultiANewArrayInsn(String desc, int dims) {
					type(method, Type.getType(desc).getInternalName());
				}

				@Override
				public void visitLdcInsn(Object value) {
					constant(method, value);
				}

				@Override
				public void visitInvokeDynamicInsn(String member, String desc, Handle bootstrap, Object... arguments) {
					if (!AllowList.allowsBootstrap(bootstrap.getOwner())) {
						findings.add(new Finding(className, method, "calls " + AllowList.dotted(bootstrap.getOwner()) + "."
								+ bootstrap.getName() + " (invokedynamic)"));
					}
					for (Object a : arguments) {
						constant(method, a);
					}
				}

				@Override
				public void visitTryCatchBlock(org.objectweb.asm.Label start, org.objectweb.asm.Label end,
						org.objectweb.asm.Label handler, String type) {
					if (type != null) {
						type(method, type);
					}
				}
			};
		}

		private void constant(String method, Object value) {
			if (value instanceof Type t && t.getSort() == Type.OBJECT || value instanceof Type a && a.getSort() == Type.ARRAY) {
				type(method, ((Type) value).getInternalName());
			} else if (value instanceof Type m && m.getSort() == Type.METHOD) {
				// a method type constant names no code to run
			} else if (value instanceof Handle h) {
				member(method, h.getOwner(), h.getName(), "refers to");
			} else if (value instanceof ConstantDynamic d) {
				findings.add(new Finding(className, method, "uses a dynamic constant " + d.getName()));
			}
		}

		private void type(String method, String type) {
			if (!own(type) && !AllowList.allowsType(type)) {
				findings.add(new Finding(className, method, "uses " + AllowList.dotted(type)));
			}
		}

		private void member(String method, String owner, String member, String verb) {
			if (member.equals("<init>")) {
				verb = "creates";
			}
			if (owner.startsWith("[")) {
				// an array's clone(), length and Object methods: only its element type matters
				type(method, owner);
			} else if (own(owner)) {
				// the plugin's own class: what it does not declare itself it inherits from a JDK or API type
				for (String outside : inherited(owner, member)) {
					if (!AllowList.allowsMember(outside, member)) {
						findings.add(new Finding(className, method, reference(verb, outside, member)));
					}
				}
			} else if (!AllowList.allowsMember(owner, member)) {
				findings.add(new Finding(className, method, reference(verb, owner, member)));
			}
		}

		private static String reference(String verb, String owner, String member) {
			return verb + " " + AllowList.dotted(owner) + (member.equals("<init>") ? "" : "." + member);
		}

		private boolean own(String type) {
			String t = type;
			while (t.startsWith("[")) {
				t = t.substring(1);
			}
			if (t.startsWith("L") && t.endsWith(";")) {
				t = t.substring(1, t.length() - 1);
			}
			return shapes.containsKey(t);
		}

		/** The types outside the jar that {@code owner} may inherit {@code member} from; none when one of its own classes declares it. */
		private List<String> inherited(String owner, String member) {
			List<String> outside = new ArrayList<>();
			Set<String> seen = new HashSet<>();
			List<String> todo = new ArrayList<>(List.of(owner));
			while (!todo.isEmpty()) {
				String t = todo.remove(todo.size() - 1);
				if (!seen.add(t)) {
					continue;
				}
				Shape shape = shapes.get(t);
				if (shape == null) {
					outside.add(t);
					continue;
				}
				if (shape.members().contains(member)) {
					return List.of();
				}
				if (shape.superName() != null) {
					todo.add(shape.superName());
				}
				todo.addAll(shape.interfaces());
			}
			return outside;
		}
	}

	/** Pipeline stage 3: nothing of the jar's bytecode may reach past the allow-list. */
	static void check(byte[] jar) {
		List<BytecodeVerifier.Finding> findings;
		try {
			findings = verify(jar);
		} catch (IllegalArgumentException e) {
			throw new Refusal("无法检查：" + (e instanceof Unreadable u ? u.zh : e.getMessage()), "cannot be checked: " + e.getMessage());
		}
		if (!findings.isEmpty()) {
			throw new Refusal(describeZh(findings), describe(findings));
		}
	}
}
