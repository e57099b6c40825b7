package org.touyan.security.internal;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.touyan.api.rest.Nullable;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.Preconditions;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.security.Caller;
import org.touyan.api.security.Role;
import org.touyan.api.security.Sha256;
import org.touyan.api.store.Sql;
import org.touyan.api.store.Cluster;
import org.touyan.api.store.Store;

/**
 * User accounts and their sessions: login, bearer tokens, password changes, and the district
 * administrator of the first start.
 *
 * <p>There is no default password. On a start with no users the administrator is created with the
 * password given in the configuration, the framework property {@code touyan.admin.password} or
 * the environment variable {@code TOUYAN_ADMIN_PASSWORD}; without one, a one-time password is
 * generated and printed once on the console, and must be changed at the first login.
 */
@Component(service = Accounts.class, configurationPid = Accounts.PID)
@Designate(ocd = Accounts.Config.class)
public class Accounts {

	static final String PID = "touyan.security";
	static final String ADMIN_PASSWORD_PROPERTY = "touyan.admin.password";
	static final String ADMIN_PASSWORD_ENV = "TOUYAN_ADMIN_PASSWORD";

	private static final Logger LOG = LoggerFactory.getLogger(Accounts.class);
	/** Actors the platform writes itself into the audit log and archives: no user may pass for them. */
	private static final java.util.Set<String> RESERVED = java.util.Set.of("platform", "plugin-manager", "anonymous", "system", "shell");
	private static final SecureRandom RANDOM = new SecureRandom();

	@ObjectClassDefinition(name = "Touyan security", description = "Logins, sessions and the first administrator")
	public @interface Config {
		@AttributeDefinition(description = "How long a bearer token stays valid, in minutes")
		int tokenTtlMinutes() default 480;

		@AttributeDefinition(description = "PBKDF2-HMAC-SHA256 iterations for new password hashes")
		int passwordIterations() default Passwords.DEFAULT_ITERATIONS;

		@AttributeDefinition(description = "Login of the district administrator created on the first start")
		String adminLogin() default "admin";

		@AttributeDefinition(description = "Password of that administrator; empty: the touyan.admin.password property, the TOUYAN_ADMIN_PASSWORD environment variable, or a printed one-time password", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
		String adminPassword() default "";
	}

	/**
	 * A user as administrators read it; the password hash never leaves this class. {@code updatedAt}
	 * moves with every change, a new password included, so a GET's tag tells two resets apart.
	 */
	public record User(String id, String login, String displayName, Role role, String roleName, @Nullable String street,
			@Nullable String department, @Nullable String person, boolean mustChangePassword, boolean disabled, OffsetDateTime createdAt,
			OffsetDateTime updatedAt, @Nullable String district) {
	}

	/**
	 * What an administrator sends to create or change a user. {@code district} is required for a
	 * district administrator; a scoped user's follows from their street, department or person.
	 */
	public record UserInput(String login, String displayName, Role role, @Nullable String street, @Nullable String department, @Nullable String person,
			@Nullable Boolean disabled, @Nullable String district) {

		/** A user without a district named: the scoped roles', whose district follows from their scope. */
		public UserInput(String login, String displayName, Role role, String street, String department, String person, Boolean disabled) {
			this(login, displayName, role, street, department, person, disabled, null);
		}
	}

	/** A new user, or a reset one, with the one-time password to hand over. */
	public record Issued(User user, String oneTimePassword) {
	}

	/** A successful login. */
	public record Session(String token, OffsetDateTime expiresAt, User user) {
	}

	private final Store store;
	private final ScopeResolvers scopes;
	private final UserRules rules;
	private final CallerScopes callers;
	private final AuditLogImpl audit;
	private final Clock clock;
	private final Throttle throttle;
	private final SessionCache sessions = new SessionCache();
	/** The signal every write to users or sessions sends, so every node empties its cache of them. */
	static final String SESSIONS_CHANGED = "touyan_sessions";
	private final Cluster cluster;
	private final AutoCloseable sessionChanges;
	private volatile Passwords passwords;
	private volatile Duration tokenTtl;
	/** Done once the first start's administrator exists; what reads or writes users waits for it. */
	private final CompletableFuture<Void> firstAdministrator;

