package org.touyan.rest.internal;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.touyan.api.codes.CodeName;
import org.touyan.api.codes.CodeType;
import org.touyan.api.codes.Codes;

/**
 * The code catalogue made of every {@link CodeType} service: bundles come and go with their
 * types. Two services naming the same type: the first registered serves.
 */
@Component
public class CodesImpl implements Codes {

	private final List<CodeType> types = new CopyOnWriteArrayList<>();

	@Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
	void addType(CodeType type) {
		types.add(type);
	}

	void removeType(CodeType type) {
		types.remove(type);
	}

	@Override
	public Map<String, Map<String, CodeName>> catalogue() {
		Map<String, Map<String, CodeName>> all = new TreeMap<>();
		for (CodeType t : types) {
			all.putIfAbsent(t.name(), t.codes());
		}
		return Collections.unmodifiableMap(all);
	}

	@Override
	public Optional<Map<String, CodeName>> type(String name) {
		return types.stream().filter(t -> t.name().equals(name)).findFirst().map(CodeType::codes);
	}

	@Override
	public String zh(String type, String code) {
		if (code == null) {
			return null;
		}
		CodeName name = type(type).map(codes -> codes.get(code)).orElse(null);
		return name == null ? code : name.zh();
	}
}
