/** 育 train: the training-brand SPI (街道特色培训品牌) that streets implement as plugins. */
@Export
@Version("1.0.0")
package org.touyan.api.training;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
