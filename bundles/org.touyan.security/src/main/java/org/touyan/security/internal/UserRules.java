package org.touyan.security.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.touyan.api.rest.ProblemException;
import org.touyan.api.security.Caller;
import org.touyan.api.security.Role;
import org.touyan.api.security.Scope;
import org.touyan.security.internal.Accounts.User;
import org.touyan.security.internal.Accounts.UserInput;

/**
 * What a user may be: a login of lower-case letters and digits, a name, a role, exactly the scope
 * that role needs, which must exist, and the district it belongs to. Who creates or changes the
 * user matters too: a district administrator bound to a district only makes users of that district,
 * and only the installation (a city-wide caller, or none) makes city-wide ones.
 */
final class UserRules {

	private static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

	private final ScopeResolvers scopes;

	UserRules(ScopeResolvers scopes) {
		this.scopes = scopes;
	}

	/** The district a caller is bound to, or null for a city-wide caller or the installation itself (no caller). */
	static String boundDistrict(Caller caller) {
		return caller == null || caller.level() == Scope.Level.CITY ? null : caller.scope().district();
	}

	/** Whether the caller sees the user: every user for the installation, else only those of its own district. */
	static boolean sees(Caller caller, User user) {
		String district = boundDistrict(caller);
		return district == null || district.equals(user.district());
	}

	/** The first start's administrator: a district administrator without a district, the installation's. */
	UserInput installationAdministrator(UserInput input) {
		return new UserInput(login(input), name(input), Role.DISTRICT_ADMIN, null, null, null, input.disabled(), null);
	}

	/** The input of a new user checked for a caller (null: the installation's operator) with its district filled in. */
	UserInput check(UserInput input, Caller caller) {
		return check(input, caller, null);
	}

	/**
	 * The input checked for a caller, as a change of {@code current} (null for a new user). The
	 * installation's administrator (a district administrator without a district) stays one when an
	 * unbound caller changes its name or disables it; no other district administrator lacks a district.
	 */
	UserInput check(UserInput input, Caller caller, User current) {
		String login = login(input);
		String name = name(input);
		if (input.role() == null) {
			throw ProblemException.invalid("role", "请选择角色：" + roles(), "role is required, one of " + List.of(Role.values()));
		}
		Role role = input.role();
		String bound = boundDistrict(caller);
		if (role.level() == Scope.Level.CITY && bound != null) {
			throw new ProblemException(403, "Forbidden", "本区管理员不能设立全市范围的" + role.displayName() + "（" + role + "）",
					"A district's administrator cannot make a city-wide " + role.displayName() + " (" + role + ")", "role");
		}
		String street = scopeField(input.street(), "street", role == Role.STREET_ADMIN, role, bound);
		String department = scopeField(input.department(), "department", role == Role.DEPARTMENT_SCORER, role, bound);
		String person = scopeField(input.person(), "person", role == Role.SECRETARY, role, bound);
		if (role == Role.DISTRICT_ADMIN && bound == null && current != null && current.role() == Role.DISTRICT_ADMIN
				&& current.district() == null && (input.district() == null || input.district().isBlank())) {
			return new UserInput(login, name, role, null, null, null, input.disabled(), null);
		}
		String district = district(input.district(), role, bound, street != null ? "street" : department != null ? "department"
				: person != null ? "person" : null, street != null ? street : department != null ? department : person);
		return new UserInput(login, name, role, street, department, person, input.disabled(), district);
	}

	/**
	 * The user's district: named for a district administrator (within the caller's), none for a
	 * city-wide role, and that of the scope for a scoped one (a district named beside it must be it).
	 */
	private String district(String value, Role role, String bound, String scopeKind, String scopeId) {
		boolean given = value != null && !value.isBlank();
		String id = given ? value.strip() : null;
		switch (role.level()) {
		case CITY -> {
			if (given) {
				throw ProblemException.invalid("district", role.displayName() + "（" + role + "）面向全市，不应指定区",
						"a " + role.displayName() + " (" + role + ") is city-wide and has no district");
			}
			return null;
		}
		case DISTRICT -> {
			if (!given) {
				throw ProblemException.invalid("district", role.displayName() + "（" + role + "）须指定所属区",
						"a " + role.displayName() + " (" + role + ") needs a district");
			}
			if (!placed("district", id, bound).isPresent()) {
				throw ProblemException.invalid("district", "没有这个区：" + id, "no district with id '" + id + "'");
			}
			return id;
		}
		default -> {
			String derived = placed(scopeKind, scopeId, bound).map(Scope::district).orElse(null);
			if (given && !id.equals(derived)) {
				throw ProblemException.invalid("district", scopeName(scopeKind) + "不在区 " + id + " 内",
						"the " + scopeKind + " is not in district '" + id + "'");
			}
			return derived;
		}
		}
	}

	private String scopeField(String value, String kind, boolean required, Role role, String bound) {
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
		// another district's street is none, as it is in every other answer to this caller
		if (placed(kind, id, bound).isEmpty()) {
			throw ProblemException.invalid(kind, "没有这个" + scopeName(kind) + "：" + id, "no " + kind + " with id '" + id + "'");
		}
		return id;
	}

	/** The scope of what the id names, when it exists and lies in the caller's district (any for an unbound caller). */
	private Optional<Scope> placed(String kind, String id, String bound) {
		return scopes.resolve(kind, id).filter(s -> bound == null || bound.equals(s.district()));
	}

	private static String login(UserInput input) {
		String login = input.login() == null ? null : input.login().strip().toLowerCase(Locale.ROOT);
		if (login == null || !LOGIN.matcher(login).matches()) {
			throw ProblemException.invalid("login", "登录名应为 2 至 64 位小写字母、数字、“.”、“_”或“-”",
					"login must be 2 to 64 lower-case letters, digits, '.', '_' or '-'");
		}
		return login;
	}

	private static String name(UserInput input) {
		String name = input.displayName() == null ? "" : input.displayName().strip();
		if (name.isEmpty() || name.length() > 100) {
			throw ProblemException.invalid("displayName", "请填写姓名，最多 100 个字", "displayName is required, at most 100 characters");
		}
		return name;
	}

	/** The scope a user is tied to, as users name it. */
	private static String scopeName(String kind) {
		return switch (kind) {
		case "district" -> "区";
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
}
