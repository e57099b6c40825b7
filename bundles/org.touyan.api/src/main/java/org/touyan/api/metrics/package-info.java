/**
 * What a bundle tells {@code GET /api/metrics}: counts and levels it keeps itself, reported as
 * {@link org.touyan.api.metrics.MetricSource} services. The metrics library stays inside the REST
 * bundle; no other bundle imports it.
 */
@Export
@Version("1.0.0")
package org.touyan.api.metrics;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
