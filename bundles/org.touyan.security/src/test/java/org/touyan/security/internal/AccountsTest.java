package org.touyan.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.Preconditions;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.security.Role;
import org.touyan.api.security.Scope;
import org.touyan.api.security.ScopeResolver;

class AccountsTest {

	private static final String ADMIN_PASSWORD = "configured-Admin-2026";

	private MemoryStore store;
	private AuditLogImpl audit;
	private ScopeResolvers scopes;
	private Accounts accounts;

	@BeforeEach
	void setUp() throws Exception {
		store = new MemoryStore();
		audit = new AuditLogImpl(store);
		scopes = new ScopeResolvers();
		ScopeResolver registry = (kind, id) -> switch (kind + ":" + id) {
		case "street:S1" -> Optional.of(Scope.street("S1"));
		case "person:P1" -> Optional.of(Scope.person("S1", "C1", "P1"));
		case "department:D1" -> Optional.of(Scope.department("D1"));
		// two districts, each with a street and a department
		case "district:A", "district:B" -> Optional.of(Scope.district(id));
		case "street:SA" -> Optional.of(Scope.street("SA").inDistrict("A"));
		case "street:SB" -> Optional.of(Scope.street("SB").inDistrict("B"));
		case "department:DA" -> Optional.of(Scope.department("DA").inDistrict("A"));
		case "department:DB" -> Optional.of(Scope.department("DB").inDistrict("B"));
		default -> Optional.empty();
		};
		scopes.addResolver(registry, Map.of(ScopeResolver.KINDS, new String[] { "street", "person", "department", "district" }));
		accounts = new Accounts(store, scopes, audit, new org.touyan.testing.MemoryCluster().node(), config(), Clock.systemUTC(), ADMIN_PASSWORD);
	}

	@Test
	void theFirstStartCreatesTheConfiguredAdministratorOnceAndOnlyThen() {
		Accounts.Session s = accounts.login("admin", ADMIN_PASSWORD);
		assertEquals(Role.DISTRICT_ADMIN, s.user().role());
		assertFalse(s.user().mustChangePassword());
		// a second start finds a user and creates none, whatever it is told
		new Accounts(store, scopes, audit, new org.touyan.testing.MemoryCluster().node(), config(), Clock.systemUTC(), "another-Password-1");
		assertEquals(1, accounts.users(null, Paging.of(0, 10)).total());
		assertThrows(ProblemException.class, () -> accounts.login("admin", "another-Password-1"));
	}

	@Test
	void withoutAConfiguredPasswordTheAdministratorMustChangeTheGeneratedOne() throws Exception {
		MemoryStore fresh = new MemoryStore();
		Accounts generated = new Accounts(fresh, scopes, new AuditLogImpl(fresh), new org.touyan.testing.MemoryCluster().node(), config(), Clock.systemUTC(), null);
		// made beside the start: reading the users waits for it
		assertEquals(1, generated.users(Role.DISTRICT_ADMIN, Paging.of(0, 10)).total());
		String hash = fresh.read(c -> {
			try (PreparedStatement ps = c.prepareStatement("SELECT password_hash, must_change FROM sec_user");
					ResultSet rs = ps.executeQuery()) {
				rs.next();
				assertTrue(rs.getBoolean(2));
				return rs.getString(1);
			}
		});
		assertTrue(hash.startsWith("pbkdf2-sha256$1000$"), "the password is stored hashed only");
	}

	@Test
	void aTokenAuthenticatesItsUserUntilLogout() {
		Accounts.Session s = accounts.login("admin", ADMIN_PASSWORD);
		assertEquals(43, s.token().length());
		AuthenticatedCaller caller = accounts.authenticate(s.token()).orElseThrow();
		assertEquals("admin", caller.login());
		accounts.logout(s.token());
		assertTrue(accounts.authenticate(s.token()).isEmpty());
		assertTrue(accounts.authenticate("x".repeat(43)).isEmpty());
	}

	/** A session made on one node works on another; a logout on either ends it on both, though the other had it cached. */
	@Test
	void aLogoutOnOneNodeEndsTheSessionOnEveryNode() {
		org.touyan.testing.MemoryCluster cluster = new org.touyan.testing.MemoryCluster();
		Accounts here = new Accounts(store, scopes, audit, cluster.node(), config(), Clock.systemUTC(), ADMIN_PASSWORD);
		Accounts there = new Accounts(store, scopes, audit, cluster.node(), config(), Clock.systemUTC(), ADMIN_PASSWORD);
		Accounts.Session s = here.login("admin", ADMIN_PASSWORD);
		assertEquals("admin", there.authenticate(s.token()).orElseThrow().login(), "the other node reads the session (and caches it)");
		assertEquals("admin", there.authenticate(s.token()).orElseThrow().login());
		here.logout(s.token());
		assertTrue(there.authenticate(s.token()).isEmpty(), "the other node's cached session ended with the logout");
	}

