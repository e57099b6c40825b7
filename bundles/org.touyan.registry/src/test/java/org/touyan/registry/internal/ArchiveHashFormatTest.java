package org.touyan.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touyan.api.rest.Preconditions;
import org.touyan.api.registry.ArchiveEntry;
import org.touyan.api.registry.ArchiveVerification;
import org.touyan.api.registry.District;
import org.touyan.api.registry.Person;
import org.touyan.api.registry.PersonInput;
import org.touyan.api.registry.UnitInput;
import org.touyan.api.rest.Paging;
import org.touyan.api.security.Sha256;

/** Archive entries keep the hash encoding they were written in; new ones use the unambiguous one. */
class ArchiveHashFormatTest {

	private MemoryStore store;
	private PeopleImpl people;
	private ArchiveImpl archive;
	private Person person;

	@BeforeEach
	void setUp() throws Exception {
		store = MemoryStore.registry();
		District district = new OrgUnitsImpl(store).createDistrict(new UnitInput(null, "D1", "示范区", null));
		people = new PeopleImpl(store);
		archive = new ArchiveImpl(store);
		person = people.createPerson(new PersonInput(district.id(), "王建国", null, null, IdNumberTest.withCheck("32010619850315001"),
				"13800000000", "大学本科", LocalDate.of(2010, 7, 1)), "组织部张科长");
	}

	@Test
	void newEntriesAreWrittenInFormat2() throws Exception {
		assertEquals(List.of(Sha256.FORMAT_2), formats());
		assertTrue(archive.verify(person.id()).intact());
	}

	/** A chain written before this version: its entries are rehashed in format 1 as they were written then. */
	@Test
	void aChainWrittenInFormat1StillVerifiesAndGrowsInFormat2() throws Exception {
		downgradeToFormat1();
		assertTrue(archive.verify(person.id()).intact());
		people.updatePerson(person.id(), new PersonInput(person.districtId(), "王建国", null, null, person.idNumber(), "13900000000",
				"硕士研究生", LocalDate.of(2010, 7, 1)), "组织部李科长", Preconditions.tag(people.person(person.id())));
		assertEquals(List.of(Sha256.FORMAT_1, Sha256.FORMAT_2), formats());
		assertTrue(archive.verify(person.id()).intact(), archive.verify(person.id()).toString());
	}

	@Test
	void textMovedBetweenFieldsOfAFormat2EntryIsFound() throws Exception {
		ArchiveEntry first = archive.entries(person.id(), Paging.of(0, 1)).items().get(0);
		try (Connection c = store.connect(); PreparedStatement ps = c.prepareStatement(
				"UPDATE archive_entry SET actor = ?, action = ? WHERE person_id = ? AND seq = 1")) {
			// the newline and the action's first word move into the actor
			ps.setString(1, first.actor() + "\n" + first.action().substring(0, 3));
			ps.setString(2, first.action().substring(3));
			ps.setString(3, person.id());
			ps.executeUpdate();
		}
		ArchiveVerification v = archive.verify(person.id());
		assertFalse(v.intact());
		assertEquals(1L, v.firstBrokenSeq());
	}

	@Test
	void aFormat2EntryCannotBePassedOffAsFormat1() throws Exception {
		people.updatePerson(person.id(), new PersonInput(person.districtId(), "王建国", null, null, person.idNumber(), "13900000000",
				"硕士研究生", LocalDate.of(2010, 7, 1)), "组织部李科长", Preconditions.tag(people.person(person.id())));
		try (Connection c = store.connect(); Statement s = c.createStatement()) {
			s.executeUpdate("UPDATE archive_entry SET hash_format = 1 WHERE seq = 2");
		}
		ArchiveVerification v = archive.verify(person.id());
		assertFalse(v.intact());
		assertEquals(2L, v.firstBrokenSeq());
	}

	/** Rewrites the person's chain as the version before wrote it: format 1 hashes, the column's default. */
	private void downgradeToFormat1() throws Exception {
		String previous = ArchiveLog.GENESIS;
		List<ArchiveLog.Stored> entries = store.read(c -> ArchiveLog.stored(c, " WHERE person_id = ? ORDER BY seq", person.id()));
		try (Connection c = store.connect()) {
			for (ArchiveLog.Stored e : entries) {
				String hash = ArchiveLog.hash(Sha256.FORMAT_1, previous, e.personId(), e.seq(), e.at(), e.actor(), e.action(), e.subject(),
						e.before(), e.after());
				try (PreparedStatement ps = c.prepareStatement(
						"UPDATE archive_entry SET previous_hash = ?, hash = ?, hash_format = 1 WHERE person_id = ? AND seq = ?")) {
					ps.setString(1, previous);
					ps.setString(2, hash);
					ps.setString(3, e.personId());
					ps.setLong(4, e.seq());
					ps.executeUpdate();
				}
				previous = hash;
			}
			try (PreparedStatement ps = c.prepareStatement("UPDATE person SET archive_head = ? WHERE id = ?")) {
				ps.setString(1, previous);
				ps.setString(2, person.id());
				ps.executeUpdate();
			}
		}
	}

	private List<Integer> formats() throws Exception {
		return store.read(c -> ArchiveLog.stored(c, " WHERE person_id = ? ORDER BY seq", person.id()).stream()
				.map(ArchiveLog.Stored::format).toList());
	}
}
