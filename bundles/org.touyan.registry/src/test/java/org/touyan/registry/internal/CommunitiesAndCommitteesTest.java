package org.touyan.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touyan.api.registry.Community;
import org.touyan.api.registry.Department;
import org.touyan.api.registry.DepartmentInput;
import org.touyan.api.registry.District;
import org.touyan.api.registry.DistrictSettings;
import org.touyan.api.registry.JointCommittee;
import org.touyan.api.registry.JointCommitteeInput;
import org.touyan.api.registry.Person;
import org.touyan.api.registry.PersonInput;
import org.touyan.api.registry.PostInput;
import org.touyan.api.registry.PostKind;
import org.touyan.api.registry.Street;
import org.touyan.api.registry.UnitInput;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.Preconditions;
import org.touyan.api.rest.ProblemException;

class CommunitiesAndCommitteesTest {

	private MemoryStore store;
	private OrgUnitsImpl units;
	private District district;
	private Street east;
	private Street west;
	private final List<String> eastCommunities = new ArrayList<>();
	private String westCommunity;

	@BeforeEach
	void setUp() throws Exception {
		store = MemoryStore.registry();
		units = new OrgUnitsImpl(store);
		district = units.createDistrict(new UnitInput(null, "D1", "示范区", null));
		east = units.createStreet(new UnitInput(district.id(), "DC", "东城街道", null));
		west = units.createStreet(new UnitInput(district.id(), "XC", "西城街道", null));
		for (int i = 1; i <= 5; i++) {
			eastCommunities.add(units.createCommunity(new UnitInput(east.id(), "DC0" + i, "东城第" + i + "社区", null)).id());
		}
		westCommunity = units.createCommunity(new UnitInput(west.id(), "XC01", "西城第一社区", null)).id();
	}

	@Test
	void aCommunityBelongsToExactlyOneExistingStreet() {
		assertEquals("parentId", assertThrows(ProblemException.class,
				() -> units.createCommunity(new UnitInput(null, "K1", "社区", null))).field());
		assertEquals("parentId", assertThrows(ProblemException.class,
				() -> units.createCommunity(new UnitInput("nope", "K1", "社区", null))).field());
		String id = eastCommunities.get(0);
		assertEquals("parentId", assertThrows(ProblemException.class,
				() -> units.updateCommunity(id, new UnitInput(west.id(), "DC01", "东城第1社区", null), Preconditions.tag(units.community(id)))).field());
		Community renamed = units.updateCommunity(id, new UnitInput(null, "DC01", "东湖社区", null), Preconditions.tag(units.community(id)));
		assertEquals(east.id(), renamed.streetId());
		assertEquals("东湖社区", units.community(id).orElseThrow().name());
		assertEquals(5, units.communities(null, east.id(), Paging.of(0, 50)).total());
		assertEquals(6, units.communities(district.id(), null, Paging.of(0, 50)).total());
		assertEquals(409, assertThrows(ProblemException.class,
				() -> units.createCommunity(new UnitInput(east.id(), "DC02", "重复", null))).status());
	}

	@Test
	void aJointCommitteeGroupsThreeToFourCommunitiesOfOneStreet() {
		JointCommittee j = units.createJointCommittee(input("PQ1", eastCommunities.subList(0, 3)));
		assertEquals(3, units.jointCommittee(j.id()).orElseThrow().communityIds().size());
		assertEquals("communityIds", assertThrows(ProblemException.class,
				() -> units.createJointCommittee(input("PQ2", eastCommunities.subList(3, 5)))).field());
		List<String> five = new ArrayList<>(eastCommunities);
		assertEquals("communityIds", assertThrows(ProblemException.class,
				() -> units.createJointCommittee(input("PQ2", five))).field());
		List<String> twice = List.of(eastCommunities.get(3), eastCommunities.get(4), eastCommunities.get(3));
		assertEquals("communityIds[2]", assertThrows(ProblemException.class,
				() -> units.createJointCommittee(input("PQ2", twice))).field());
		assertEquals(1, units.jointCommittees(district.id(), Paging.of(0, 10)).total());
	}

	@Test
	void aCommunityIsInOneCommitteeAtMost() {
		units.createJointCommittee(input("PQ1", eastCommunities.subList(0, 3)));
		ProblemException e = assertThrows(ProblemException.class, () -> units.createJointCommittee(
				input("PQ2", List.of(eastCommunities.get(2), eastCommunities.get(3), eastCommunities.get(4)))));
		assertEquals(409, e.status());
		assertEquals("communityIds[0]", e.field());
		assertEquals(1, units.jointCommittees(district.id(), Paging.of(0, 10)).total());
	}

