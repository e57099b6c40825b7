/**
 * Tables in and out of the REST API, as CSV or as an Excel workbook (xlsx): one model of a table
 * ({@link org.touyan.api.tabular.Table}, {@link org.touyan.api.tabular.Column}), the choice of format
 * by the request ({@link org.touyan.api.tabular.Format}), and the one service that reads and writes
 * both ({@link org.touyan.api.tabular.Tabular}), so every import and export of the platform treats
 * headers, numbers and formula cells the same way.
 */
@Export
@Version("1.0.0")
package org.touyan.api.tabular;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
