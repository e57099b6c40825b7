package org.touyan.plugin.eligibility.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.touyan.api.eligibility.Candidate;
import org.touyan.api.eligibility.Eligibility;
import org.touyan.api.eligibility.EligibilityRuleSet;
import org.touyan.api.eligibility.FiredRule;
import org.touyan.api.eligibility.Rule;
import org.touyan.api.policy.Policy;

/**
 * The district default list of the 20 situations that bar a candidate (20种不得当选的具体情形), read
 * from the rule table shipped in this bundle.
 */
@Component(service = EligibilityRuleSet.class)
@Policy(id = Eligibility.DEFAULT_RULE_SET, name = "20种不得当选的具体情形（区级默认）",
		nameEn = "20 disqualifying situations (district default)")
public class DefaultRuleSet implements EligibilityRuleSet {

	static final String TABLE = "rules.tsv";

	private final RuleBook book;

	public DefaultRuleSet() {
		try (InputStream in = DefaultRuleSet.class.getResourceAsStream(TABLE)) {
			if (in == null) {
				throw new IllegalStateException("the bundle lacks its rule table " + TABLE);
			}
			book = RuleBook.read(in);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public List<Rule> rules() {
		return book.rules();
	}

	@Override
	public List<FiredRule> evaluate(Candidate candidate) {
		return book.evaluate(candidate);
	}
}