	@Test
	void theTokenIsStoredOnlyAsItsHash() {
		Accounts.Session s = accounts.login("admin", ADMIN_PASSWORD);
		String stored = store.read(c -> {
			try (PreparedStatement ps = c.prepareStatement("SELECT token_hash FROM sec_token"); ResultSet rs = ps.executeQuery()) {
				rs.next();
				return rs.getString(1);
			}
		});
		assertNotEquals(s.token(), stored);
		assertEquals(Accounts.tokenHash(s.token()), stored);
	}

	@Test
	void wrongPasswordsAndUnknownNamesGetTheSameAnswerAndLockAfterFive() {
		ProblemException wrong = assertThrows(ProblemException.class, () -> accounts.login("admin", "wrong-password-1"));
		ProblemException unknown = assertThrows(ProblemException.class, () -> accounts.login("nobody", "wrong-password-1"));
		assertEquals(401, wrong.status());
		assertEquals(wrong.getMessage(), unknown.getMessage());
		for (int i = 0; i < 4; i++) {
			assertThrows(ProblemException.class, () -> accounts.login("admin", "wrong-password-1"));
		}
		// locked: even the right password waits
		assertEquals(429, assertThrows(ProblemException.class, () -> accounts.login("admin", ADMIN_PASSWORD)).status());
		assertEquals(7, audit.entries(new AuditLogImpl.Query(null, "session.login", "denied", null, null), Paging.of(0, 50))
				.total());
	}

	@Test
	void guessingTheCurrentPasswordWithATokenLocksToo() {
		Accounts.Session s = accounts.login("admin", ADMIN_PASSWORD);
		String id = s.user().id();
		for (int i = 0; i < 5; i++) {
			assertEquals(400, assertThrows(ProblemException.class,
					() -> accounts.changePassword(id, s.token(), "wrong-password-1", "a-new-Password-2026")).status());
		}
		assertEquals(429, assertThrows(ProblemException.class,
				() -> accounts.changePassword(id, s.token(), ADMIN_PASSWORD, "a-new-Password-2026")).status());
		assertEquals(429, assertThrows(ProblemException.class, () -> accounts.login("admin", ADMIN_PASSWORD)).status(),
				"the same back-off as the login's");
	}

	@Test
	void theLastEnabledDistrictAdministratorStays() {
		String id = accounts.login("admin", ADMIN_PASSWORD).user().id();
		assertEquals(409, assertThrows(ProblemException.class,
				() -> accounts.update(id, new Accounts.UserInput(null, "管理员", Role.DISTRICT_ADMIN, null, null, null, true), Preconditions.tag(accounts.user(id)))).status());
		assertEquals(409, assertThrows(ProblemException.class,
				() -> accounts.update(id, new Accounts.UserInput(null, "管理员", Role.AUDITOR, null, null, null, null), Preconditions.tag(accounts.user(id)))).status());
		assertFalse(accounts.user(id).orElseThrow().disabled());
		assertEquals(Role.DISTRICT_ADMIN, accounts.user(id).orElseThrow().role());

		accounts.create(new Accounts.UserInput("admin2", "第二管理员", Role.DISTRICT_ADMIN, null, null, null, null, "A"));
		assertTrue(accounts.update(id, new Accounts.UserInput(null, "管理员", Role.DISTRICT_ADMIN, null, null, null, true), Preconditions.tag(accounts.user(id))).disabled(),
				"with another administrator the first may go");
	}

	@Test
	void aNewUserGetsAOneTimePasswordThatMustBeChanged() {
		Accounts.Issued issued = accounts.create(new Accounts.UserInput("Street.Admin", "街道管理员甲", Role.STREET_ADMIN, "S1",
				null, null, null));
		assertEquals("street.admin", issued.user().login());
		assertTrue(issued.user().mustChangePassword());
		Accounts.Session s = accounts.login("street.admin", issued.oneTimePassword());
		AuthenticatedCaller caller = accounts.authenticate(s.token()).orElseThrow();
		assertTrue(caller.mustChangePassword());
		assertEquals("S1", caller.scope().street());
		accounts.changePassword(issued.user().id(), s.token(), issued.oneTimePassword(), "街道的新密码-2026-11");
		assertFalse(accounts.authenticate(s.token()).orElseThrow().mustChangePassword());
		assertThrows(ProblemException.class, () -> accounts.login("street.admin", issued.oneTimePassword()));
	}

