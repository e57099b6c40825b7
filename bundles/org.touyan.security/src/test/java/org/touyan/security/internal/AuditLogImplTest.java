package org.touyan.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;

import org.junit.jupiter.api.Test;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Paging;

class AuditLogImplTest {

	@Test
	void entriesAreChainedAndAnEditInTheMiddleIsFound() throws Exception {
		MemoryStore store = new MemoryStore();
		AuditLogImpl audit = new AuditLogImpl(store);
		audit.record("admin", "POST /api/people", "/api/people", "ok", null);
		audit.append("jiedao", "STREET_ADMIN", "GET /api/people/{id}", "/api/people/x", "denied", 404, "outside scope");
		audit.record("platform", "plugin.install", "org.touyan.plugin.star.district 1.0.0", "ok", "from deploy/");
		audit.flush();
		assertEquals(new org.touyan.api.security.AuditLog.Verification(3, true, null), audit.verify());

		store.write(c -> {
			try (PreparedStatement ps = c.prepareStatement("UPDATE sec_audit SET outcome = 'tampered' WHERE seq = 1")) {
				return ps.executeUpdate();
			}
		});
		org.touyan.api.security.AuditLog.Verification broken = audit.verify();
		assertFalse(broken.intact());
		assertEquals(1L, broken.firstBroken());
	}

	@Test
	void aRestartContinuesTheChain() throws Exception {
		MemoryStore store = new MemoryStore();
		AuditLogImpl first = new AuditLogImpl(store);
		first.record("a", "x", null, "ok", null);
		first.flush();
		AuditLogImpl second = new AuditLogImpl(store);
		second.record("b", "y", null, "ok", null);
		second.flush();
		assertTrue(new AuditLogImpl(store).verify().intact());
	}

	/** Two nodes on one database append in turns, each behind the other's tail: every entry is kept, the chain is one line. */
	@Test
	void twoNodesAppendToOneChain() throws Exception {
		MemoryStore store = new MemoryStore();
		AuditLogImpl one = new AuditLogImpl(store);
		AuditLogImpl two = new AuditLogImpl(store);
		for (int i = 0; i < 10; i++) {
			one.append("a", null, "POST /api/people", "/api/people/" + i, "ok", 201, null);
			two.append("b", null, "POST /api/people", "/api/people/" + i, "ok", 201, null);
		}
		assertEquals(new org.touyan.api.security.AuditLog.Verification(20, true, null), new AuditLogImpl(store).verify());
	}

	@Test
	void auditorsFilterNewestFirst() throws Exception {
		AuditLogImpl audit = new AuditLogImpl(new MemoryStore());
		for (int i = 0; i < 5; i++) {
			audit.record(i % 2 == 0 ? "admin" : "jiedao", "PUT /api/communities/{id}", "/api/communities/" + i, "ok", null);
		}
		audit.flush();
		Page<AuditLogImpl.Entry> admin = audit.entries(new AuditLogImpl.Query("admin", "PUT /api/comm", null, null, null),
				Paging.of(0, 2));
		assertEquals(3, admin.total());
		assertEquals("/api/communities/4", admin.items().get(0).target());
		assertEquals(2, admin.items().size());
	}
}
