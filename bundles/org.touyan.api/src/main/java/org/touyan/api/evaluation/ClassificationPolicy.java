package org.touyan.api.evaluation;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A classification policy (分类管理): places a community's secretary in one of the four
 * {@link SecretaryType}s from a half-year's results (stars, assessment grade…). The default plugin
 * documents its thresholds; a district may bind its own.
 *
 * <pre>
 * &#64;Component(service = ClassificationPolicy.class)
 * &#64;Policy(id = "district-classification", name = "区级分类管理办法", nameEn = "District classification")
 * public class DistrictClassification implements ClassificationPolicy { … }
 * </pre>
 *
 * The platform calls it with a time limit and checks the answer (a type and an explanation); it
 * must be a pure function of its input.
 */
@ConsumerType
public interface ClassificationPolicy {

	Classification classify(ClassificationInput input);
}
