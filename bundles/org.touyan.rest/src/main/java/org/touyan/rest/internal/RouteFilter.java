package org.touyan.rest.internal;

import java.lang.reflect.Method;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.touyan.api.rest.RestConstants;

/**
 * Tells {@link RequestMetrics} which operation answered: the matched resource method's path
 * template, left as a request property, which the JAX-RS runtime keeps as an attribute of the
 * servlet request. A response filter runs for every matched request, also when the authorization
 * filter refused it or an exception mapper answered.
 */
@Component(service = ContainerResponseFilter.class)
@JaxrsExtension
@JaxrsApplicationSelect(RestConstants.APPLICATION_SELECT)
public class RouteFilter implements ContainerResponseFilter {

	private final Routes routes = new Routes();

	@Context
	ResourceInfo resourceInfo;

	@Override
	public void filter(ContainerRequestContext request, ContainerResponseContext response) {
		Method method = resourceInfo.getResourceMethod();
		if (method != null) {
			request.setProperty(Routes.ATTRIBUTE, routes.of(resourceInfo.getResourceClass(), method));
		}
	}
}
