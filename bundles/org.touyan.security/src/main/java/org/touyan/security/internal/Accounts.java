package org.touyan.security.internal;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
import java.util.regex.Pattern;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
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
import org.touyan.api.security.Role;
import org.touyan.api.security.Sha256;
import org.touyan.api.security.Scope;
import org.touyan.api.store.Sql;
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
	private static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
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
			OffsetDateTime updatedAt) {
	}

	/** What an administrator sends to create or change a user. */
	public record UserInput(String login, String displayName, Role role, @Nullable String street, @Nullable String department, @Nullable String person,
			@Nullable Boolean disabled) {
	}

	/** A new user, or a reset one, with the one-time password to hand over. */
	public record Issued(User user, String oneTimePassword) {
	}

	/** A successful login. */
	public record Session(String token, OffsetDateTime expiresAt, User user) {
	}

	private record Stored(User user, String passwordHash) {
	}

	private final Store store;
	private final ScopeResolvers scopes;
	private final AuditLogImpl audit;
	private final Clock clock;
	private final Throttle throttle;
	private final SessionCache sessions = new SessionCache();
	private volatile Passwords passwords;
	private volatile Duration tokenTtl;
	/** Done once the first start's administrator exists; what reads or writes users waits for it. */
	private final CompletableFuture<Void> firstAdministrator;

	@Activate
	public Accounts(@Reference(target = "(touyan.schema=security)") Store store, @Reference ScopeResolvers scopes,
			@Reference AuditLogImpl audit, Config config, BundleContext context) {
		this(store, scopes, audit, config, Clock.systemUTC(), adminPassword(config, context));
	}

	Accounts(Store store, ScopeResolvers scopes, AuditLogImpl audit, Config config, Clock clock, String adminPassword) {
		this.store = store;
		this.scopes = scopes;
		this.audit = audit;
		this.clock = clock;
		this.throttle = new Throttle(clock);
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
		boolean empty = store.read(c -> {
			try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM sec_user"); ResultSet rs = ps.executeQuery()) {
				rs.next();
				return rs.getLong(1) == 0;
			}
		});
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
		User admin = insert(new UserInput(login, "组织部管理员", Role.DISTRICT_ADMIN, null, null, null, false), password,
				generated);
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
		Optional<Stored> found = stored("login", login.strip().toLowerCase(Locale.ROOT));
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
		write(c -> {
			try (PreparedStatement ps = c.prepareStatement(
					"INSERT INTO sec_token (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)")) {
				ps.setString(1, tokenHash(token));
				ps.setString(2, user.id());
				ps.setObject(3, utc(now));
				ps.setObject(4, utc(expires));
				ps.executeUpdate();
			}
			return null;
		});
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
		return sessions.user(hash, now, () -> store.read(c -> {
			try (PreparedStatement ps = c.prepareStatement(USER_COLUMNS + ", t.expires_at FROM sec_token t JOIN sec_user u ON u.id = t.user_id"
					+ " WHERE t.token_hash = ? AND t.revoked_at IS NULL AND t.expires_at > ? AND u.disabled = FALSE")) {
				ps.setString(1, hash);
				ps.setObject(2, utc(now));
				try (ResultSet rs = ps.executeQuery()) {
					return rs.next() ? Optional.of(new SessionCache.Session(user(rs), rs.getObject(13, OffsetDateTime.class).toInstant()))
							: Optional.<SessionCache.Session>empty();
				}
			}
		})).map(this::caller);
	}

	void logout(String token) {
		write(c -> {
			try (PreparedStatement ps = c.prepareStatement(
					"UPDATE sec_token SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL")) {
				ps.setObject(1, utc(clock.instant()));
				ps.setString(2, tokenHash(token));
				ps.executeUpdate();
			}
			return null;
		});
	}

	private static ProblemException tooManyAttempts(Duration locked) {
		return new ProblemException(429, "Too many failed attempts",
				"该登录名密码错误次数过多，请 " + Math.max(1, locked.toSeconds()) + " 秒后再试",
				"Too many failed password attempts for this name; try again in " + Math.max(1, locked.toSeconds()) + " s", null);
	}

	/** Changes the caller's own password; the current one must be given, and other sessions end. */
	void changePassword(String userId, String token, String current, String replacement) {
		Stored s = stored("id", userId).orElseThrow(() -> ProblemException.notFound("用户", "user", userId));
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
		firstAdministrator.join();
		String where = role == null ? "" : " WHERE u.role = ?";
		return store.read(c -> Sql.page(c, USER_COLUMNS + " FROM sec_user u" + where, "u.login", paging, Accounts::user,
				List.of(Sql.args(role == null ? null : role.name()))));
	}

	Optional<User> user(String id) {
		return stored("id", id).map(Stored::user);
	}

	Optional<User> userByLogin(String login) {
		firstAdministrator.join();
		return stored("login", login).map(Stored::user);
	}

	Issued create(UserInput input) {
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
		return new Issued(insert(input, password, true), password);
	}

	User update(String id, UserInput input, String ifMatch) {
		if (input == null) {
			throw ProblemException.invalid(null, "请填写姓名和角色（displayName、role）", "a body with displayName and role is required");
		}
		User current = user(id).orElseThrow(() -> ProblemException.notFound("用户", "user", id));
		if (input.login() != null && !input.login().equals(current.login())) {
			throw ProblemException.invalid("login", "登录名不能修改，请新建用户", "a login cannot be changed; create a new user");
		}
		UserInput checked = check(new UserInput(current.login(), input.displayName(), input.role(), input.street(),
				input.department(), input.person(), input.disabled()));
		boolean disabled = Boolean.TRUE.equals(checked.disabled());
		write(c -> {
			// the row lock first: a second change of this user compares with what the first wrote
			try (PreparedStatement ps = c.prepareStatement("UPDATE sec_user SET updated_at = updated_at WHERE id = ?")) {
				ps.setString(1, id);
				ps.executeUpdate();
			}
			Preconditions.check(ifMatch, stored(c, "id", id).map(Stored::user).orElseThrow(() -> ProblemException.notFound("用户", "user", id)));
			try (PreparedStatement ps = c.prepareStatement("UPDATE sec_user SET display_name = ?, role = ?, street_id = ?,"
					+ " department_id = ?, person_id = ?, disabled = ?, updated_at = ? WHERE id = ?")) {
				ps.setString(1, checked.displayName());
				ps.setString(2, checked.role().name());
				ps.setString(3, checked.street());
				ps.setString(4, checked.department());
				ps.setString(5, checked.person());
				ps.setBoolean(6, disabled);
				ps.setObject(7, utc(clock.instant()));
				ps.setString(8, id);
				ps.executeUpdate();
			}
			// checked in the transaction, so two administrators demoting each other cannot both pass
			try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM sec_user WHERE role = ? AND disabled = FALSE")) {
				ps.setString(1, Role.DISTRICT_ADMIN.name());
				try (ResultSet rs = ps.executeQuery()) {
					rs.next();
					if (rs.getInt(1) == 0) {
						throw new ProblemException(409, "Conflict", "平台须至少保留一名启用的" + Role.DISTRICT_ADMIN.displayName()
								+ "（DISTRICT_ADMIN），请先指定另一名，再停用或变更此用户的角色",
								"The platform keeps at least one enabled district administrator (" + Role.DISTRICT_ADMIN.displayName()
										+ "); appoint another before disabling or demoting this one", null);
					}
				}
			}
			return null;
		});
		if (disabled || current.role() != checked.role()) {
			// a changed role or a disabled user must log in again: no session keeps the old rights
			revokeSessions(id, null);
		}
		return user(id).orElseThrow();
	}

	/** A new one-time password for a user who lost theirs; their sessions end. */
	/**
	 * A new one-time password, for the user as {@code ifMatch} names them: two administrators who
	 * reset from one reading cannot both hand out a password, the second gets a 412.
	 */
	Issued resetPassword(String id, String ifMatch) {
		String password = Passwords.generate();
		String hash = passwords.hash(password);
		write(c -> {
			try (PreparedStatement ps = c.prepareStatement("UPDATE sec_user SET updated_at = updated_at WHERE id = ?")) {
				ps.setString(1, id);
				ps.executeUpdate();
			}
			Preconditions.check(ifMatch, stored(c, "id", id).map(Stored::user).orElseThrow(() -> ProblemException.notFound("用户", "user", id)));
			updatePassword(c, id, hash, true);
			return null;
		});
		revokeSessions(id, null);
		return new Issued(user(id).orElseThrow(), password);
	}

	private User insert(UserInput input, String password, boolean mustChange) {
		UserInput checked = check(input);
		String id = UUID.randomUUID().toString();
		String hash = passwords.hash(password);
		OffsetDateTime now = utc(clock.instant());
		write(c -> {
			if (exists(c, checked.login())) {
				throw new ProblemException(409, "Conflict", "登录名 " + checked.login() + " 已被使用",
						"a user with login '" + checked.login() + "' exists already", "login");
			}
			try (PreparedStatement ps = c.prepareStatement("INSERT INTO sec_user (id, login, display_name, role, street_id,"
					+ " department_id, person_id, password_hash, must_change, disabled, created_at, updated_at)"
					+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
				ps.setString(1, id);
				ps.setString(2, checked.login());
				ps.setString(3, checked.displayName());
				ps.setString(4, checked.role().name());
				ps.setString(5, checked.street());
				ps.setString(6, checked.department());
				ps.setString(7, checked.person());
				ps.setString(8, hash);
				ps.setBoolean(9, mustChange);
				ps.setBoolean(10, Boolean.TRUE.equals(checked.disabled()));
				ps.setObject(11, now);
				ps.setObject(12, now);
				ps.executeUpdate();
			}
			return null;
		});
		return user(id).orElseThrow();
	}

	/** The input's rules: a login of lower-case letters and digits; exactly the scope the role needs. */
	private UserInput check(UserInput input) {
		String login = input.login() == null ? null : input.login().strip().toLowerCase(Locale.ROOT);
		if (login == null || !LOGIN.matcher(login).matches()) {
			throw ProblemException.invalid("login", "登录名应为 2 至 64 位小写字母、数字、“.”、“_”或“-”",
					"login must be 2 to 64 lower-case letters, digits, '.', '_' or '-'");
		}
		String name = input.displayName() == null ? "" : input.displayName().strip();
		if (name.isEmpty() || name.length() > 100) {
			throw ProblemException.invalid("displayName", "请填写姓名，最多 100 个字", "displayName is required, at most 100 characters");
		}
		if (input.role() == null) {
			throw ProblemException.invalid("role", "请选择角色：" + roles(), "role is required, one of " + List.of(Role.values()));
		}
		Role role = input.role();
		String street = scopeField(input.street(), "street", role == Role.STREET_ADMIN, role);
		String department = scopeField(input.department(), "department", role == Role.DEPARTMENT_SCORER, role);
		String person = scopeField(input.person(), "person", role == Role.SECRETARY, role);
		return new UserInput(login, name, role, street, department, person, input.disabled());
	}

	private String scopeField(String value, String kind, boolean required, Role role) {
		boolean given = value != null && !value.isBlank();
		if (required && !given) {
			throw ProblemException.invalid(kind, role.displayName() + "（" + role + "）须指定" + scopeName(kind),
					"a " + role.displayName() + " (" + role + ") needs a " + kind);
		}
		if (!required && given) {
			throw ProblemException.invalid(kind, role.displayName() + "（" + role + "）不应指定" + scopeName(kind),
					"a " + role.displayName() + " (" + role + ") has no " + kind);
		}
		if (!given) {
			return null;
		}
		String id = value.strip();
		if (scopes.resolve(kind, id).isEmpty()) {
			throw ProblemException.invalid(kind, "没有这个" + scopeName(kind) + "：" + id, "no " + kind + " with id '" + id + "'");
		}
		return id;
	}

	/** The scope a user is tied to, as users name it. */
	private static String scopeName(String kind) {
		return switch (kind) {
		case "street" -> "街道";
		case "department" -> "部门";
		case "person" -> "人员";
		default -> kind;
		};
	}

	/** The roles as users read them: 组织部管理员（DISTRICT_ADMIN）、… */
	static String roles() {
		StringBuilder b = new StringBuilder();
		for (Role r : Role.values()) {
			b.append(b.length() == 0 ? "" : "、").append(r.displayName()).append("（").append(r.name()).append("）");
		}
		return b.toString();
	}

	private AuthenticatedCaller caller(User u) {
		Scope own = switch (u.role().level()) {
		case STREET -> Scope.street(u.street());
		case DEPARTMENT -> Scope.department(u.department());
		// a secretary's community follows their current post, so it is looked up at each request
		case SELF -> new Scope(null, null, u.person(), null)
				.merge(scopes.resolve("person", u.person()).orElse(Scope.NONE));
		case DISTRICT -> Scope.NONE;
		};
		return new AuthenticatedCaller(u.id(), u.login(), u.displayName(), u.role(), own, u.mustChangePassword());
	}

	private void setPassword(String userId, String hash, boolean mustChange) {
		write(c -> {
			updatePassword(c, userId, hash, mustChange);
			return null;
		});
	}

	private void updatePassword(Connection c, String userId, String hash, boolean mustChange) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement("UPDATE sec_user SET password_hash = ?, must_change = ?, updated_at = ? WHERE id = ?")) {
			ps.setString(1, hash);
			ps.setBoolean(2, mustChange);
			ps.setObject(3, utc(clock.instant()));
			ps.setString(4, userId);
			ps.executeUpdate();
		}
	}

	/** Ends every session of the user except the one with {@code keep} (null: all). */
	private void revokeSessions(String userId, String keep) {
		write(c -> {
			try (PreparedStatement ps = c.prepareStatement("UPDATE sec_token SET revoked_at = ? WHERE user_id = ?"
					+ " AND revoked_at IS NULL AND token_hash <> ?")) {
				ps.setObject(1, utc(clock.instant()));
				ps.setString(2, userId);
				ps.setString(3, keep == null ? "" : tokenHash(keep));
				ps.executeUpdate();
			}
			return null;
		});
	}

	private static final String USER_COLUMNS = "SELECT u.id, u.login, u.display_name, u.role, u.street_id, u.department_id,"
			+ " u.person_id, u.must_change, u.disabled, u.created_at, u.password_hash, u.updated_at";

	/** Every write to users or sessions: committed, then the cached sessions are forgotten. */
	private <T> T write(Store.SqlWork<T> work) {
		try {
			return store.write(work);
		} finally {
			sessions.invalidate();
		}
	}

	private Optional<Stored> stored(String column, String value) {
		return store.read(c -> stored(c, column, value));
	}

	private static Optional<Stored> stored(Connection c, String column, String value) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement(USER_COLUMNS + " FROM sec_user u WHERE u." + column + " = ?")) {
			ps.setString(1, value);
			try (ResultSet rs = ps.executeQuery()) {
				return rs.next() ? Optional.of(new Stored(user(rs), rs.getString(11))) : Optional.<Stored>empty();
			}
		}
	}

	private static User user(ResultSet rs) throws SQLException {
		Role role = Role.valueOf(rs.getString(4));
		return new User(rs.getString(1), rs.getString(2), rs.getString(3), role, role.displayName(), rs.getString(5),
				rs.getString(6), rs.getString(7), rs.getBoolean(8), rs.getBoolean(9), rs.getObject(10, OffsetDateTime.class),
				rs.getObject(12, OffsetDateTime.class));
	}

	private static boolean exists(Connection c, String login) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM sec_user WHERE login = ?")) {
			ps.setString(1, login);
			try (ResultSet rs = ps.executeQuery()) {
				return rs.next();
			}
		}
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