	@Activate
	public Accounts(@Reference(target = "(touyan.schema=security)") Store store, @Reference ScopeResolvers scopes,
			@Reference AuditLogImpl audit, @Reference Cluster cluster, Config config, BundleContext context) {
		this(store, scopes, audit, cluster, config, Clock.systemUTC(), adminPassword(config, context));
	}

	Accounts(Store store, ScopeResolvers scopes, AuditLogImpl audit, Cluster cluster, Config config, Clock clock, String adminPassword) {
		this.store = store;
		this.cluster = cluster;
		// another node changed users or sessions: what this node cached of them may be stale
		this.sessionChanges = cluster.listen(SESSIONS_CHANGED, payload -> sessions.invalidate());
		this.scopes = scopes;
		this.rules = new UserRules(scopes);
		this.callers = new CallerScopes(scopes);
		this.audit = audit;
		this.clock = clock;
		this.throttle = new Throttle(store, clock);
		modified(config);
		this.firstAdministrator = createFirstAdministrator(config.adminLogin(), adminPassword);
	}

	/** New lifetimes and iteration counts apply in place; sessions and lockouts stay. */
	@Modified
	void modified(Config config) {
		this.passwords = new Passwords(config.passwordIterations());
		this.tokenTtl = Duration.ofMinutes(Math.max(1, config.tokenTtlMinutes()));
	}

	private static String adminPassword(Config config, BundleContext context) {
		if (!config.adminPassword().isEmpty()) {
			return config.adminPassword();
		}
		String property = context.getProperty(ADMIN_PASSWORD_PROPERTY);
		if (property != null && !property.isEmpty()) {
			return property;
		}
		String env = System.getenv(ADMIN_PASSWORD_ENV);
		return env == null || env.isEmpty() ? null : env;
	}

	/**
	 * Creates the administrator when there are no users. The password hash takes a noticeable part of
	 * a second on purpose, so it is made beside the start rather than in its way; a login waits.
	 */
	private CompletableFuture<Void> createFirstAdministrator(String login, String configured) {
		boolean empty = store.read(c -> Sql.count(c, "SELECT COUNT(*) FROM sec_user") == 0);
		if (!empty) {
			return CompletableFuture.completedFuture(null);
		}
		String password = configured != null ? Passwords.checkNew("adminPassword", configured) : Passwords.generate();
		return CompletableFuture.runAsync(() -> createAdministrator(login, password, configured == null), runnable -> {
			Thread t = new Thread(runnable, "touyan-first-administrator");
			t.setDaemon(true);
			t.start();
		});
	}

	private void createAdministrator(String login, String password, boolean generated) {
		User admin;
		try {
			// no district: the first administrator is the installation's, reaching every district and creating them
			admin = insert(rules.installationAdministrator(new UserInput(login, "组织部管理员", Role.DISTRICT_ADMIN, null, null, null, false)),
					password, generated);
		} catch (ProblemException takenMeanwhile) {
			if (takenMeanwhile.status() != 409) {
				throw takenMeanwhile;
			}
			// another node on the same database, started at the same moment, created it first
			LOG.info("the district administrator '{}' was created by another node", login);
			return;
		}
		audit.append("platform", null, "user.create", admin.id(), "ok", null, "first district administrator '" + login + "'");
		if (generated) {
			// the only time this password exists outside the hash: on the operator's console
			System.out.println("""

					  Touyan: the district administrator '%s' was created with the one-time password
					      %s
					  It is shown only now and must be changed at the first login.
					""".formatted(login, password));
		} else {
			LOG.info("the district administrator '{}' was created with the configured password", login);
		}
	}

	// ---- sessions

