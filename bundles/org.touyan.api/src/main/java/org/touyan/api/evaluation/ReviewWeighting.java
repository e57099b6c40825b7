package org.touyan.api.evaluation;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A four-review weighting policy (四评): combines a secretary's self-review, the residents' review
 * (anonymous ballots on 德 能 勤 绩 廉), the street committee's re-review and the Organization
 * Department's final review of one half-year into the assessment result and its grade. A district
 * ships its documented weights as the default plugin.
 *
 * <pre>
 * &#64;Component(service = ReviewWeighting.class)
 * &#64;Policy(id = "district-four-reviews", name = "区级四评权重", nameEn = "District four-review weighting")
 * public class DistrictWeighting implements ReviewWeighting { … }
 * </pre>
 *
 * The platform calls it with a time limit and checks the answer (a score, a grade of
 * {@link ReviewResult#GRADES}, an explanation); it must be a pure function of its input.
 */
@ConsumerType
public interface ReviewWeighting {

	ReviewResult combine(ReviewInput input);
}
