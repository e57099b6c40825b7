package org.touyan.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touyan.api.registry.ArchiveEntry;
import org.touyan.api.registry.DepartmentInput;
import org.touyan.api.registry.District;
import org.touyan.api.registry.Filing;
import org.touyan.api.registry.FilingInput;
import org.touyan.api.registry.FilingKind;
import org.touyan.api.registry.FilingNote;
import org.touyan.api.registry.FilingStatus;
import org.touyan.api.registry.Person;
import org.touyan.api.registry.PersonInput;
import org.touyan.api.registry.Post;
import org.touyan.api.registry.PostKind;
import org.touyan.api.registry.Street;
import org.touyan.api.registry.UnitInput;
import org.touyan.api.registry.VettingInput;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.Preconditions;
import org.touyan.api.rest.ProblemException;

class FilingsImplTest {

	private PeopleImpl people;
	private ArchiveImpl archive;
	private FilingsImpl filings;
	private District district;
	private String community;
	private final List<String> vetting = new ArrayList<>();
	private Person candidate;

	@BeforeEach
	void setUp() throws Exception {
		MemoryStore store = MemoryStore.registry();
		OrgUnitsImpl units = new OrgUnitsImpl(store);
		people = new PeopleImpl(store);
		archive = new ArchiveImpl(store);
		filings = new FilingsImpl(store);
		district = units.createDistrict(new UnitInput(null, "D1", "示范区", null));
		Street street = units.createStreet(new UnitInput(district.id(), "DC", "东城街道", null));
		community = units.createCommunity(new UnitInput(street.id(), "DC01", "东湖社区", null)).id();
		for (String[] d : new String[][] { { "JW", "纪委监委" }, { "ZF", "政法委" }, { "SJ", "审计局" } }) {
			vetting.add(units.createDepartment(new DepartmentInput(district.id(), d[0], d[1], null, false, true)).id());
		}
		units.createDepartment(new DepartmentInput(district.id(), "MZ", "民政局", null, true, false));
		candidate = people.createPerson(new PersonInput(district.id(), "陈晓燕", null, null,
				IdNumberTest.withCheck("32010619880512004"), null, null, null), null);
	}

	private Filing appointment() {
		return filings.open(new FilingInput(district.id(), FilingKind.APPOINTMENT, candidate.id(), community, null,
				LocalDate.of(2026, 3, 1)), "组织部");
	}

	private Filing allStepsAndVerdicts(Filing f, boolean allPass) {
		for (int i = 1; i <= 6; i++) {
			f = filings.completeStep(f.id(), i, new FilingNote("第" + i + "步完成"), "街道工委", Preconditions.tag(filings.filing(f.id())));
		}
		for (int i = 0; i < vetting.size(); i++) {
			boolean pass = allPass || i > 0;
			f = filings.vet(f.id(), new VettingInput(vetting.get(i), pass, pass ? null : "被依法列为失信被执行人"), "部门", Preconditions.tag(filings.filing(f.id())));
		}
		return f;
	}

	@Test
	void anAppointmentRunsFromProposalToDistrictFilingAndCreatesThePostWithItsArchiveEntries() {
		Filing f = appointment();
		assertEquals(6, f.steps().size());
		assertEquals(vetting.size(), f.pendingDepartments().size());
		assertEquals(409, assertThrows(ProblemException.class, () -> filings.file(f.id(), null, null, Preconditions.tag(filings.filing(f.id())))).status());
		assertEquals(409, assertThrows(ProblemException.class, () -> filings.completeStep(f.id(), 2, null, null, Preconditions.tag(filings.filing(f.id())))).status());
		Filing ready = allStepsAndVerdicts(f, true);
		assertTrue(ready.pendingDepartments().isEmpty());
		assertEquals(0, people.posts(community, null, PostKind.COMMUNITY_SECRETARY, true, Paging.of(0, 10)).total(),
				"nothing takes effect before the district filing");

		Filing filed = filings.file(f.id(), new FilingNote("区级备案"), "区委组织部", Preconditions.tag(filings.filing(f.id())));
		assertEquals(FilingStatus.FILED, filed.status());
		Post post = people.post(filed.postId()).orElseThrow();
		assertEquals(candidate.id(), post.personId());
		assertEquals(LocalDate.of(2026, 3, 1), post.startDate());
		assertEquals(409, assertThrows(ProblemException.class, () -> filings.file(f.id(), null, null, Preconditions.tag(filings.filing(f.id())))).status());

		List<String> actions = archive.entries(candidate.id(), Paging.of(0, 50)).items().stream().map(ArchiveEntry::action).toList();
		assertEquals("filing.opened", actions.get(1));
		assertEquals(6, actions.stream().filter("filing.step"::equals).count());
		assertEquals(3, actions.stream().filter("filing.vetting"::equals).count());
		assertEquals(List.of("post.started", "filing.filed"), actions.subList(actions.size() - 2, actions.size()));
		assertTrue(archive.verify(candidate.id()).intact());
	}

