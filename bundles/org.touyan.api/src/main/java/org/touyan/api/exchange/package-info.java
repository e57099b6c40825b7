/**
 * 育 train, across cities: the pairing-programme SPI (结对共建, e.g. with 塘桥街道) that a district
 * implements as a plugin per partner.
 */
@Export
@Version("1.0.0")
package org.touyan.api.exchange;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
