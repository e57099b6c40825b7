package org.touyan.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touyan.api.registry.ArchiveEntry;
import org.touyan.api.registry.ArchiveVerification;
import org.touyan.api.registry.District;
import org.touyan.api.registry.Person;
import org.touyan.api.registry.PersonInput;
import org.touyan.api.registry.Post;
import org.touyan.api.registry.PostEnding;
import org.touyan.api.registry.PostInput;
import org.touyan.api.registry.PostKind;
import org.touyan.api.registry.SealInput;
import org.touyan.api.registry.Street;
import org.touyan.api.registry.UnitInput;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.Preconditions;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.security.Sha256;

class PeopleAndArchiveTest {

	private MemoryStore store;
	private PeopleImpl people;
	private ArchiveImpl archive;
	private District district;
	private Street street;
	private String community;

	@BeforeEach
	void setUp() throws Exception {
		store = MemoryStore.registry();
		OrgUnitsImpl units = new OrgUnitsImpl(store);
		people = new PeopleImpl(store);
		archive = new ArchiveImpl(store);
		district = units.createDistrict(new UnitInput(null, "D1", "示范区", null));
		street = units.createStreet(new UnitInput(district.id(), "DC", "东城街道", null));
		community = units.createCommunity(new UnitInput(street.id(), "DC01", "东湖社区", null)).id();
	}

	private Person register(String name, String first17) {
		return people.createPerson(new PersonInput(district.id(), name, null, null, IdNumberTest.withCheck(first17),
				"13800000000", "大学本科", LocalDate.of(2010, 7, 1)), "组织部张科长");
	}

	@Test
	void registeringReadsGenderAndBirthDateFromTheIdNumberAndOpensTheArchive() {
		Person p = register("王建国", "32010619850315001");
		assertEquals("male", p.gender());
		assertEquals(LocalDate.of(1985, 3, 15), p.birthDate());
		assertEquals(p, people.person(p.id()).orElseThrow());
		List<ArchiveEntry> entries = archive.entries(p.id(), Paging.of(0, 10)).items();
		assertEquals(1, entries.size());
		assertEquals("person.created", entries.get(0).action());
		assertEquals("组织部张科长", entries.get(0).actor());
		assertNull(entries.get(0).before());
		assertEquals("王建国", entries.get(0).after().get("name"));
		assertEquals(ArchiveLog.GENESIS, entries.get(0).previousHash());
	}

	@Test
	void badPersonFieldsAreNamedAndNothingIsWritten() {
		String id = IdNumberTest.withCheck("32010619850315001");
		assertEquals("birthDate", assertThrows(ProblemException.class, () -> people.createPerson(new PersonInput(
				district.id(), "李娜", null, LocalDate.of(1985, 3, 16), id, null, null, null), null)).field());
		assertEquals("gender", assertThrows(ProblemException.class, () -> people.createPerson(new PersonInput(
				district.id(), "李娜", "female", null, id, null, null, null), null)).field());
		assertEquals("idNumber", assertThrows(ProblemException.class, () -> people.createPerson(new PersonInput(
				district.id(), "李娜", null, null, "320106198503150010", null, null, null), null)).field());
		assertEquals("partyMemberSince", assertThrows(ProblemException.class, () -> people.createPerson(new PersonInput(
				district.id(), "李娜", null, null, id, null, null, LocalDate.of(2000, 1, 1)), null)).field());
		assertEquals("districtId", assertThrows(ProblemException.class, () -> people.createPerson(new PersonInput(
				"nope", "李娜", null, null, id, null, null, null), null)).field());
		register("王建国", "32010619850315001");
		ProblemException dup = assertThrows(ProblemException.class, () -> register("王建国二", "32010619850315001"));
		assertEquals(409, dup.status());
		assertEquals("idNumber", dup.field());
		assertEquals(1, people.people(district.id(), null, Paging.of(0, 10)).total());
	}