	@Test
	void aFailedVettingStopsTheAppointmentUntilWithdrawn() {
		Filing f = allStepsAndVerdicts(appointment(), false);
		ProblemException e = assertThrows(ProblemException.class, () -> filings.file(f.id(), null, null, Preconditions.tag(filings.filing(f.id()))));
		assertTrue(e.detail().contains("失信被执行人"), e.detail());
		assertEquals(0, people.posts(community, null, PostKind.COMMUNITY_SECRETARY, false, Paging.of(0, 10)).total());
		assertEquals("note", assertThrows(ProblemException.class, () -> filings.withdraw(f.id(), null, null, Preconditions.tag(filings.filing(f.id())))).field());
		assertEquals(FilingStatus.WITHDRAWN, filings.withdraw(f.id(), new FilingNote("联查联审未通过"), null, Preconditions.tag(filings.filing(f.id()))).status());
		assertNotNull(appointment().id(), "a new filing may open once the old one is closed");
	}

	@Test
	void aRemovalEndsTheCurrentPostWhenFiled() {
		Filing f = allStepsAndVerdicts(appointment(), true);
		String postId = filings.file(f.id(), null, null, Preconditions.tag(filings.filing(f.id()))).postId();
		ProblemException before = assertThrows(ProblemException.class, () -> filings.open(new FilingInput(district.id(),
				FilingKind.REMOVAL, null, null, postId, LocalDate.of(2026, 2, 1)), null));
		assertEquals("effectiveDate", before.field());
		Filing removal = filings.open(new FilingInput(district.id(), FilingKind.REMOVAL, null, null, postId,
				LocalDate.of(2026, 9, 30)), null);
		assertEquals(409, assertThrows(ProblemException.class, () -> filings.open(new FilingInput(district.id(),
				FilingKind.REMOVAL, null, null, postId, LocalDate.of(2026, 9, 30)), null)).status());
		String ready = allStepsAndVerdicts(removal, true).id();
		filings.file(ready, null, null, Preconditions.tag(filings.filing(ready)));
		Post ended = people.post(postId).orElseThrow();
		assertEquals(LocalDate.of(2026, 9, 30), ended.endDate());
		assertEquals(2, filings.filings(district.id(), null, FilingStatus.FILED, Paging.of(0, 10)).total());
	}

	@Test
	void openingChecksWhoAndWhere() {
		assertEquals("personId", assertThrows(ProblemException.class, () -> filings.open(new FilingInput(district.id(),
				FilingKind.APPOINTMENT, "nope", community, null, LocalDate.of(2026, 3, 1)), null)).field());
		assertEquals("communityId", assertThrows(ProblemException.class, () -> filings.open(new FilingInput(district.id(),
				FilingKind.APPOINTMENT, candidate.id(), "nope", null, LocalDate.of(2026, 3, 1)), null)).field());
		assertEquals("kind", assertThrows(ProblemException.class, () -> filings.open(new FilingInput(district.id(),
				null, candidate.id(), community, null, LocalDate.of(2026, 3, 1)), null)).field());
		assertEquals(0, filings.filings(district.id(), null, null, Paging.of(0, 10)).total());
	}
}
