package org.touyan.api.codes;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One enumerated type of the API and the display names of its values, registered as a service by
 * the bundle that owns the type. {@link #name()} is the type's key in the catalogue
 * ({@code postKind}, {@code reserveTier}, …) and must be unique across the platform.
 */
@ConsumerType
public interface CodeType {

	/** The type's key in the catalogue, lower camel case. */
	String name();

	/** Every value of the type, in the order a list shows them, with its names. */
	Map<String, CodeName> codes();

	/** The names of every constant of an enum, in declaration order; a constant without a name fails here. */
	static <E extends Enum<E>> Map<String, CodeName> of(Class<E> type, Function<E, String> zh, Function<E, String> en) {
		Map<String, CodeName> codes = new LinkedHashMap<>();
		for (E e : type.getEnumConstants()) {
			try {
				codes.put(e.name(), new CodeName(zh.apply(e), en.apply(e)));
			} catch (IllegalArgumentException missing) {
				throw new IllegalArgumentException(type.getSimpleName() + "." + e.name() + ": " + missing.getMessage(), missing);
			}
		}
		return Collections.unmodifiableMap(codes);
	}

	/** A type of the given name and codes. */
	static CodeType of(String name, Map<String, CodeName> codes) {
		Map<String, CodeName> copy = Collections.unmodifiableMap(new LinkedHashMap<>(codes));
		return new CodeType() {
			@Override
			public String name() {
				return name;
			}

			@Override
			public Map<String, CodeName> codes() {
				return copy;
			}
		};
	}
}
