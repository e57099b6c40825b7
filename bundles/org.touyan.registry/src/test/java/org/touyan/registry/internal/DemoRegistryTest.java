package org.touyan.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.touyan.api.registry.Community;
import org.touyan.api.registry.District;
import org.touyan.api.registry.JointCommittee;
import org.touyan.api.registry.Person;
import org.touyan.api.registry.PostKind;
import org.touyan.api.registry.ReferenceCategory;
import org.touyan.api.registry.ReferenceKind;
import org.touyan.api.registry.Reserve;
import org.touyan.api.registry.ReserveTier;
import org.touyan.api.rest.Paging;

class DemoRegistryTest {

	/** The registry services over one fresh in-memory store, with the demo loaded. */
	private record Demo(OrgUnitsImpl units, PeopleImpl people, ReserveImpl reserve, ReferenceDataImpl reference,
			ArchiveImpl archive, AssistantRecruitment recruitment, FirstSecretaryMissions missions, District district) {

		static Demo load() throws Exception {
			MemoryStore store = MemoryStore.registry();
			OrgUnitsImpl units = new OrgUnitsImpl(store);
			PeopleImpl people = new PeopleImpl(store);
			ReserveImpl reserve = new ReserveImpl(store);
			ReferenceDataImpl reference = new ReferenceDataImpl(store);
			new DemoDistrict(units).load();
			AssistantRecruitment recruitment = new AssistantRecruitment(store);
			FirstSecretaryMissions missions = new FirstSecretaryMissions(store);
			DemoRegistry demo = new DemoRegistry(units, people, reserve, reference, recruitment, missions);
			demo.load();
			demo.load();
			return new Demo(units, people, reserve, reference, new ArchiveImpl(store), recruitment, missions,
					units.districts(Paging.of(0, 1)).items().get(0));
		}
	}

	@Test
	void theDemoDistrictShowsTheSpeechsFigures() throws Exception {
		Demo d = Demo.load();
		String district = d.district().id();
		List<Community> communities = d.units().communities(district, null, Paging.of(0, 500)).items();
		assertEquals(52, communities.size(), "loading twice adds nothing");
		for (Community k : communities) {
			assertEquals(1, d.people().posts(k.id(), null, PostKind.COMMUNITY_SECRETARY, true, Paging.of(0, 5)).total(), k.name());
			assertEquals(1, d.people().posts(k.id(), null, PostKind.SECRETARY_ASSISTANT, true, Paging.of(0, 5)).total(), k.name());
		}
		assertEquals(52, d.reserve().assistantCoverage(district).covered());
		AssistantRecruitment.Batches batches = d.recruitment().batches(district, null);
		assertEquals(52, batches.recruited(), "招录 52 so far");
		assertEquals(List.of(2023, 2024, 2025), batches.batches().stream().map(AssistantRecruitment.Batch::year).toList());
		assertEquals(52, batches.batches().stream().mapToLong(AssistantRecruitment.Batch::total).sum());
		assertTrue(batches.batches().stream().allMatch(b -> b.graduates() + b.socialWorkers() == b.total()));
		assertTrue(batches.batches().stream().mapToLong(AssistantRecruitment.Batch::socialWorkers).sum() > 0);
		assertEquals(5, d.people().posts(null, null, PostKind.FIRST_SECRETARY, true, Paging.of(0, 50)).total());
		assertEquals(5, d.missions().summary(district, null).communitiesHelped(), "已累计向5个社区选派第一书记");
		d.missions().list(new FirstSecretaryMissions.Query(district, null, null), Paging.of(0, 50)).items()
				.forEach(m -> assertEquals("党组织服务水平不高", m.reason(), m.communityName()));
		assertEquals(105, d.reserve().pool(new Reserve.Query(district, null, null, null, null, LocalDate.of(2026, 11, 27)),
				Paging.of(0, 1)).total());
		assertEquals(60, d.reserve().pool(new Reserve.Query(district, null, ReserveTier.COMMITTEE_RESERVE, null, 31,
				LocalDate.of(2026, 11, 27)), Paging.of(0, 1)).total(), "the committee reserve is post-1995");
		List<JointCommittee> joint = d.units().jointCommittees(district, Paging.of(0, 50)).items();
		assertEquals(4, joint.size());
		joint.forEach(j -> assertTrue(j.communityIds().size() >= 3 && j.communityIds().size() <= 4));
		assertEquals(11, d.units().departments(district, true, null, Paging.of(0, 1)).total());
		assertEquals(18, d.units().departments(district, null, true, Paging.of(0, 1)).total());
		List<ReferenceCategory> duties = d.reference().inForce(district, ReferenceKind.DUTY_LIST, LocalDate.of(2026, 1, 1))
				.orElseThrow().categories();
		assertEquals(7, duties.size());
		assertEquals(37, duties.stream().mapToInt(c -> c.items().size()).sum());
		assertEquals(6, d.units().streets(district, Paging.of(0, 50)).total());
		for (var street : d.units().streets(district, Paging.of(0, 50)).items()) {
			var members = d.reference().workingGroups(street.id()).get(0).members();
			assertEquals(5, members.size());
			members.forEach(m -> assertTrue(d.people().person(m.personId()).orElseThrow().partyMemberSince() != null,
					"working group members are Party members"));
		}
		for (var post : d.people().posts(null, null, PostKind.COMMUNITY_SECRETARY, true, Paging.of(0, 500)).items()) {
			assertTrue(d.people().person(post.personId()).orElseThrow().partyMemberSince() != null, "secretaries are Party members");
		}
		Person someone = d.people().people(district, null, Paging.of(0, 1)).items().get(0);
		assertTrue(d.archive().verify(someone.id()).intact());
	}

	@Test
	void theSameSeedGivesTheSamePeople() throws Exception {
		List<String> first = roster(Demo.load());
		assertEquals(first, roster(Demo.load()));
		assertEquals(30 + 52 * 2 + 5 + 105, first.size());
	}

	private static List<String> roster(Demo d) {
		return d.people().people(d.district().id(), null, Paging.of(0, 500)).items().stream()
				.map(p -> p.name() + " " + p.idNumber() + " " + p.phone()).toList();
	}
}
