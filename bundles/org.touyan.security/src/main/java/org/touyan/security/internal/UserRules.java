package org.touyan.security.internal;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.touyan.api.rest.ProblemException;
import org.touyan.api.security.Role;
import org.touyan.security.internal.Accounts.UserInput;

/** What a user may be: a login of lower-case letters and digits, a name, a role, and exactly the scope that role needs, which must exist. */
final class UserRules {

	private static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

	private final ScopeResolvers scopes;

	UserRules(ScopeResolvers scopes) {
		this.scopes = scopes;
	}

	/** The input's rules: a login of lower-case letters and digits; exactly the scope the role needs. */
	UserInput check(UserInput input) {
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
}
