package org.touyan.rest.internal;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.MultivaluedMap;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.touyan.api.rest.RestConstants;

/**
 * Headers that keep a browser from misusing API answers, which carry personal data of cadres:
 * no content sniffing, no framing, no caching, no referrer, and a content policy that loads nothing.
 */
@Component(service = ContainerResponseFilter.class)
@JaxrsExtension
@JaxrsApplicationSelect(RestConstants.APPLICATION_SELECT)
public class SecurityHeaders implements ContainerResponseFilter {

	@Override
	public void filter(ContainerRequestContext request, ContainerResponseContext response) {
		MultivaluedMap<String, Object> h = response.getHeaders();
		h.putSingle("X-Content-Type-Options", "nosniff");
		h.putSingle("X-Frame-Options", "DENY");
		h.putSingle("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
		h.putSingle("Referrer-Policy", "no-referrer");
		h.putSingle("Cache-Control", "no-store");
	}
}
