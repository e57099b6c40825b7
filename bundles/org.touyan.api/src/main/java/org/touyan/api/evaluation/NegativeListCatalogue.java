package org.touyan.api.evaluation;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A district's negative list (履职负面清单): the situations in which a secretary falls short of the
 * post, each with its severity, and the consequence an incident has — criticism and rectification
 * with a deadline for lighter cases, adjustment and exit for serious ones. The district ships its
 * 15 situations as the default plugin.
 *
 * <pre>
 * &#64;Component(service = NegativeListCatalogue.class)
 * &#64;Policy(id = "district-negative-list-15", name = "区级履职负面清单", nameEn = "District negative list")
 * public class DistrictNegativeList implements NegativeListCatalogue { … }
 * </pre>
 *
 * The platform calls it with a time limit and checks the answers: items with unique codes, names
 * and severities; a verdict with a consequence, a rectification period for a rectification, and an
 * explanation that names every item of the incident. Both must be pure functions of their input.
 */
@ConsumerType
public interface NegativeListCatalogue {

	/** The situations, in the catalogue's order. Codes stay the same across versions: incidents refer to them. */
	List<NegativeItem> items();

	/** The consequence of one incident, explained in words users read (Chinese) naming its items. */
	NegativeVerdict judge(NegativeListInput input);
}
