package org.touyan.security.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.security.Authorization;
import org.touyan.api.security.Caller;
import org.touyan.api.security.Scope;
import org.touyan.api.security.ScopeResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scope resolvers the bundles register, by kind, and the ownership rule applied with them —
 * the one place that decides whether a caller may touch a target, for declared targets and for
 * those a resource finds in a body.
 */
@Component(service = { ScopeResolvers.class, Authorization.class })
public class ScopeResolvers implements Authorization {

	private static final Logger LOG = LoggerFactory.getLogger(ScopeResolvers.class);

	private final Map<String, ScopeResolver> byKind = new ConcurrentHashMap<>();

	@Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
			policyOption = ReferencePolicyOption.GREEDY)
	void addResolver(ScopeResolver resolver, Map<String, Object> properties) {
		for (String kind : kinds(properties)) {
			byKind.put(kind, resolver);
		}
	}

	void removeResolver(ScopeResolver resolver, Map<String, Object> properties) {
		for (String kind : kinds(properties)) {
			byKind.remove(kind, resolver);
		}
	}

	/** The scope of the resource, or empty when it does not exist or no bundle can place its kind. */
	Optional<Scope> resolve(String kind, String id) {
		ScopeResolver resolver = byKind.get(kind);
		if (resolver == null) {
			// refusing is the safe answer while the owning bundle is away; it shows in the log
			LOG.warn("no scope resolver for kind '{}': a scoped caller is refused", kind);
			return Optional.empty();
		}
		if (id == null || id.isBlank() || id.length() > 200) {
			return Optional.empty();
		}
		return resolver.resolve(kind, id);
	}

	@Override
	public void requireOwner(Caller caller, String kind, String id) {
		if (caller == null) {
			throw ProblemException.notFound(kind, id);
		}
		if (caller.level() == Scope.Level.CITY) {
			return;
		}
		if (!resolve(kind, id).map(caller::owns).orElse(false)) {
			throw ProblemException.notFound(kind, id);
		}
	}

	private static List<String> kinds(Map<String, Object> properties) {
		Object value = properties.get(ScopeResolver.KINDS);
		if (value instanceof String s) {
			return List.of(s);
		}
		if (value instanceof String[] a) {
			return List.of(a);
		}
		if (value instanceof java.util.Collection<?> c) {
			return c.stream().map(String::valueOf).toList();
		}
		return List.of();
	}
}
