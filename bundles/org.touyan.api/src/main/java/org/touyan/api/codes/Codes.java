package org.touyan.api.codes;

import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The one code catalogue of the platform: every {@link CodeType} registered, by name. */
@ProviderType
public interface Codes {

	/** Every type by name (sorted), each with its codes in their order. */
	Map<String, Map<String, CodeName>> catalogue();

	/** One type's codes, empty when no bundle registers the type. */
	Optional<Map<String, CodeName>> type(String name);

	/** The Chinese name of a code, or null for a null code; a code the catalogue does not know is answered as it is. */
	String zh(String type, String code);

	/** The Chinese name of an enum value (its type's key given), or null for null. */
	default String zh(String type, Enum<?> code) {
		return code == null ? null : zh(type, code.name());
	}
}