	Session login(String login, String password) {
		firstAdministrator.join();
		if (login == null || password == null || login.length() > 64 || password.length() > Passwords.MAX_LENGTH) {
			throw wrongLogin();
		}
		Duration locked = throttle.attempt(login);
		if (!locked.isZero()) {
			audit.append(login, null, "session.login", null, "denied", null, "locked for " + locked.toSeconds() + " s");
			throw tooManyAttempts(locked);
		}
		Optional<UserRows.Stored> found = stored("login", login.strip().toLowerCase(Locale.ROOT));
		Passwords p = passwords;
		boolean ok;
		if (found.isEmpty()) {
			p.verifyNobody(password);
			ok = false;
		} else {
			ok = p.verify(password, found.get().passwordHash()) && !found.get().user().disabled();
		}
		if (!ok) {
			audit.append(login, null, "session.login", null, "denied", null, "wrong login or password");
			throw wrongLogin();
		}
		throttle.succeeded(login);
		User user = found.get().user();
		if (!p.isCurrent(found.get().passwordHash())) {
			// the count was raised since this password was set: re-hash while it is at hand
			setPassword(user.id(), p.hash(password), user.mustChangePassword());
		}
		byte[] raw = new byte[32];
		RANDOM.nextBytes(raw);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
		Instant now = clock.instant();
		Instant expires = now.plus(tokenTtl);
		write(c -> Sql.update(c, "INSERT INTO sec_token (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)", null, null,
				tokenHash(token), user.id(), utc(now), utc(expires)));
		audit.append(login, user.role().name(), "session.login", user.id(), "ok", null, null);
		return new Session(token, utc(expires), user);
	}

	/** The caller behind a bearer token, or empty for an unknown, expired or revoked one or a disabled user. */
	Optional<AuthenticatedCaller> authenticate(String token) {
		if (token == null || token.length() != 43) {
			return Optional.empty();
		}
		String hash = tokenHash(token);
		Instant now = clock.instant();
		return sessions.user(hash, now, () -> store.read(c -> Sql.one(c, UserRows.COLUMNS + ", t.expires_at FROM sec_token t"
				+ " JOIN sec_user u ON u.id = t.user_id WHERE t.token_hash = ? AND t.revoked_at IS NULL AND t.expires_at > ?"
				+ " AND u.disabled = FALSE", rs -> new SessionCache.Session(UserRows.user(rs), rs.getObject(14, OffsetDateTime.class).toInstant()),
				hash, utc(now)))).map(callers::caller);
	}

	void logout(String token) {
		write(c -> Sql.update(c, "UPDATE sec_token SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL", null, null,
				utc(clock.instant()), tokenHash(token)));
	}

	private static ProblemException tooManyAttempts(Duration locked) {
		return new ProblemException(429, "Too many failed attempts",
				"该登录名密码错误次数过多，请 " + Math.max(1, locked.toSeconds()) + " 秒后再试",
				"Too many failed password attempts for this name; try again in " + Math.max(1, locked.toSeconds()) + " s", null);
	}

	/** Changes the caller's own password; the current one must be given, and other sessions end. */
	void changePassword(String userId, String token, String current, String replacement) {
		UserRows.Stored s = stored("id", userId).orElseThrow(() -> ProblemException.notFound("用户", "user", userId));
		// a stolen token must not buy unlimited guesses at the password: the login's own back-off
		Duration locked = throttle.attempt(s.user().login());
		if (!locked.isZero()) {
			throw tooManyAttempts(locked);
		}
		if (current == null || !passwords.verify(current, s.passwordHash())) {
			throw ProblemException.invalid("currentPassword", "当前密码不正确", "currentPassword is not the current password");
		}
		throttle.succeeded(s.user().login());
		Passwords.checkNew("newPassword", replacement);
		if (replacement.equals(current)) {
			throw ProblemException.invalid("newPassword", "新密码不能与当前密码相同", "newPassword must differ from the current password");
		}
		setPassword(userId, passwords.hash(replacement), false);
		revokeSessions(userId, token);
	}

	// ---- users

	Page<User> users(Role role, Paging paging) {
		return users(role, paging, null);
	}

