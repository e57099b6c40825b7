/**
 * What every policy plugin shares, whatever it decides: how it names itself as a service, and
 * the provenance every result it produces carries.
 */
@Export
@Version("1.1.0")
package org.touyan.api.policy;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