	@Test
	void aRoleNeedsExactlyItsScopeAndTheScopeMustExist() {
		assertEquals("street", assertThrows(ProblemException.class,
				() -> accounts.create(new Accounts.UserInput("s2", "无街道", Role.STREET_ADMIN, null, null, null, null))).field());
		assertEquals("street", assertThrows(ProblemException.class,
				() -> accounts.create(new Accounts.UserInput("s3", "外街道", Role.STREET_ADMIN, "S9", null, null, null))).field());
		assertEquals("department", assertThrows(ProblemException.class,
				() -> accounts.create(new Accounts.UserInput("a2", "审计", Role.AUDITOR, null, "D1", null, null))).field());
		assertEquals(409, assertThrows(ProblemException.class,
				() -> accounts.create(new Accounts.UserInput("ADMIN", "重名", Role.AUDITOR, null, null, null, null))).status());
		assertEquals("login", assertThrows(ProblemException.class,
				() -> accounts.create(new Accounts.UserInput("Plugin-Manager", "冒名", Role.AUDITOR, null, null, null, null))).field());
		assertEquals(1, accounts.users(null, Paging.of(0, 10)).total(), "nothing stored");
	}

	@Test
	void aSecretaryIsPlacedInTheCommunityOfTheirPost() {
		Accounts.Issued issued = accounts.create(new Accounts.UserInput("shuji", "书记", Role.SECRETARY, null, null, "P1", null));
		Accounts.Session s = accounts.login("shuji", issued.oneTimePassword());
		Scope own = accounts.authenticate(s.token()).orElseThrow().scope();
		assertEquals(new Scope("S1", "C1", "P1", null), own);
		assertTrue(Scope.community("S1", "C1").isWithin(Scope.Level.SELF, own));
		assertFalse(Scope.person("S1", "C1", "P2").isWithin(Scope.Level.SELF, own));
	}

	@Test
	void disablingAUserOrChangingTheRoleEndsTheirSessions() {
		Accounts.Issued issued = accounts.create(new Accounts.UserInput("aud", "审计员", Role.AUDITOR, null, null, null, null));
		Accounts.Session s = accounts.login("aud", issued.oneTimePassword());
		// seen once already, as every request after the login is: the next one must not be answered from memory
		assertEquals(Role.AUDITOR, accounts.authenticate(s.token()).orElseThrow().role());
		accounts.update(issued.user().id(), new Accounts.UserInput(null, "审计员", Role.PLUGIN_ADMIN, null, null, null, null), Preconditions.tag(accounts.user(issued.user().id())));
		assertTrue(accounts.authenticate(s.token()).isEmpty());
		Accounts.Session again = accounts.login("aud", issued.oneTimePassword());
		assertEquals(Role.PLUGIN_ADMIN, accounts.authenticate(again.token()).orElseThrow().role());
		accounts.update(issued.user().id(), new Accounts.UserInput(null, "审计员", Role.PLUGIN_ADMIN, null, null, null, true), Preconditions.tag(accounts.user(issued.user().id())));
		assertTrue(accounts.authenticate(again.token()).isEmpty());
		assertEquals(401, assertThrows(ProblemException.class, () -> accounts.login("aud", issued.oneTimePassword())).status());
	}

	@Test
	void twoResetsFromOneReadingCannotBothHandOutAPassword() {
		Accounts.Issued issued = accounts.create(new Accounts.UserInput("reset.me", "待重置", Role.AUDITOR, null, null, null, null));
		String id = issued.user().id();
		String read = Preconditions.tag(accounts.user(id));
		Accounts.Issued first = accounts.resetPassword(id, read);
		assertEquals(412, assertThrows(ProblemException.class, () -> accounts.resetPassword(id, read)).status(),
				"the second administrator read the user before the first reset");
		assertTrue(accounts.login("reset.me", first.oneTimePassword()).token() != null, "the first password still works");
		Accounts.Issued second = accounts.resetPassword(id, Preconditions.tag(accounts.user(id)));
		assertNotEquals(first.oneTimePassword(), second.oneTimePassword());
		assertEquals(404, assertThrows(ProblemException.class, () -> accounts.resetPassword("nobody", read)).status());
	}

	private static Accounts.Config config() {
		return new Accounts.Config() {
			@Override
			public Class<? extends Annotation> annotationType() {
				return Accounts.Config.class;
			}

			@Override
			public int tokenTtlMinutes() {
				return 60;
			}

			@Override
			public int passwordIterations() {
				return 1_000;
			}

			@Override
			public String adminLogin() {
				return "admin";
			}

			@Override
			public String adminPassword() {
				return "";
			}
		};
	}