	/** The users of one role or all, those of the caller's district only for a caller bound to one (null: the installation). */
	Page<User> users(Role role, Paging paging, Caller caller) {
		firstAdministrator.join();
		String district = UserRules.boundDistrict(caller);
		List<String> where = new java.util.ArrayList<>();
		if (role != null) {
			where.add("u.role = ?");
		}
		if (district != null) {
			where.add("u.district_id = ?");
		}
		String clause = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
		return store.read(c -> Sql.page(c, UserRows.COLUMNS + " FROM sec_user u" + clause, "u.login", paging, UserRows::user,
				List.of(Sql.args(role == null ? null : role.name(), district))));
	}

	Optional<User> user(String id) {
		return stored("id", id).map(UserRows.Stored::user);
	}

	/** The user as the caller may see them: another district's users do not exist for a caller bound to a district. */
	Optional<User> user(String id, Caller caller) {
		return user(id).filter(u -> UserRules.sees(caller, u));
	}

	Optional<User> userByLogin(String login) {
		firstAdministrator.join();
		return stored("login", login).map(UserRows.Stored::user);
	}

	Issued create(UserInput input) {
		return create(input, null);
	}

	/** Creates a user as {@code caller} may (null: the installation's operator). */
	Issued create(UserInput input, Caller caller) {
		firstAdministrator.join();
		if (input == null) {
			throw ProblemException.invalid(null, "请填写登录名、姓名和角色（login、displayName、role）",
					"a body with login, displayName and role is required");
		}
		if (input.login() != null && RESERVED.contains(input.login().strip().toLowerCase(Locale.ROOT))) {
			throw ProblemException.invalid("login", "登录名 " + input.login().strip() + " 为平台自身在审计日志和档案中的保留名，请另选登录名",
					"'" + input.login().strip() + "' names the platform's own entries in the audit log and archives; choose another login");
		}
		String password = Passwords.generate();
		return new Issued(insert(rules.check(input, caller), password, true), password);
	}

	User update(String id, UserInput input, String ifMatch) {
		return update(id, input, ifMatch, null);
	}

	/** Changes a user as {@code caller} may (null: the installation's operator). */
	User update(String id, UserInput input, String ifMatch, Caller caller) {
		if (input == null) {
			throw ProblemException.invalid(null, "请填写姓名和角色（displayName、role）", "a body with displayName and role is required");
		}
		User current = user(id, caller).orElseThrow(() -> ProblemException.notFound("用户", "user", id));
		if (input.login() != null && !input.login().equals(current.login())) {
			throw ProblemException.invalid("login", "登录名不能修改，请新建用户", "a login cannot be changed; create a new user");
		}
		UserInput checked = rules.check(new UserInput(current.login(), input.displayName(), input.role(), input.street(),
				input.department(), input.person(), input.disabled(), input.district()), caller, current);
		boolean disabled = Boolean.TRUE.equals(checked.disabled());
		write(c -> {
			// the row lock first: a second change of this user compares with what the first wrote
			Sql.lock(c, "sec_user", id);
			Preconditions.check(ifMatch, UserRows.stored(c, "id", id).map(UserRows.Stored::user).orElseThrow(() -> ProblemException.notFound("用户", "user", id)));
			Sql.update(c, "UPDATE sec_user SET display_name = ?, role = ?, street_id = ?, department_id = ?, person_id = ?, disabled = ?,"
					+ " district_id = ?, updated_at = ? WHERE id = ?", null, null, checked.displayName(), checked.role().name(), checked.street(),
					checked.department(), checked.person(), disabled, checked.district(), utc(clock.instant()), id);
			// checked in the transaction, so two administrators demoting each other cannot both pass
			if (Sql.count(c, "SELECT COUNT(*) FROM sec_user WHERE role = ? AND disabled = FALSE", Role.DISTRICT_ADMIN.name()) == 0) {
				throw new ProblemException(409, "Conflict", "平台须至少保留一名启用的" + Role.DISTRICT_ADMIN.displayName()
						+ "（DISTRICT_ADMIN），请先指定另一名，再停用或变更此用户的角色",
						"The platform keeps at least one enabled district administrator (" + Role.DISTRICT_ADMIN.displayName()
								+ "); appoint another before disabling or demoting this one", null);
			}
			return null;
		});
		if (disabled || current.role() != checked.role()) {
			// a changed role or a disabled user must log in again: no session keeps the old rights
			revokeSessions(id, null);
		}
		return user(id).orElseThrow();
	}

