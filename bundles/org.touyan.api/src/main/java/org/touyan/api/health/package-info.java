/** What a bundle tells {@code GET /api/health} about itself. */
@Export
@Version("1.1.0")
package org.touyan.api.health;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
