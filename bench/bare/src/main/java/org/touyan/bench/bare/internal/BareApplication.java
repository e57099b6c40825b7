package org.touyan.bench.bare.internal;

import javax.ws.rs.core.Application;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/** A JAX-RS application of its own on the platform's whiteboard, with no filters or providers. */
@Component(service = Application.class)
@JaxrsApplicationBase("bare-jaxrs")
@JaxrsName(BareApplication.NAME)
public class BareApplication extends Application {
	static final String NAME = "touyan.bench.bare";
}
