package org.touyan.rest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.jaxrs.whiteboard.JaxrsWhiteboardConstants;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.osgi.util.tracker.ServiceTracker;
import org.touyan.api.rest.RestConstants;
import org.touyan.api.rest.Summary;
import org.touyan.api.security.Anonymous;

/**
 * Serves {@code /api/openapi.json}, generated on each request from the resource services that
 * select the core application at that moment.
 */
@Component(service = OpenApiResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(RestConstants.APPLICATION_SELECT)
@Path("openapi.json")
public class OpenApiResource {

	private final BundleContext context;
	private final ServiceTracker<Object, Class<?>> resources;

	@Activate
	public OpenApiResource(BundleContext context) throws InvalidSyntaxException {
		this.context = context;
		String filter = "(&(" + JaxrsWhiteboardConstants.JAX_RS_RESOURCE + "=true)("
				+ JaxrsWhiteboardConstants.JAX_RS_APPLICATION_SELECT + "=" + escape(RestConstants.APPLICATION_SELECT) + "))";
		resources = new ServiceTracker<>(context, context.createFilter(filter), null) {
			@Override
			public Class<?> addingService(ServiceReference<Object> reference) {
				// a DS resource names its class: load it without activating the component (this
				// resource would otherwise have to activate itself while it is being activated)
				Object name = reference.getProperty("component.name");
				if (name instanceof String className && reference.getBundle() != null) {
					try {
						return reference.getBundle().loadClass(className);
					} catch (ClassNotFoundException notAClassName) {
						// a component named otherwise: ask for the service below
					}
				}
				Object service = context.getService(reference);
				if (service == null) {
					return null;
				}
				try {
					return service.getClass();
				} finally {
					context.ungetService(reference);
				}
			}

			@Override
			public void removedService(ServiceReference<Object> reference, Class<?> type) {
				// nothing to release: only classes are kept, never service objects
			}
		};
		resources.open();
	}

	@Deactivate
	void deactivate() {
		resources.close();
	}

	@GET
	@Produces(MediaType.APPLICATION_JSON)
	@Summary("The OpenAPI 3 description of every live endpoint of this API")
	@Anonymous("the API description is public so that clients can be generated before anyone logs in")
	public Map<String, Object> openapi() {
		List<Class<?>> classes = new ArrayList<>(resources.getTracked().values());
		String version = context.getProperty("touyan.version");
		return new OpenApiGenerator("Touyan 头雁 API",
				version != null ? version : context.getBundle().getVersion().toString()).document(classes);
	}

	private static String escape(String filterValue) {
		return filterValue.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").replace("*", "\\*");
	}
}
