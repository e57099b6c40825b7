package org.touyan.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touyan.api.registry.District;
import org.touyan.api.registry.Person;
import org.touyan.api.registry.PersonInput;
import org.touyan.api.registry.Post;
import org.touyan.api.registry.PostInput;
import org.touyan.api.registry.PostKind;
import org.touyan.api.registry.ReferenceCategory;
import org.touyan.api.registry.ReferenceInput;
import org.touyan.api.registry.ReferenceKind;
import org.touyan.api.registry.ReferenceVersion;
import org.touyan.api.registry.Street;
import org.touyan.api.registry.UnitInput;
import org.touyan.api.registry.WorkingGroupInput;
import org.touyan.api.registry.WorkingGroupMember;
import org.touyan.api.registry.WorkingGroupRole;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.ProblemException;

class ReferenceDataTest {

	private PeopleImpl people;
	private ArchiveImpl archive;
	private ReferenceDataImpl data;
	private District district;
	private Street street;
	private String community;

	@BeforeEach
	void setUp() throws Exception {
		MemoryStore store = MemoryStore.registry();
		OrgUnitsImpl units = new OrgUnitsImpl(store);
		people = new PeopleImpl(store);
		archive = new ArchiveImpl(store);
		data = new ReferenceDataImpl(store);
		district = units.createDistrict(new UnitInput(null, "D1", "示范区", null));
		street = units.createStreet(new UnitInput(district.id(), "DC", "东城街道", null));
		community = units.createCommunity(new UnitInput(street.id(), "K1", "东湖社区", null)).id();
	}

	private static ReferenceInput duties(LocalDate from, String first) {
		return new ReferenceInput(from, List.of(new ReferenceCategory("党的建设", List.of(first, "落实“三会一课”制度")),
				new ReferenceCategory("社区治理", List.of("组织居民议事协商"))));
	}

	@Test
	void versionsAreNumberedInDateOrderAndASecretaryPostLinksTheOneInForce() {
		Person p = people.createPerson(new PersonInput(district.id(), "王建国", null, null,
				IdNumberTest.withCheck("32010619850315001"), null, null, LocalDate.of(2008, 7, 1)), null);
		Post before = people.addPost(p.id(), new PostInput(PostKind.COMMITTEE_MEMBER, community, LocalDate.of(2020, 1, 1), null, null), null);
		assertNull(before.dutyListId());
		ReferenceVersion v1 = data.addVersion(district.id(), ReferenceKind.DUTY_LIST, duties(LocalDate.of(2021, 1, 1), "抓好党组织自身建设"), "组织部");
		ReferenceVersion v2 = data.addVersion(district.id(), ReferenceKind.DUTY_LIST, duties(LocalDate.of(2025, 1, 1), "全面从严治党"), null);
		assertEquals(2, v2.version());
		assertEquals("effectiveFrom", assertThrows(ProblemException.class,
				() -> data.addVersion(district.id(), ReferenceKind.DUTY_LIST, duties(LocalDate.of(2024, 1, 1), "x"), null)).field());
		assertEquals(v1.id(), data.inForce(district.id(), ReferenceKind.DUTY_LIST, LocalDate.of(2024, 12, 31)).orElseThrow().id());
		assertTrue(data.inForce(district.id(), ReferenceKind.SELECTION_STANDARD, LocalDate.of(2024, 12, 31)).isEmpty());

		Post secretary = people.addPost(p.id(), new PostInput(PostKind.COMMUNITY_SECRETARY, community, LocalDate.of(2023, 5, 1), null, null), null);
		assertEquals(v1.id(), secretary.dutyListId());
		assertEquals(v1.id(), people.post(secretary.id()).orElseThrow().dutyListId());
		assertEquals("抓好党组织自身建设", data.version(v1.id()).orElseThrow().categories().get(0).items().get(0));
	}

	@Test
	void listsNeedCategoriesWithItems() {
		assertEquals("categories", assertThrows(ProblemException.class, () -> data.addVersion(district.id(),
				ReferenceKind.SELECTION_STANDARD, new ReferenceInput(LocalDate.of(2025, 1, 1), List.of()), null)).field());
		assertEquals("categories[0].items", assertThrows(ProblemException.class, () -> data.addVersion(district.id(),
				ReferenceKind.SELECTION_STANDARD, new ReferenceInput(LocalDate.of(2025, 1, 1),
						List.of(new ReferenceCategory("三好", List.of()))), null)).field());
		assertEquals(404, assertThrows(ProblemException.class,
				() -> data.versions("nope", ReferenceKind.DUTY_LIST)).status());
	}

	@Test
	void aWorkingGroupFillsTheFiveRolesWithFiveDifferentPeopleAndArchivesEachRole() {
		List<WorkingGroupMember> members = new ArrayList<>();
		String[] names = { "赵书记", "钱主任", "孙书记", "李委员", "周书记" };
		String[] ids = { "19700101001", "19720202002", "19750303003", "19800404004", "19780505005" };
		for (int i = 0; i < 5; i++) {
			Person p = people.createPerson(new PersonInput(district.id(), names[i], null, null,
					IdNumberTest.withCheck("320106" + ids[i]), null, null, null), null);
			members.add(new WorkingGroupMember(WorkingGroupRole.values()[i], p.id()));
		}
		List<WorkingGroupMember> twice = new ArrayList<>(members);
		twice.set(4, new WorkingGroupMember(WorkingGroupRole.LEAD, members.get(4).personId()));
		assertEquals("members[4].role", assertThrows(ProblemException.class,
				() -> data.createWorkingGroup(street.id(), new WorkingGroupInput("2026", twice), null)).field());
		assertEquals("members", assertThrows(ProblemException.class,
				() -> data.createWorkingGroup(street.id(), new WorkingGroupInput("2026", members.subList(0, 4)), null)).field());
		data.createWorkingGroup(street.id(), new WorkingGroupInput("2026", members), "街道工委");
		assertEquals(409, assertThrows(ProblemException.class,
				() -> data.createWorkingGroup(street.id(), new WorkingGroupInput("2026", members), null)).status());
		assertEquals(5, data.workingGroups(street.id()).get(0).members().size());
		assertEquals("working-group.appointed", archive.entries(members.get(0).personId(), Paging.of(1, 1)).items().get(0).action());
		assertEquals("牵头抓总", archive.entries(members.get(0).personId(), Paging.of(1, 1)).items().get(0).after().get("duty"));
	}
}
