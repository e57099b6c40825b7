/**
 * The secretary registry: organisation units of a district (the tenant) and, as the registry grows,
 * people, posts and their archive.
 */
@Export
@Version("3.2.0")
package org.touyan.api.registry;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
