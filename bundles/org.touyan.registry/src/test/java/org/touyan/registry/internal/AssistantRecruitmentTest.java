package org.touyan.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touyan.api.registry.District;
import org.touyan.api.registry.Person;
import org.touyan.api.registry.PersonInput;
import org.touyan.api.registry.PostInput;
import org.touyan.api.registry.PostKind;
import org.touyan.api.registry.Street;
import org.touyan.api.registry.UnitInput;
import org.touyan.api.rest.ProblemException;
import org.touyan.registry.internal.AssistantRecruitment.Batch;
import org.touyan.registry.internal.AssistantRecruitment.RecruitmentInput;

class AssistantRecruitmentTest {

	private OrgUnitsImpl units;
	private PeopleImpl people;
	private ReserveImpl reserve;
	private AssistantRecruitment recruitment;
	private District district;
	private Street street;
	private int seq;

	@BeforeEach
	void setUp() throws Exception {
		MemoryStore store = MemoryStore.registry();
		units = new OrgUnitsImpl(store);
		people = new PeopleImpl(store);
		reserve = new ReserveImpl(store);
		recruitment = new AssistantRecruitment(store);
		district = units.createDistrict(new UnitInput(null, "D1", "示范区", null));
		street = units.createStreet(new UnitInput(district.id(), "DC", "东城街道", null));
	}

	private Person person() {
		seq++;
		return people.createPerson(new PersonInput(district.id(), "助理" + seq, null, null,
				IdNumberTest.withCheck("320106" + "19990101" + String.format("%03d", seq)), null, null, null), "t");
	}

	/** An assistant of a new community from the given day. */
	private Person assistant(LocalDate from) {
		String k = units.createCommunity(new UnitInput(street.id(), "K" + (seq + 1), "社区" + (seq + 1), null)).id();
		Person p = person();
		people.addPost(p.id(), new PostInput(PostKind.SECRETARY_ASSISTANT, k, from, null, null), "t");
		return p;
	}

	@Test
	void batchesCountEveryYearSoFarAndEachYearsBatchBySource() {
		recruitment.record(assistant(LocalDate.of(2025, 8, 1)).id(), new RecruitmentInput(2025, "GRADUATE"), "t");
		recruitment.record(assistant(LocalDate.of(2026, 8, 1)).id(), new RecruitmentInput(2026, "GRADUATE"), "t");
		recruitment.record(assistant(LocalDate.of(2026, 8, 1)).id(), new RecruitmentInput(2026, "SOCIAL_WORKER"), "t");
		AssistantRecruitment.Batches all = recruitment.batches(district.id(), null);
		assertEquals(3, all.recruited());
		assertEquals(List.of(new Batch(2025, 1, 0, 1), new Batch(2026, 1, 1, 2)), all.batches());
		AssistantRecruitment.Batches thisYear = recruitment.batches(district.id(), 2026);
		assertEquals(3, thisYear.recruited());
		assertEquals(List.of(new Batch(2026, 1, 1, 2)), thisYear.batches());
		assertEquals(List.of(new Batch(2027, 0, 0, 0)), recruitment.batches(district.id(), 2027).batches());
		// coverage stays one per community, whatever the batches
		assertEquals(3, reserve.assistantCoverage(district.id()).covered());
	}

	@Test
	void onlyAnAssistantJoinsABatchOnceWithAKnownSourceAndNothingIsStoredOtherwise() {
		Person a = assistant(LocalDate.of(2026, 8, 1));
		assertEquals("source", assertThrows(ProblemException.class,
				() -> recruitment.record(a.id(), new RecruitmentInput(2026, "VOLUNTEER"), "t")).field());
		assertEquals("year", assertThrows(ProblemException.class,
				() -> recruitment.record(a.id(), new RecruitmentInput(null, "GRADUATE"), "t")).field());
		ProblemException notAssistant = assertThrows(ProblemException.class,
				() -> recruitment.record(person().id(), new RecruitmentInput(2026, "GRADUATE"), "t"));
		assertEquals(422, notAssistant.status());
		assertEquals(0, recruitment.batches(district.id(), null).recruited());
		recruitment.record(a.id(), new RecruitmentInput(2026, "GRADUATE"), "t");
		assertEquals(409, assertThrows(ProblemException.class,
				() -> recruitment.record(a.id(), new RecruitmentInput(2025, "SOCIAL_WORKER"), "t")).status());
		assertEquals(List.of(new Batch(2026, 1, 0, 1)), recruitment.batches(district.id(), null).batches());
		assertEquals(404, assertThrows(ProblemException.class, () -> recruitment.batches("nowhere", null)).status());
	}
}
