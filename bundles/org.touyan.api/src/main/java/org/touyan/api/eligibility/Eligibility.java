package org.touyan.api.eligibility;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Paging;

/**
 * Checks people against their district's rule set and keeps every verdict with its provenance and
 * an archive entry. With no such rule set installed a check is a 409 problem saying so.
 */
@ProviderType
public interface Eligibility {

	/** Policy id of the rule set a district uses unless it selects another. */
	String DEFAULT_RULE_SET = "district-default-20";

	/** The rule sets installed now. */
	List<RuleSetInfo> ruleSets();

	EligibilityCheck check(String personId, CheckInput input, String actor);

	/** A person's checks, newest first. */
	Page<EligibilityCheck> checks(String personId, Paging paging);

	Optional<EligibilityCheck> checkById(String id);
}
