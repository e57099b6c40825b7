package org.touyan.bench.bare.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.context.ServletContextHelper;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContext;

/** A context of its own at /bare, so the console's context at / does not take the servlet's path. */
@Component(service = ServletContextHelper.class)
@HttpWhiteboardContext(name = BareContext.NAME, path = "/bare")
public class BareContext extends ServletContextHelper {
	static final String NAME = "touyan.bench.bare.servlet";
}
