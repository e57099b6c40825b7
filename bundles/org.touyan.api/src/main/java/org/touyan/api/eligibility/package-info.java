/**
 * Eligibility of candidates for community posts: the rule-set SPI a plugin implements (a district's
 * disqualifying situations, 不得当选的具体情形) and the registry's checks that record each verdict
 * with the rule set that decided it.
 */
@Export
@Version("1.0.0")
package org.touyan.api.eligibility;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