	/**
	 * A new one-time password, for the user as {@code ifMatch} names them: two administrators who
	 * reset from one reading cannot both hand out a password, the second gets a 412.
	 */
	Issued resetPassword(String id, String ifMatch) {
		return resetPassword(id, ifMatch, null);
	}

	/** A reset as {@code caller} may: only of a user it sees (null: the installation's operator). */
	Issued resetPassword(String id, String ifMatch, Caller caller) {
		user(id, caller).orElseThrow(() -> ProblemException.notFound("用户", "user", id));
		String password = Passwords.generate();
		String hash = passwords.hash(password);
		write(c -> {
			Sql.lock(c, "sec_user", id);
			Preconditions.check(ifMatch, UserRows.stored(c, "id", id).map(UserRows.Stored::user).orElseThrow(() -> ProblemException.notFound("用户", "user", id)));
			updatePassword(c, id, hash, true);
			return null;
		});
		revokeSessions(id, null);
		return new Issued(user(id).orElseThrow(), password);
	}

	/** Stores a user that the rules checked already. */
	private User insert(UserInput checked, String password, boolean mustChange) {
		String id = UUID.randomUUID().toString();
		String hash = passwords.hash(password);
		OffsetDateTime now = utc(clock.instant());
		write(c -> {
			// the unique login answers the same 409 when two creates race past this check
			Sql.Conflict taken = new Sql.Conflict("login", "登录名 " + checked.login() + " 已被使用",
					"a user with login '" + checked.login() + "' exists already");
			if (Sql.count(c, "SELECT COUNT(*) FROM sec_user WHERE login = ?", checked.login()) > 0) {
				throw new ProblemException(409, "Conflict", taken.detail(), taken.detailEn(), taken.field());
			}
			return Sql.insert(c, "INSERT INTO sec_user (id, login, display_name, role, street_id, department_id, person_id, password_hash,"
					+ " must_change, disabled, created_at, updated_at, district_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", taken, id,
					checked.login(), checked.displayName(), checked.role().name(), checked.street(), checked.department(), checked.person(), hash,
					mustChange, Boolean.TRUE.equals(checked.disabled()), now, now, checked.district());
		});
		return user(id).orElseThrow();
	}

	private void setPassword(String userId, String hash, boolean mustChange) {
		write(c -> {
			updatePassword(c, userId, hash, mustChange);
			return null;
		});
	}

	private void updatePassword(Connection c, String userId, String hash, boolean mustChange) throws SQLException {
		Sql.update(c, "UPDATE sec_user SET password_hash = ?, must_change = ?, updated_at = ? WHERE id = ?", null, null, hash, mustChange,
				utc(clock.instant()), userId);
	}

	/** Ends every session of the user except the one with {@code keep} (null: all). */
	private void revokeSessions(String userId, String keep) {
		write(c -> Sql.update(c, "UPDATE sec_token SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL AND token_hash <> ?", null,
				null, utc(clock.instant()), userId, keep == null ? "" : tokenHash(keep)));
	}

	/**
	 * Every write to users or sessions: committed, then the cached sessions are forgotten, here at
	 * once and on the other nodes when the signal the write sends with its commit reaches them.
	 */
	private <T> T write(Store.SqlWork<T> work) {
		try {
			return store.write(c -> {
				T result = work.run(c);
				cluster.signal(c, SESSIONS_CHANGED, "");
				return result;
			});
		} finally {
			sessions.invalidate();
		}
	}

	@Deactivate
	void deactivate() throws Exception {
		sessionChanges.close();
	}

	private Optional<UserRows.Stored> stored(String column, String value) {
		return store.read(c -> UserRows.stored(c, column, value));
	}

	static String tokenHash(String token) {
		return Sha256.hex(token);
	}

	private static ProblemException wrongLogin() {
		return new ProblemException(401, "Unauthorized", "登录名或密码错误", "The login or the password is wrong", null);
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}
}