	@Test
	void spanningStreetsNeedsTheDistrictSettingAndTheSettingCannotBeWithdrawnUnderIt() {
		List<String> mixed = List.of(eastCommunities.get(0), eastCommunities.get(1), westCommunity);
		assertEquals("communityIds", assertThrows(ProblemException.class,
				() -> units.createJointCommittee(input("PQ1", mixed))).field());
		assertFalse(units.settings(district.id()).jointCommitteesMaySpanStreets());
		units.updateSettings(district.id(), new DistrictSettings(true, null), Preconditions.tag(units.settings(district.id())));
		JointCommittee j = units.createJointCommittee(input("PQ1", mixed));
		assertEquals(3, j.communityIds().size());
		assertEquals(409, assertThrows(ProblemException.class,
				() -> units.updateSettings(district.id(), new DistrictSettings(false, null), Preconditions.tag(units.settings(district.id())))).status());
		assertTrue(units.settings(district.id()).jointCommitteesMaySpanStreets());
		units.updateJointCommittee(j.id(), input("PQ1", eastCommunities.subList(0, 4)), Preconditions.tag(units.jointCommittee(j.id())));
		units.updateSettings(district.id(), new DistrictSettings(false, null), Preconditions.tag(units.settings(district.id())));
		assertEquals(4, units.jointCommittee(j.id()).orElseThrow().communityIds().size());
	}

	@Test
	void departmentsScoreOrVetAndAreFilteredByRole() {
		Department jw = units.createDepartment(new DepartmentInput(district.id(), "JWJW", "纪委监委", null, true, true));
		units.createDepartment(new DepartmentInput(district.id(), "SJ", "审计局", null, null, true));
		units.createDepartment(new DepartmentInput(district.id(), "MZ", "民政局", null, true, false));
		assertEquals(2, units.departments(district.id(), true, null, Paging.of(0, 50)).total());
		assertEquals(2, units.departments(district.id(), null, true, Paging.of(0, 50)).total());
		assertEquals(1, units.departments(district.id(), true, true, Paging.of(0, 50)).total());
		assertEquals(409, assertThrows(ProblemException.class, () -> units.createDepartment(
				new DepartmentInput(district.id(), "JWJW", "重复", null, false, false))).status());
		assertEquals("districtId", assertThrows(ProblemException.class, () -> units.createDepartment(
				new DepartmentInput("nope", "X", "部门", null, false, false))).field());
		Department changed = units.updateDepartment(jw.id(), new DepartmentInput(district.id(), "JWJW", "纪委监委", null, true, false), Preconditions.tag(units.department(jw.id())));
		assertFalse(units.department(jw.id()).orElseThrow().vets());
		assertEquals(changed, units.department(jw.id()).orElseThrow());
	}

	@Test
	void unusedUnitsCanBeDeletedAndUsedOnesAreKept() {
		JointCommittee j = units.createJointCommittee(input("PQ1", eastCommunities.subList(0, 3)));
		assertEquals(409, assertThrows(ProblemException.class, () -> units.deleteCommunity(eastCommunities.get(0), Preconditions.tag(units.community(eastCommunities.get(0))))).status());
		units.deleteJointCommittee(j.id(), Preconditions.tag(units.jointCommittee(j.id())));
		assertTrue(units.jointCommittee(j.id()).isEmpty());
		units.deleteCommunity(eastCommunities.get(0), Preconditions.tag(units.community(eastCommunities.get(0))));
		assertTrue(units.community(eastCommunities.get(0)).isEmpty());
		assertEquals(404, assertThrows(ProblemException.class, () -> units.deleteCommunity(eastCommunities.get(0), Preconditions.tag(units.community(eastCommunities.get(0))))).status());
		assertEquals(404, assertThrows(ProblemException.class, () -> units.deleteJointCommittee(j.id(), Preconditions.tag(units.jointCommittee(j.id())))).status());

		PeopleImpl people = new PeopleImpl(store);
		Person p = people.createPerson(new PersonInput(district.id(), "王建国", null, null,
				IdNumberTest.withCheck("32010619850315001"), null, null, null), null);
		people.addPost(p.id(), new PostInput(PostKind.COMMITTEE_MEMBER,
				eastCommunities.get(1), LocalDate.of(2020, 1, 1), LocalDate.of(2021, 1, 1), null), null);
		assertEquals(409, assertThrows(ProblemException.class, () -> units.deleteCommunity(eastCommunities.get(1), Preconditions.tag(units.community(eastCommunities.get(1))))).status());

		Department d = units.createDepartment(new DepartmentInput(district.id(), "SJ", "审计局", null, false, true));
		units.deleteDepartment(d.id(), Preconditions.tag(units.department(d.id())));
		assertTrue(units.department(d.id()).isEmpty());
	}

	private JointCommitteeInput input(String code, List<String> communities) {
		return new JointCommitteeInput(district.id(), code, "片区联合党委" + code, null, communities);
	}
}
