/** The plugin manager's operations for operators outside a request, such as the operator shell. */
@Export
@Version("1.0.0")
package org.touyan.api.plugins;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
