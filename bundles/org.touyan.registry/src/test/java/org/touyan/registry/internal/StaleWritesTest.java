package org.touyan.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touyan.api.registry.District;
import org.touyan.api.registry.Filing;
import org.touyan.api.registry.FilingInput;
import org.touyan.api.registry.FilingKind;
import org.touyan.api.registry.FilingNote;
import org.touyan.api.registry.Person;
import org.touyan.api.registry.PersonInput;
import org.touyan.api.registry.UnitInput;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.PreconditionFailedException;
import org.touyan.api.rest.Preconditions;
import org.touyan.api.rest.ProblemException;

/** A write naming an older version, or none, is refused and writes nothing, not even an archive entry. */
class StaleWritesTest {

	private PeopleImpl people;
	private ArchiveImpl archive;
	private FilingsImpl filings;
	private OrgUnitsImpl units;
	private District district;
	private String community;

	@BeforeEach
	void setUp() throws Exception {
		MemoryStore store = MemoryStore.registry();
		units = new OrgUnitsImpl(store);
		people = new PeopleImpl(store);
		archive = new ArchiveImpl(store);
		filings = new FilingsImpl(store);
		district = units.createDistrict(new UnitInput(null, "D1", "示范区", null));
		String street = units.createStreet(new UnitInput(district.id(), "DC", "东城街道", null)).id();
		community = units.createCommunity(new UnitInput(street, "DC01", "东湖社区", null)).id();
	}

	private PersonInput input(String name, String education) {
		return new PersonInput(district.id(), name, null, null, IdNumberTest.withCheck("32010619850315001"), null, education, null);
	}

	@Test
	void theSecondOfTwoChangesReadFromTheSameVersionIsRefusedAndLosesNothing() {
		Person p = people.createPerson(input("王建国", "大专"), "组织部");
		String read = Preconditions.tag(people.person(p.id()));
		people.updatePerson(p.id(), input("王建国", "大学本科"), "甲", read);
		PreconditionFailedException stale = assertThrows(PreconditionFailedException.class,
				() -> people.updatePerson(p.id(), input("王建华", "大专"), "乙", read));
		assertEquals(412, stale.status());
		Person stored = people.person(p.id()).orElseThrow();
		assertEquals(Preconditions.tag(stored), stale.currentVersion());
		assertEquals("王建国", stored.name());
		assertEquals("大学本科", stored.education());
		assertEquals(2, archive.entries(p.id(), Paging.of(0, 10)).total());
		// read again, change again: both changes are kept
		people.updatePerson(p.id(), input("王建华", "大学本科"), "乙", stale.currentVersion());
		assertEquals(new Person(p.id(), district.id(), "王建华", "male", LocalDate.of(1985, 3, 15), p.idNumber(), null, "大学本科", null, null),
				people.person(p.id()).orElseThrow());
	}

	@Test
	void aWriteWithoutIfMatchIs428AndWritesNothing() {
		Person p = people.createPerson(input("王建国", "大专"), "组织部");
		ProblemException missing = assertThrows(ProblemException.class, () -> people.updatePerson(p.id(), input("王建华", "大专"), "乙", null));
		assertEquals(428, missing.status());
		assertEquals("王建国", people.person(p.id()).orElseThrow().name());
		assertEquals(1, archive.entries(p.id(), Paging.of(0, 10)).total());
		assertEquals(428, assertThrows(ProblemException.class, () -> units.deleteCommunity(community, null)).status());
		assertEquals(community, units.community(community).orElseThrow().id());
	}

	@Test
	void completingAStepChangesTheFilingsVersion() {
		Person p = people.createPerson(input("王建国", "大专"), "组织部");
		Filing f = filings.open(new FilingInput(district.id(), FilingKind.APPOINTMENT, p.id(), community, null, LocalDate.of(2026, 3, 1)), "组织部");
		String read = Preconditions.tag(filings.filing(f.id()));
		assertEquals(read, Preconditions.tag(filings.filing(f.id())), "an unchanged filing keeps its version");
		filings.completeStep(f.id(), 1, new FilingNote("动议"), "街道", read);
		assertNotEquals(read, Preconditions.tag(filings.filing(f.id())));
		assertThrows(PreconditionFailedException.class, () -> filings.withdraw(f.id(), new FilingNote("撤回"), "街道", read));
		assertEquals(org.touyan.api.registry.FilingStatus.OPEN, filings.filing(f.id()).orElseThrow().status());
	}
}
