package org.touyan.plugin.eligibility.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.touyan.api.eligibility.Candidate;
import org.touyan.api.eligibility.FiredRule;
import org.touyan.api.eligibility.Rule;
import org.touyan.api.registry.Person;
import org.touyan.api.rest.ProblemException;

class DefaultRuleSetTest {

	private static final LocalDate AS_OF = LocalDate.of(2026, 11, 27);
	private final DefaultRuleSet rules = new DefaultRuleSet();

	private static Person member(LocalDate since) {
		return new Person("p", "d", "陈晓燕", "female", LocalDate.of(1988, 5, 12), "x", null, null, since, null);
	}

	private List<FiredRule> evaluate(Person p, Map<String, Object> facts) {
		return rules.evaluate(new Candidate(p, List.of(), facts, AS_OF));
	}

	@Test
	void thereAreTwentyRulesWithDistinctIdsAndFacts() {
		List<Rule> all = rules.rules();
		assertEquals(20, all.size());
		Set<String> ids = new HashSet<>();
		Set<String> facts = new HashSet<>();
		for (Rule r : all) {
			assertTrue(ids.add(r.id()), r.id());
			assertTrue(r.fact() == null || facts.add(r.fact()), r.id());
			assertTrue(!r.text().isBlank());
		}
	}

	@Test
	void aCleanPartyMemberIsEligible() {
		assertEquals(List.of(), evaluate(member(LocalDate.of(2012, 7, 1)), Map.of("dishonestDebtor", false)));
	}

	@Test
	void everyRuleThatFiresIsListedWithItsEvidence() {
		List<FiredRule> fired = evaluate(member(null), Map.of("dishonestDebtor", true, "disciplineUntil", "2027-06-30",
				"administrativeDetentionOn", "2024-01-15", "organizationalActionUntil", "2025-01-01"));
		assertEquals(List.of("R01", "R05", "R07", "R08"), fired.stream().map(FiredRule::ruleId).toList());
		assertEquals("被依法列为失信被执行人的", fired.get(3).text());
		assertTrue(fired.get(1).evidence().contains("2027-06-30"), fired.get(1).evidence());
		assertTrue(fired.get(0).evidence().contains("partyMemberSince"));
	}

	@Test
	void datedRulesEndWithTheirPeriod() {
		Person p = member(LocalDate.of(2012, 7, 1));
		assertEquals(List.of("R05"), ids(evaluate(p, Map.of("disciplineUntil", AS_OF.toString()))));
		assertEquals(List.of(), ids(evaluate(p, Map.of("disciplineUntil", AS_OF.minusDays(1).toString()))));
		assertEquals(List.of("R07"), ids(evaluate(p, Map.of("administrativeDetentionOn", AS_OF.minusYears(3).plusDays(1).toString()))));
		assertEquals(List.of(), ids(evaluate(p, Map.of("administrativeDetentionOn", AS_OF.minusYears(3).toString()))));
		assertEquals(List.of("R01"), ids(evaluate(member(AS_OF.plusDays(1)), Map.of())));
	}

	@Test
	void aFactOfTheWrongShapeIsAProblemNamingIt() {
		Person p = member(LocalDate.of(2012, 7, 1));
		assertEquals("facts.dishonestDebtor", assertThrows(ProblemException.class,
				() -> evaluate(p, Map.of("dishonestDebtor", "yes"))).field());
		assertEquals("facts.disciplineUntil", assertThrows(ProblemException.class,
				() -> evaluate(p, Map.of("disciplineUntil", "next year"))).field());
	}

	private static List<String> ids(List<FiredRule> fired) {
		return fired.stream().map(FiredRule::ruleId).toList();
	}
}