	@Test
	void aDistrictAdministratorNeedsADistrictThatExistsAndTheFirstOneIsTheInstallations() {
		assertEquals("district", assertThrows(ProblemException.class,
				() -> accounts.create(new Accounts.UserInput("da.none", "无区", Role.DISTRICT_ADMIN, null, null, null, null))).field());
		assertEquals("district", assertThrows(ProblemException.class,
				() -> accounts.create(new Accounts.UserInput("da.z", "外区", Role.DISTRICT_ADMIN, null, null, null, null, "Z"))).field());
		assertEquals("district", assertThrows(ProblemException.class,
				() -> accounts.create(new Accounts.UserInput("city.a", "市级", Role.CITY_ADMIN, null, null, null, null, "A"))).field());
		AuthenticatedCaller a = callerOf(accounts.create(new Accounts.UserInput("da.a", "甲区管理员", Role.DISTRICT_ADMIN, null, null, null, null, "A")));
		assertEquals("A", a.scope().district());
		assertEquals(Scope.Level.DISTRICT, a.level());
		AuthenticatedCaller installation = accounts.authenticate(accounts.login("admin", ADMIN_PASSWORD).token()).orElseThrow();
		assertEquals(Scope.Level.CITY, installation.level(), "the first administrator has no district: it reaches every one");
		assertEquals(Scope.Level.CITY, callerOf(accounts.create(new Accounts.UserInput("city", "市级", Role.CITY_ADMIN, null, null, null, null))).level());
		AuthenticatedCaller street = callerOf(accounts.create(new Accounts.UserInput("sa.b", "乙街道", Role.STREET_ADMIN, "SB", null, null, null)));
		assertEquals("B", street.scope().district(), "a scoped user's district follows from the street");
		assertEquals("district", assertThrows(ProblemException.class,
				() -> accounts.create(new Accounts.UserInput("sa.x", "错区", Role.STREET_ADMIN, "SB", null, null, null, "A"))).field());
	}

	@Test
	void aDistrictAdministratorManagesTheUsersOfItsOwnDistrictOnly() {
		AuthenticatedCaller a = callerOf(accounts.create(new Accounts.UserInput("da.a", "甲区管理员", Role.DISTRICT_ADMIN, null, null, null, null, "A")));
		Accounts.User other = accounts.create(new Accounts.UserInput("sa.b", "乙街道", Role.STREET_ADMIN, "SB", null, null, null)).user();
		Accounts.User own = accounts.create(new Accounts.UserInput("sa.a", "甲街道", Role.STREET_ADMIN, "SA", null, null, null), a).user();
		assertEquals("A", own.district());
		assertEquals("street", assertThrows(ProblemException.class,
				() -> accounts.create(new Accounts.UserInput("sa.b2", "乙街道", Role.STREET_ADMIN, "SB", null, null, null), a)).field());
		assertEquals("department", assertThrows(ProblemException.class,
				() -> accounts.create(new Accounts.UserInput("ds.b", "乙部门", Role.DEPARTMENT_SCORER, null, "DB", null, null), a)).field());
		assertEquals("district", assertThrows(ProblemException.class,
				() -> accounts.create(new Accounts.UserInput("da.b", "乙区", Role.DISTRICT_ADMIN, null, null, null, null, "B"), a)).field());
		ProblemException city = assertThrows(ProblemException.class,
				() -> accounts.create(new Accounts.UserInput("city2", "市级", Role.CITY_ADMIN, null, null, null, null), a));
		assertEquals(403, city.status());
		assertEquals("role", city.field());
		assertEquals(java.util.Set.of("da.a", "sa.a"),
				accounts.users(null, Paging.of(0, 50), a).items().stream().map(Accounts.User::login).collect(java.util.stream.Collectors.toSet()));
		assertTrue(accounts.user(other.id(), a).isEmpty());
		assertEquals(404, assertThrows(ProblemException.class, () -> accounts.resetPassword(other.id(), Preconditions.tag(other), a)).status());
		assertEquals(404, assertThrows(ProblemException.class, () -> accounts.update(other.id(),
				new Accounts.UserInput(null, "改", Role.STREET_ADMIN, "SA", null, null, null), Preconditions.tag(other), a)).status());
		assertEquals(4, accounts.users(null, Paging.of(0, 50)).total(), "the installation sees every district's users");
	}

	private AuthenticatedCaller callerOf(Accounts.Issued issued) {
		return accounts.authenticate(accounts.login(issued.user().login(), issued.oneTimePassword()).token()).orElseThrow();
	}
}
