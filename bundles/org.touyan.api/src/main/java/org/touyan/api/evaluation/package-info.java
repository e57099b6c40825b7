/**
 * 评 evaluate: the SPIs that districts and streets implement as plugins — the star-rating formula
 * (星级评定), the four-review weighting (四评), the classification (分类管理) and the negative-list
 * catalogue (履职负面清单) — and the types they work on.
 */
@Export
@Version("1.2.0")
package org.touyan.api.evaluation;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
