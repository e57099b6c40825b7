package org.touyan.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touyan.api.eligibility.Candidate;
import org.touyan.api.eligibility.CheckInput;
import org.touyan.api.eligibility.Eligibility;
import org.touyan.api.eligibility.EligibilityCheck;
import org.touyan.api.eligibility.EligibilityRuleSet;
import org.touyan.api.eligibility.FiredRule;
import org.touyan.api.eligibility.Rule;
import org.touyan.api.policy.Provenance;
import org.touyan.api.registry.District;
import org.touyan.api.registry.DistrictSettings;
import org.touyan.api.registry.Person;
import org.touyan.api.registry.PersonInput;
import org.touyan.api.registry.UnitInput;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.Preconditions;
import org.touyan.api.rest.ProblemException;

class EligibilityImplTest {

	/** Fires its one rule when the fact {@code dishonestDebtor} is true. */
	static final class OneRule implements EligibilityRuleSet {
		@Override
		public List<Rule> rules() {
			return List.of(new Rule("R08", "被依法列为失信被执行人的", "dishonestDebtor"));
		}

		@Override
		public List<FiredRule> evaluate(Candidate c) {
			return Boolean.TRUE.equals(c.facts().get("dishonestDebtor"))
					? List.of(new FiredRule("R08", "被依法列为失信被执行人的", "dishonestDebtor = true for " + c.person().name()))
					: List.of();
		}
	}

	private OrgUnitsImpl units;
	private EligibilityImpl eligibility;
	private ArchiveImpl archive;
	private District district;
	private Person person;

	@BeforeEach
	void setUp() throws Exception {
		MemoryStore store = MemoryStore.registry();
		units = new OrgUnitsImpl(store);
		eligibility = new EligibilityImpl(store);
		archive = new ArchiveImpl(store);
		district = units.createDistrict(new UnitInput(null, "D1", "示范区", null));
		person = new PeopleImpl(store).createPerson(new PersonInput(district.id(), "陈晓燕", null, null,
				IdNumberTest.withCheck("32010619880512004"), null, null, LocalDate.of(2012, 7, 1)), null);
	}

	private final OneRule rules = new OneRule();

	private void installDefault() {
		eligibility.install(new EligibilityImpl.Installed(rules, "测试规则", null,
				new Provenance("org.example.rules", "1.2.3", Eligibility.DEFAULT_RULE_SET, 0)));
	}

	@Test
	void withoutTheDistrictsRuleSetACheckIsAConflictSayingSo() {
		ProblemException e = assertThrows(ProblemException.class,
				() -> eligibility.check(person.id(), new CheckInput(Map.of(), null), null));
		assertEquals(409, e.status());
		assertTrue(e.detail().contains(Eligibility.DEFAULT_RULE_SET), e.detail());
		installDefault();
		units.updateSettings(district.id(), new DistrictSettings(false, "another-set"), Preconditions.tag(units.settings(district.id())));
		assertTrue(assertThrows(ProblemException.class,
				() -> eligibility.check(person.id(), new CheckInput(Map.of(), null), null)).detail().contains("another-set"));
		assertEquals(1, archive.entries(person.id(), Paging.of(0, 10)).total(), "a refused check leaves no entry");
	}

	@Test
	void aVerdictListsTheFiredRulesAndIsStoredWithItsProvenanceAndArchived() {
		installDefault();
		EligibilityCheck check = eligibility.check(person.id(), new CheckInput(Map.of("dishonestDebtor", true),
				LocalDate.of(2026, 11, 27)), "组织部");
		assertFalse(check.eligible());
		assertEquals("R08", check.fired().get(0).ruleId());
		assertTrue(check.fired().get(0).evidence().contains("陈晓燕"));
		assertEquals("org.example.rules", check.provenance().bundle());
		assertEquals("1.2.3", check.provenance().version());
		assertEquals(check, eligibility.checkById(check.id()).orElseThrow());
		assertTrue(eligibility.check(person.id(), new CheckInput(Map.of(), null), null).eligible());
		assertEquals(2, eligibility.checks(person.id(), Paging.of(0, 10)).total());
		assertEquals("eligibility.checked", archive.entries(person.id(), Paging.of(1, 1)).items().get(0).action());
		assertTrue(archive.verify(person.id()).intact());
	}

	@Test
	void aFactTheRuleSetDoesNotReadIsNamed() {
		installDefault();
		assertEquals("facts.colour", assertThrows(ProblemException.class,
				() -> eligibility.check(person.id(), new CheckInput(Map.of("colour", "red"), null), null)).field());
	}

	@Test
	void aRemovedRuleSetNoLongerServes() {
		installDefault();
		assertEquals(1, eligibility.ruleSets().size());
		eligibility.removeRuleSet(null, rules);
		assertEquals(List.of(), eligibility.ruleSets());
		assertEquals(409, assertThrows(ProblemException.class,
				() -> eligibility.check(person.id(), new CheckInput(Map.of(), null), null)).status());
	}
}
