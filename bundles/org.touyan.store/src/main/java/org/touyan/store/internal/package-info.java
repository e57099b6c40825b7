/** The HSQLDB store; nothing here is exported: bundles see only {@code org.touyan.api.store}. */
@Capability(namespace = "osgi.extender", name = SchemaConstants.EXTENDER_NAME,
		version = SchemaConstants.EXTENDER_VERSION)
package org.touyan.store.internal;

import org.osgi.annotation.bundle.Capability;
import org.touyan.api.store.SchemaConstants;
