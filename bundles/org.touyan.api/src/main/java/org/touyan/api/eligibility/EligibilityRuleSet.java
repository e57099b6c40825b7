package org.touyan.api.eligibility;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A district's disqualifying situations as a plugin service. Register it with
 * {@code @Component(service = EligibilityRuleSet.class)} and {@code @Policy(id = …)}; the registry
 * uses the rule set a district selects by that id.
 */
@ConsumerType
public interface EligibilityRuleSet {

	/** Every rule, in order, with the declared fact each reads (null when it reads the record only). */
	List<Rule> rules();

	/**
	 * Evaluates every rule against the candidate and lists each that fired with its evidence. A fact
	 * with a value the rule cannot read is a {@link org.touyan.api.rest.ProblemException} naming
	 * {@code facts.<name>}.
	 */
	List<FiredRule> evaluate(Candidate candidate);
}
