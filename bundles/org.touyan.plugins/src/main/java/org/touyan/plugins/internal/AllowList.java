package org.touyan.plugins.internal;

import java.util.Map;
import java.util.Set;

/**
 * What a plugin's bytecode may refer to: the published API and the JDK's pure packages. Anything
 * else (files, sockets, JDBC, processes, threads, class loaders, reflection, the OSGi framework) is
 * refused at install, because a policy runs inside the platform's JVM and one call of
 * {@code System.exit} or one thread of its own would reach past every time limit. Names are JVM
 * internal names ({@code java/lang/System}); docs/PLUGINS.md lists the same rules in words.
 */
final class AllowList {

	private AllowList() {
	}

	/** Packages whose types a plugin may use, apart from the types and members restricted below. */
	private static final Set<String> PACKAGES = Set.of("java/lang", "java/lang/annotation", "java/lang/runtime", "java/math",
			"java/time", "java/time/format", "java/time/temporal", "java/time/chrono", "java/util", "java/util/function",
			"java/util/stream", "java/util/regex", "java/util/random", "java/util/concurrent/atomic", "java/text",
			"java/nio/charset");

	/**
	 * Single types of otherwise closed packages: plain data structures, exceptions, and the streams
	 * that read a plugin's own resources (none of them opens a file or a connection by itself).
	 */
	private static final Set<String> TYPES = Set.of("java/io/Serializable", "java/io/Closeable", "java/io/IOException",
			"java/io/UncheckedIOException", "java/io/StringReader", "java/io/StringWriter", "java/io/InputStream",
			"java/io/Reader", "java/io/BufferedReader", "java/io/InputStreamReader", "java/io/ByteArrayInputStream",
			"java/io/ByteArrayOutputStream", "java/util/concurrent/ConcurrentHashMap",
			"java/util/concurrent/ConcurrentMap", "java/util/concurrent/ConcurrentLinkedQueue",
			"java/util/concurrent/CopyOnWriteArrayList", "java/util/concurrent/ConcurrentSkipListMap",
			"java/util/concurrent/ThreadLocalRandom", "java/util/concurrent/TimeUnit");

	/**
	 * Types of the open packages that reach outside a pure computation: the process, threads, class
	 * loading, timers with their own thread, service loading. A nested type of one is refused too.
	 */
	private static final Set<String> DENIED_TYPES = Set.of("java/lang/Runtime", "java/lang/ProcessBuilder", "java/lang/Process",
			"java/lang/ProcessHandle", "java/lang/ClassLoader", "java/lang/SecurityManager", "java/lang/ThreadGroup",
			"java/lang/ThreadLocal", "java/lang/InheritableThreadLocal", "java/lang/Module", "java/lang/ModuleLayer",
			"java/lang/Compiler", "java/lang/System$Logger", "java/lang/System$LoggerFinder", "java/util/Timer",
			"java/util/TimerTask", "java/util/ServiceLoader");

	/** Types open only for the members named: what is left once process, I/O, threads and class loading are taken out. */
	private static final Map<String, Set<String>> MEMBERS = Map.of(
			"java/lang/System", Set.of("currentTimeMillis", "nanoTime", "arraycopy", "identityHashCode", "lineSeparator"),
			"java/lang/Thread", Set.of("currentThread", "sleep", "interrupted", "isInterrupted", "interrupt", "onSpinWait",
					"getName", "getId"),
			"java/lang/Class", Set.of("getName", "getSimpleName", "getCanonicalName", "getTypeName", "getPackageName",
					"isInstance", "cast", "isAssignableFrom", "desiredAssertionStatus", "getEnumConstants", "isEnum", "isRecord",
					"isArray", "isInterface", "isPrimitive", "getComponentType", "componentType", "arrayType", "toString",
					"hashCode", "equals", "getResourceAsStream"));

	/**
	 * Bootstrap methods of {@code invokedynamic} that javac itself emits: lambdas, string
	 * concatenation, records' equals/hashCode/toString, pattern switches.
	 */
	private static final Set<String> BOOTSTRAPS = Set.of("java/lang/invoke/LambdaMetafactory",
			"java/lang/invoke/StringConcatFactory", "java/lang/runtime/ObjectMethods", "java/lang/runtime/SwitchBootstraps");

	/** Where the published API is; its store and security packages are the core's, not a policy's. */
	private static final String API = "org/touyan/api/";
	private static final Set<String> API_DENIED = Set.of("org/touyan/api/store", "org/touyan/api/security");

	/** Whether a plugin may refer to {@code type} at all (as a super type, with new, a cast, a constant). */
	static boolean allowsType(String type) {
		String t = element(type);
		if (t == null) {
			return true;
		}
		for (String denied : DENIED_TYPES) {
			if (t.equals(denied) || t.startsWith(denied + "$")) {
				return false;
			}
		}
		String pkg = t.lastIndexOf('/') < 0 ? "" : t.substring(0, t.lastIndexOf('/'));
		if (pkg.startsWith(API)) {
			return !API_DENIED.contains(pkg) && API_DENIED.stream().noneMatch(d -> pkg.startsWith(d + "/"));
		}
		return PACKAGES.contains(pkg) || TYPES.contains(t) || TYPES.contains(t.split("\\$")[0]);
	}

	/**
	 * Whether a plugin may call, or read or write, {@code owner.name}. Besides the type, a few types
	 * are open only member by member, and nothing named {@code parallel…} of the collections may be
	 * called: a parallel stream runs the plugin's code on the JDK's common pool, outside the call's
	 * containment.
	 */
	static boolean allowsMember(String owner, String name) {
		if (!allowsType(owner)) {
			return false;
		}
		Set<String> open = MEMBERS.get(owner);
		if (open != null && !open.contains(name)) {
			return false;
		}
		return !(name.startsWith("parallel") && (owner.startsWith("java/util/") || owner.startsWith("[")));
	}

	/** Whether a plugin class may extend or implement {@code type}: a type open only member by member is closed to subclasses. */
	static boolean allowsSuper(String type) {
		return allowsType(type) && !MEMBERS.containsKey(type);
	}

	static boolean allowsBootstrap(String owner) {
		return BOOTSTRAPS.contains(owner);
	}

	/** The element type of an array type, the type itself otherwise; null for primitive arrays. */
	private static String element(String type) {
		String t = type;
		while (t.startsWith("[")) {
			t = t.substring(1);
		}
		if (t.length() != type.length()) {
			if (!t.startsWith("L")) {
				return null;
			}
			t = t.substring(1, t.length() - 1);
		}
		return t;
	}

	/** The type in dotted form, as a plugin author writes it. */
	static String dotted(String internalName) {
		String t = element(internalName);
		return (t == null ? internalName : t).replace('/', '.');
	}
}