	@Test
	void oneCurrentSecretaryPerCommunityAndPostsEndWithoutBeingOverwritten() {
		Person a = register("王建国", "32010619850315001");
		Person b = register("李秀英", "32010619900101002");
		Post first = people.addPost(a.id(), new PostInput(PostKind.COMMUNITY_SECRETARY, community, LocalDate.of(2021, 1, 10), null, null), null);
		ProblemException second = assertThrows(ProblemException.class, () -> people.addPost(b.id(),
				new PostInput(PostKind.COMMUNITY_SECRETARY, community, LocalDate.of(2024, 1, 1), null, null), null));
		assertEquals(409, second.status());
		assertEquals("unitId", second.field());

		assertEquals("endDate", assertThrows(ProblemException.class,
				() -> people.endPost(first.id(), new PostEnding(LocalDate.of(2020, 12, 31), "换届"), null, Preconditions.tag(people.post(first.id())))).field());
		people.endPost(first.id(), new PostEnding(LocalDate.of(2024, 1, 1), "换届"), null, Preconditions.tag(people.post(first.id())));
		assertEquals(409, assertThrows(ProblemException.class,
				() -> people.endPost(first.id(), new PostEnding(LocalDate.of(2024, 2, 1), "again"), null, Preconditions.tag(people.post(first.id())))).status());
		people.addPost(b.id(), new PostInput(PostKind.COMMUNITY_SECRETARY, community, LocalDate.of(2024, 1, 1), null, null), null);

		assertEquals(2, people.posts(community, null, PostKind.COMMUNITY_SECRETARY, false, Paging.of(0, 10)).total());
		List<Post> current = people.posts(community, null, PostKind.COMMUNITY_SECRETARY, true, Paging.of(0, 10)).items();
		assertEquals(List.of(b.id()), current.stream().map(Post::personId).toList());
		assertEquals("换届", people.post(first.id()).orElseThrow().endReason());
		assertEquals("endDate", assertThrows(ProblemException.class, () -> people.addPost(a.id(),
				new PostInput(PostKind.COMMITTEE_MEMBER, community, LocalDate.of(2021, 1, 1), LocalDate.of(2020, 1, 1), null), null)).field());
	}

	@Test
	void aFirstSecretaryIsAStreetCadreDispatchedToACommunity() {
		Person cadre = register("赵志刚", "32010619800808003");
		ProblemException e = assertThrows(ProblemException.class, () -> people.addPost(cadre.id(),
				new PostInput(PostKind.FIRST_SECRETARY, community, LocalDate.of(2025, 3, 1), null, null), null));
		assertEquals("kind", e.field());
		assertEquals("unitId", assertThrows(ProblemException.class, () -> people.addPost(cadre.id(),
				new PostInput(PostKind.STREET_CADRE, community, LocalDate.of(2020, 1, 1), null, null), null)).field());
		people.addPost(cadre.id(), new PostInput(PostKind.STREET_CADRE, street.id(), LocalDate.of(2020, 1, 1), null, null), null);
		people.addPost(cadre.id(), new PostInput(PostKind.FIRST_SECRETARY, community, LocalDate.of(2025, 3, 1), null, null), null);
		assertEquals(2, people.posts(cadre.id()).size());
	}

	@Test
	void everyWriteAppendsAChainedEntryAndTamperingIsReported() throws Exception {
		Person p = register("王建国", "32010619850315001");
		people.updatePerson(p.id(), new PersonInput(null, "王建国", null, null, p.idNumber(), "13900000000", "硕士研究生",
				p.partyMemberSince()), "tester", Preconditions.tag(people.person(p.id())));
		Post post = people.addPost(p.id(), new PostInput(PostKind.COMMUNITY_SECRETARY, community, LocalDate.of(2021, 1, 10), null, null), null);
		people.endPost(post.id(), new PostEnding(LocalDate.of(2024, 1, 1), "换届"), null, Preconditions.tag(people.post(post.id())));
		List<ArchiveEntry> entries = archive.entries(p.id(), Paging.of(0, 10)).items();
		assertEquals(List.of("person.created", "person.updated", "post.started", "post.ended"),
				entries.stream().map(ArchiveEntry::action).toList());
		assertEquals("13800000000", entries.get(1).before().get("phone"));
		assertEquals("13900000000", entries.get(1).after().get("phone"));
		assertEquals("system", entries.get(2).actor());
		for (int i = 1; i < entries.size(); i++) {
			assertEquals(entries.get(i - 1).hash(), entries.get(i).previousHash());
		}
		assertTrue(archive.verify(p.id()).intact());

		try (Connection c = store.connect(); Statement s = c.createStatement()) {
			s.executeUpdate("UPDATE archive_entry SET after_json = '{\"endReason\":\"辞职\"}' WHERE seq = 4");
			s.executeUpdate("UPDATE archive_entry SET actor = 'someone else' WHERE seq = 2");
		}
		ArchiveVerification v = archive.verify(p.id());
		assertFalse(v.intact());
		assertEquals(2L, v.firstBrokenSeq());
		assertEquals(4, v.entries());
	}

