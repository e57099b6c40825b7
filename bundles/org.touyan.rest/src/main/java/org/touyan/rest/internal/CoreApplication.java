package org.touyan.rest.internal;

import javax.ws.rs.core.Application;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.touyan.api.rest.RestConstants;

/**
 * The one JAX-RS application of the core API. It is empty on purpose: core resources and
 * extensions join it through the whiteboard by selecting its name, and plugins never do, so its
 * membership is stable once the platform has started.
 *
 * <p>It selects the authorization filter: the whiteboard does not serve the application while that
 * extension is missing, so no request ever reaches a resource unchecked.
 */
@Component(service = Application.class)
@JaxrsExtensionSelect("(touyan.security=authorization)")
@JaxrsApplicationBase(RestConstants.APPLICATION_BASE)
@JaxrsName(RestConstants.APPLICATION_NAME)
public class CoreApplication extends Application {
}
