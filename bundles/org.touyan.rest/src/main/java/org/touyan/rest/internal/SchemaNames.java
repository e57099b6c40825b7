package org.touyan.rest.internal;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Names the OpenAPI document's component schemas, one distinct name per Java type, so that two
 * records of the same simple name (a user's {@code Accounts.Issued} and a cycle's
 * {@code Ballots.Issued}) can never stand for each other. A nested type is named with the types
 * it is nested in ({@code BallotsIssued}); types whose names are still equal are qualified by
 * their packages, from the nearest segment out ({@code registry}, {@code training}, …, never
 * {@code internal}), until they differ. A generic type is its raw type's name, {@code Of} and its
 * arguments' names ({@code PageOfPerson}). Names depend only on the set of types, not on the
 * order they were met in.
 */
final class SchemaNames {

	private SchemaNames() {
	}

	/** A key unique to the type, used in references until the names are known. */
	static String key(Type type) {
		if (type instanceof Class<?> c) {
			return c.getName();
		}
		if (type instanceof ParameterizedType p) {
			return key(p.getRawType()) + Arrays.stream(p.getActualTypeArguments()).map(SchemaNames::key)
					.collect(Collectors.joining(",", "<", ">"));
		}
		return type.getTypeName();
	}

	/** The name of every keyed type. */
	static Map<String, String> of(Map<String, Type> types) {
		Set<Class<?>> classes = new LinkedHashSet<>();
		types.values().forEach(t -> classesIn(t, classes));
		Map<Class<?>, String> names = classNames(classes);
		Map<String, String> byKey = new TreeMap<>();
		types.forEach((key, type) -> byKey.put(key, name(type, names)));
		if (new LinkedHashSet<>(byKey.values()).size() != byKey.size()) {
			throw new IllegalStateException("two schemas would have one name: " + byKey);
		}
		return byKey;
	}

	/** A copy of a document part with every keyed reference turned into a named one. */
	static Object rename(Object node, Map<String, String> names) {
		if (node instanceof Map<?, ?> map) {
			Map<Object, Object> copy = new LinkedHashMap<>();
			map.forEach((k, v) -> copy.put(k, "$ref".equals(k) && v instanceof String ref ? renamed(ref, names) : rename(v, names)));
			return copy;
		}
		if (node instanceof List<?> list) {
			List<Object> copy = new ArrayList<>();
			list.forEach(v -> copy.add(rename(v, names)));
			return copy;
		}
		return node;
	}

	private static String renamed(String ref, Map<String, String> names) {
		String prefix = "#/components/schemas/";
		String name = ref.startsWith(prefix) ? names.get(ref.substring(prefix.length())) : null;
		return name == null ? ref : prefix + name;
	}

	private static void classesIn(Type type, Set<Class<?>> into) {
		if (type instanceof Class<?> c) {
			into.add(c);
		} else if (type instanceof ParameterizedType p) {
			classesIn(p.getRawType(), into);
			Arrays.stream(p.getActualTypeArguments()).forEach(a -> classesIn(a, into));
		}
	}

	private static Map<Class<?>, String> classNames(Set<Class<?>> classes) {
		Map<String, List<Class<?>>> byNested = classes.stream().collect(Collectors.groupingBy(SchemaNames::nested,
				TreeMap::new, Collectors.toList()));
		Map<Class<?>, String> names = new LinkedHashMap<>();
		byNested.forEach((nested, same) -> {
			for (int segments = 0;; segments++) {
				final int n = segments;
				Map<Class<?>, String> tried = same.stream().collect(Collectors.toMap(Function.identity(), c -> qualified(c, n)));
				if (new LinkedHashSet<>(tried.values()).size() == same.size() || n > 16) {
					names.putAll(tried);
					return;
				}
			}
		});
		return names;
	}

	/** The simple names of the type and the types it is nested in, outermost first. */
	private static String nested(Class<?> c) {
		return c.getEnclosingClass() == null ? c.getSimpleName() : nested(c.getEnclosingClass()) + c.getSimpleName();
	}

	/** {@link #nested}, after the last {@code n} package segments other than {@code internal}. */
	private static String qualified(Class<?> c, int n) {
		List<String> segments = new ArrayList<>(Arrays.asList(c.getPackageName().split("\\.")));
		segments.removeIf(s -> s.equals("internal") || s.isEmpty());
		if (n > segments.size()) {
			return c.getName().replace('.', '_').replace('$', '_');
		}
		StringBuilder b = new StringBuilder();
		for (String s : segments.subList(segments.size() - n, segments.size())) {
			b.append(Character.toUpperCase(s.charAt(0))).append(s.substring(1));
		}
		return b.append(nested(c)).toString();
	}

	private static String name(Type type, Map<Class<?>, String> names) {
		if (type instanceof Class<?> c) {
			return names.getOrDefault(c, c.getSimpleName());
		}
		if (type instanceof ParameterizedType p) {
			return name(p.getRawType(), names) + "Of" + Arrays.stream(p.getActualTypeArguments()).map(a -> name(a, names))
					.collect(Collectors.joining("And"));
		}
		return "Object";
	}
}
