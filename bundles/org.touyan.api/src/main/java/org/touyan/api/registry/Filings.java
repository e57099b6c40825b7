package org.touyan.api.registry;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Paging;

/**
 * Mid-term adjustment filings. Transitions that the procedure does not allow (a step out of order,
 * filing before every step is done and every vetting department passed, anything on a closed
 * filing) are refused with a 409 problem saying why.
 */
@ProviderType
public interface Filings {

	// Every transition of a filing (and a change of a district's steps) takes ifMatch, the ETag of
	// the filing (the steps) as the caller read it (org.touyan.api.rest.Preconditions): 428 when
	// missing, 412 when it changed meanwhile, compared under the filing's row lock.

	/** The district's six steps, the defaults when it has configured none. */
	List<FilingStepDefinition> steps(String districtId);

	/** Sets the district's six steps; the first three are fixed. Open filings keep their steps. */
	List<FilingStepDefinition> configureSteps(String districtId, List<FilingStepDefinition> steps, String ifMatch);

	/** Filings of a district (or all), of the communities of a street (or all), in a status (or all). */
	Page<Filing> filings(String districtId, String streetId, FilingStatus status, Paging paging);

	Optional<Filing> filing(String id);

	Filing open(FilingInput input, String actor);

	/** Marks step {@code position} done; every earlier step must be done. */
	Filing completeStep(String id, int position, FilingNote note, String actor, String ifMatch);

	Filing vet(String id, VettingInput verdict, String actor, String ifMatch);

	/** District-level filing: closes the filing and applies the post change, with its archive entry. */
	Filing file(String id, FilingNote note, String actor, String ifMatch);

	Filing withdraw(String id, FilingNote note, String actor, String ifMatch);
}
