package org.touyan.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.ws.rs.core.SecurityContext;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touyan.api.registry.District;
import org.touyan.api.registry.PersonInput;
import org.touyan.api.registry.UnitInput;
import org.touyan.api.security.AuditLog;
import org.touyan.api.store.StoreException;

/** A reveal answers the number only once its reason is in the audit log. */
class RevealTest {

	private PeopleImpl people;
	private String person;

	@BeforeEach
	void setUp() throws Exception {
		MemoryStore store = MemoryStore.registry();
		District district = new OrgUnitsImpl(store).createDistrict(new UnitInput(null, "D1", "示范区", null));
		people = new PeopleImpl(store);
		person = people.createPerson(new PersonInput(district.id(), "王建国", null, null, IdNumberTest.withCheck("32010619850315001"),
				"13800000000", "大学本科", LocalDate.of(2010, 7, 1)), "组织部张科长").id();
	}

	@Test
	void aRevealWhoseReasonCannotBeWrittenIsRefusedAndAnswersNothing() {
		Audit failing = new Audit(true);
		PeopleResource resource = new PeopleResource(people, null, null, failing);
		assertThrows(StoreException.class,
				() -> resource.reveal(admin(), person, new PeopleResource.RevealRequest("idNumber", "核对身份信息")));
		assertEquals(List.of(), failing.written);
	}

	@Test
	void aRevealAnswersTheNumberOnceItsReasonIsWritten() {
		Audit audit = new Audit(false);
		PeopleResource.Revealed revealed = new PeopleResource(people, null, null, audit).reveal(admin(), person,
				new PeopleResource.RevealRequest("phone", "联系本人"));
		assertEquals("13800000000", revealed.value());
		assertEquals(List.of("admin person.reveal " + person + " phone: 联系本人"), audit.written);
	}

	private static SecurityContext admin() {
		Principal caller = () -> "admin";
		return new SecurityContext() {
			@Override
			public Principal getUserPrincipal() {
				return caller;
			}

			@Override
			public boolean isUserInRole(String role) {
				return false;
			}

			@Override
			public boolean isSecure() {
				return false;
			}

			@Override
			public String getAuthenticationScheme() {
				return "Bearer";
			}
		};
	}

	/** An audit log whose synchronous writes fail or succeed; queued writes are lost, as a failed writer loses them. */
	private static final class Audit implements AuditLog {
		final List<String> written = new ArrayList<>();
		private final boolean failing;

		Audit(boolean failing) {
			this.failing = failing;
		}

		@Override
		public void record(String actor, String action, String target, String outcome, String detail) {
			// queued, written later or never: nothing the caller can rely on
		}

		@Override
		public Verification verify() {
			return new Verification(written.size(), true, null);
		}

		@Override
		public void recordNow(String actor, String action, String target, String outcome, String detail) {
			if (failing) {
				throw new StoreException("database failure in schema security: disk full", null);
			}
			written.add(actor + " " + action + " " + target + " " + detail);
		}
	}
}
