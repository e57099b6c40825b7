package org.touyan.api.evaluation;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A star-rating formula (星级评定办法): turns the scoring departments' scores of one community for
 * one half-year into a score and a star level from 1 to 5, and says how. A district ships its
 * guidance as the default formula; a street may bind its own variant.
 *
 * <p>Implement it in a plugin bundle as one class:
 *
 * <pre>
 * &#64;Component(service = StarRatingFormula.class)
 * &#64;Policy(id = "district-default", name = "区级默认星级评定办法", nameEn = "District default formula")
 * public class DistrictDefault implements StarRatingFormula { … }
 * </pre>
 *
 * The platform calls it with a time limit and checks the answer (stars 1–5, score present): a
 * formula that throws, hangs or answers out of range fails that one community, never the platform.
 * A formula must be a pure function of its input: the same input always gives the same rating.
 */
@ConsumerType
public interface StarRatingFormula {

	StarRating rate(StarRatingInput input);
}
