/**
 * The code catalogue: every enumerated value the platform answers, with its display name in
 * Chinese (zh-CN, the platform's language) and English. Each bundle contributes a
 * {@link org.touyan.api.codes.CodeType} service for every enumeration it owns; {@link org.touyan.api.codes.Codes}
 * is the one lookup the resources, exports and the console use ({@code GET /api/codes}).
 */
@Export
@Version("1.0.0")
package org.touyan.api.codes;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
