package org.touyan.console.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.context.ServletContextHelper;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContext;

/**
 * The console's own servlet context at {@code /}. The JAX-RS whiteboard gives each application a
 * context of its own, its default application one at {@code /} with a servlet at {@code /*};
 * ranking this context above it lets the console answer every path outside {@code /api}, whose
 * longer context path is always tried first.
 */
@Component(service = ServletContextHelper.class, property = "service.ranking:Integer=1000")
@HttpWhiteboardContext(name = ConsoleContext.NAME, path = "/")
public class ConsoleContext extends ServletContextHelper {
	static final String NAME = "touyan.console";
}
