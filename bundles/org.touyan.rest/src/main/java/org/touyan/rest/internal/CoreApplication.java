package org.touyan.rest.internal;

import javax.ws.rs.core.Application;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.Preprocessor;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.touyan.api.rest.RestConstants;

/**
 * The one JAX-RS application of the core API. It is empty on purpose: core resources and
 * extensions join it through the whiteboard by selecting its name, and plugins never do, so its
 * membership is stable once the platform has started.
 *
 * <p>It selects the authorization and audit filters: the whiteboard does not serve the application
 * while either extension is missing, so no request reaches a resource unchecked or unrecorded.
 */
@Component(service = Application.class)
@JaxrsExtensionSelect({ "(touyan.security=authorization)", "(touyan.security=audit)" })
@JaxrsApplicationBase(RestConstants.APPLICATION_BASE)
@JaxrsName(RestConstants.APPLICATION_NAME)
public class CoreApplication extends Application {

	@Activate
	public CoreApplication(@Reference(target = "(component.name=org.touyan.rest.internal.RequestGuard)") Preprocessor guard) {
		// the reference orders the start; the guard itself is used by the HTTP service
	}
}
