package org.touyan.rest.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.FailedApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.FailedExtensionDTO;
import org.osgi.service.jaxrs.runtime.dto.FailedResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.RuntimeDTO;
import org.osgi.service.jaxrs.whiteboard.JaxrsWhiteboardConstants;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.touyan.api.health.HealthContributor;
import org.touyan.api.health.HealthContributor.Contribution;
import org.touyan.api.rest.Nullable;
import org.touyan.api.rest.RestConstants;
import org.touyan.api.rest.Summary;
import org.touyan.api.security.Anonymous;
import org.touyan.api.store.SchemaStatus;

/**
 * Readiness: 200 only when every declared schema is migrated, the core application is registered
 * with nothing that selected it failing, and every {@link HealthContributor} is ready; otherwise
 * 503 with what is wrong. Contributors' warnings are listed first, for operators to see. Load
 * balancers and start scripts wait on this, not on the port being open.
 */
@Component(service = HealthResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(RestConstants.APPLICATION_SELECT)
@Path("health")
public class HealthResource {

	/** What {@code GET /api/health} answers. */
	public record Health(String status, @Nullable String version, boolean storeReady, boolean applicationReady,
			List<String> warnings, List<SchemaStatus.Schema> schemas, List<String> applicationFailures,
			List<String> inactiveBundles, Map<String, Object> components) {
	}

	private final BundleContext context;
	private final SchemaStatus schemas;
	private final JaxrsServiceRuntime runtime;
	private final String version;

	@Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
	private volatile List<HealthContributor> contributors = List.of();

	@Activate
	public HealthResource(BundleContext context, @Reference SchemaStatus schemas, @Reference JaxrsServiceRuntime runtime) {
		this.context = context;
		this.schemas = schemas;
		this.runtime = runtime;
		String configured = context.getProperty("touyan.version");
		this.version = configured != null ? configured : context.getBundle().getVersion().toString();
	}

	@GET
	@Produces(MediaType.APPLICATION_JSON)
	@Summary(value = "Readiness of the platform: 200 when ready (status UP, or DEGRADED when a part serves less than it "
			+ "should, such as a quarantined plugin), 503 with the reasons when not", returns = Health.class, status = { 200, 503 })
	@Anonymous("readiness is probed by process supervisors and load balancers, which hold no login; it names no person")
	public Response health() {
		List<String> failures = applicationFailures(runtime.getRuntimeDTO(), members());
		failures.addAll(inactiveCoreBundles());
		boolean storeReady = schemas.ready();
		boolean appReady = failures.isEmpty();
		boolean ready = storeReady && appReady;
		List<String> warnings = new ArrayList<>();
		Map<String, Object> components = new TreeMap<>();
		boolean degraded = false;
		for (HealthContributor contributor : contributors) {
			Contribution c = contributor.contribute();
			ready &= c.ready();
			degraded |= c.degraded();
			warnings.addAll(c.warnings());
			components.put(c.name(), c.details());
		}
		Health health = new Health(!ready ? "DOWN" : degraded ? "DEGRADED" : "UP", version, storeReady, appReady, warnings, schemas.schemas(),
				failures, inactiveBundles(), components);
		return Response.status(ready ? 200 : 503).entity(health).type(MediaType.APPLICATION_JSON).build();
	}

	/**
	 * Why the core application is not fully serving; empty when it is. {@code members} are the
	 * services registered to join it (resources and extensions selecting it, by service id): the
	 * application is final only when the whiteboard serves each of them, so a resource that
	 * registered a moment ago keeps health at 503 until the rebuild that adds it is done.
	 */
	static List<String> applicationFailures(RuntimeDTO dto, Map<Long, String> members) {
		ApplicationDTO core = Arrays.stream(dto.applicationDTOs)
				.filter(a -> RestConstants.APPLICATION_NAME.equals(a.name)).findFirst().orElse(null);
		List<String> failures = new ArrayList<>();
		if (core == null) {
			failures.add("the core application '" + RestConstants.APPLICATION_NAME + "' is not registered");
		} else {
			Set<Long> served = new HashSet<>();
			Arrays.stream(core.resourceDTOs).forEach(r -> served.add(r.serviceId));
			Arrays.stream(core.extensionDTOs).forEach(e -> served.add(e.serviceId));
			Arrays.stream(dto.failedResourceDTOs).forEach(r -> served.add(r.serviceId));
			Arrays.stream(dto.failedExtensionDTOs).forEach(e -> served.add(e.serviceId));
			members.forEach((id, name) -> {
				if (!served.contains(id)) {
					failures.add(name + " (service " + id + ") is not served by the core application yet");
				}
			});
		}
		// reasons are the DTO codes of the JAX-RS whiteboard specification (e.g. 5: extension missing)
		for (FailedApplicationDTO a : dto.failedApplicationDTOs) {
			failures.add("application " + a.name + " failed, reason " + a.failureReason);
		}
		for (FailedResourceDTO r : dto.failedResourceDTOs) {
			failures.add("resource " + r.name + " (service " + r.serviceId + ") failed, reason " + r.failureReason);
		}
		for (FailedExtensionDTO e : dto.failedExtensionDTOs) {
			failures.add("extension " + e.name + " (service " + e.serviceId + ") failed, reason " + e.failureReason);
		}
		return failures;
	}

	/** The resources and extensions registered to join the core application, by service id. */
	private Map<Long, String> members() {
		Map<Long, String> members = new TreeMap<>();
		try {
			ServiceReference<?>[] refs = context.getAllServiceReferences(null, "(&(|(" + JaxrsWhiteboardConstants.JAX_RS_RESOURCE
					+ "=true)(" + JaxrsWhiteboardConstants.JAX_RS_EXTENSION + "=true))(" + JaxrsWhiteboardConstants.JAX_RS_APPLICATION_SELECT
					+ "=" + RestConstants.APPLICATION_SELECT.replace("(", "\\(").replace(")", "\\)") + "))");
			for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
				Object name = ref.getProperty(JaxrsWhiteboardConstants.JAX_RS_NAME);
				Object[] classes = (Object[]) ref.getProperty(Constants.OBJECTCLASS);
				members.put((Long) ref.getProperty(Constants.SERVICE_ID), name != null ? name.toString() : classes[0].toString());
			}
		} catch (InvalidSyntaxException e) {
			throw new IllegalStateException(e);
		}
		return members;
	}

	/** A core bundle (the platform's own, not a plugin) that is not active yet keeps the platform not ready. */
	private List<String> inactiveCoreBundles() {
		return inactiveBundles().stream()
				.filter(b -> b.startsWith("org.touyan.") && !b.startsWith("org.touyan.plugin."))
				.map(b -> "bundle " + b)
				.collect(java.util.stream.Collectors.toCollection(ArrayList::new));
	}

	private List<String> inactiveBundles() {
		return Arrays.stream(context.getBundles())
				.filter(b -> b.getState() != Bundle.ACTIVE)
				// a fragment never becomes ACTIVE: RESOLVED is its working state
				.filter(b -> !(b.getHeaders("").get(Constants.FRAGMENT_HOST) != null && b.getState() == Bundle.RESOLVED))
				// a lazily activated bundle waits in STARTING until its first class is used
				.filter(b -> !(b.getState() == Bundle.STARTING && String.valueOf(
						b.getHeaders("").get(Constants.BUNDLE_ACTIVATIONPOLICY)).startsWith(Constants.ACTIVATION_LAZY)))
				.map(b -> b.getSymbolicName() + " " + b.getVersion() + " " + state(b.getState()))
				.toList();
	}

	private static String state(int state) {
		return switch (state) {
		case Bundle.INSTALLED -> "INSTALLED";
		case Bundle.RESOLVED -> "RESOLVED";
		case Bundle.STARTING -> "STARTING";
		case Bundle.STOPPING -> "STOPPING";
		default -> "UNINSTALLED";
		};
	}
}
