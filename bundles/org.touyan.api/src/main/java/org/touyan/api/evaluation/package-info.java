/**
 * 评 evaluate: the star-rating (星级评定) SPI that streets implement as plugins, and the types it
 * works on.
 */
@Export
@Version("1.0.0")
package org.touyan.api.evaluation;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