	@Test
	void aRemovedLastEntryIsReportedToo() throws Exception {
		Person p = register("王建国", "32010619850315001");
		people.addPost(p.id(), new PostInput(PostKind.COMMITTEE_MEMBER, community, LocalDate.of(2021, 1, 10), null, null), null);
		try (Connection c = store.connect(); Statement s = c.createStatement()) {
			s.executeUpdate("DELETE FROM archive_entry WHERE seq = 2");
		}
		ArchiveVerification v = archive.verify(p.id());
		assertFalse(v.intact());
		assertEquals(2L, v.firstBrokenSeq());
	}

	@Test
	void anEntryAddedBehindTheRegistrysBackIsReported() throws Exception {
		Person p = register("王建国", "32010619850315001");
		ArchiveEntry first = archive.entries(p.id(), Paging.of(0, 1)).items().get(0);
		String hash = ArchiveLog.hash(Sha256.CURRENT, first.hash(), p.id(), 2, first.at(), "forger", "person.updated", "person", null, "{}");
		try (Connection c = store.connect(); Statement s = c.createStatement()) {
			s.executeUpdate("INSERT INTO archive_entry (person_id, seq, written_at, actor, action, subject, before_json, after_json,"
					+ " previous_hash, hash, hash_format) SELECT person_id, 2, written_at, 'forger', 'person.updated', 'person', NULL, '{}', hash, '"
					+ hash + "', " + Sha256.CURRENT + " FROM archive_entry WHERE seq = 1");
		}
		ArchiveVerification v = archive.verify(p.id());
		assertFalse(v.intact());
		assertEquals(2L, v.firstBrokenSeq());
		assertTrue(v.problem().contains("outside"), v.problem());
	}

	@Test
	void aSealedArchiveRefusesEveryWriteAndNamesTheSeal() {
		Person p = register("王建国", "32010619850315001");
		Post post = people.addPost(p.id(), new PostInput(PostKind.COMMUNITY_SECRETARY, community, LocalDate.of(2021, 1, 10), null, null), null);
		assertEquals("posts", assertThrows(ProblemException.class, () -> people.seal(p.id(), new SealInput("离任"), null, Preconditions.tag(people.person(p.id())))).field());
		people.endPost(post.id(), new PostEnding(LocalDate.of(2025, 6, 30), "离任"), null, Preconditions.tag(people.post(post.id())));
		assertEquals("reason", assertThrows(ProblemException.class, () -> people.seal(p.id(), new SealInput(" "), null, Preconditions.tag(people.person(p.id())))).field());
		Person sealed = people.seal(p.id(), new SealInput("离任"), "组织部", Preconditions.tag(people.person(p.id())));
		assertEquals("离任", sealed.seal().reason());
		assertEquals(sealed, people.person(p.id()).orElseThrow());

		List<Runnable> writes = List.of(
				() -> people.updatePerson(p.id(), new PersonInput(null, "王建国", null, null, p.idNumber(), null, null, null), null, Preconditions.tag(people.person(p.id()))),
				() -> people.addPost(p.id(), new PostInput(PostKind.COMMITTEE_MEMBER, community, LocalDate.of(2025, 7, 1), null, null), null),
				() -> people.seal(p.id(), new SealInput("again"), null, Preconditions.tag(people.person(p.id()))));
		for (Runnable write : writes) {
			ProblemException e = assertThrows(ProblemException.class, write::run);
			assertEquals(409, e.status());
			assertEquals("seal", e.field());
			assertTrue(e.detail().contains("离任"), e.detail());
		}
		assertEquals(4, archive.entries(p.id(), Paging.of(0, 10)).total());
		assertEquals("archive.sealed", archive.entries(p.id(), Paging.of(3, 1)).items().get(0).action());
		assertTrue(archive.verify(p.id()).intact());
	}
}
