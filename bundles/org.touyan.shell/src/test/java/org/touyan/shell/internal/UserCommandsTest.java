package org.touyan.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.security.Role;
import org.touyan.api.security.UserAccounts;

class UserCommandsTest {

	private final List<UserAccounts.Account> accounts = new ArrayList<>(List.of(
			new UserAccounts.Account("u1", "admin", "管理员", Role.DISTRICT_ADMIN, false, false),
			new UserAccounts.Account("u2", "zhang.san", "张三", Role.STREET_ADMIN, false, true)));
	private final Fakes.Audit audit = new Fakes.Audit();

	private final UserAccounts fake = new UserAccounts() {
		@Override
		public List<Account> accounts() {
			return accounts;
		}

		@Override
		public Account disable(String login) {
			Account a = find(login);
			if (a.role() == Role.DISTRICT_ADMIN) {
				throw new ProblemException(409, "Conflict", "平台须至少保留一名启用的组织部管理员", "The platform keeps at least one", null);
			}
			Account disabled = new Account(a.id(), a.login(), a.displayName(), a.role(), true, a.mustChangePassword());
			accounts.set(accounts.indexOf(a), disabled);
			return disabled;
		}

		@Override
		public String resetPassword(String login) {
			find(login);
			return "Xy7-one-time";
		}

		private Account find(String login) {
			return accounts.stream().filter(a -> a.login().equals(login)).findFirst()
					.orElseThrow(() -> new ProblemException(404, "Not found", "未找到登录名为 '" + login + "' 的用户", "No user", null));
		}
	};

	private final UserCommands commands = new UserCommands(fake, audit);

	@Test
	void usersListsRolesInChineseFirst() {
		String out = commands.users();
		assertTrue(out.lines().anyMatch(l -> l.startsWith("zhang.san") && l.contains("张三") && l.contains("街道管理员 STREET_ADMIN")
				&& l.endsWith("是 yes")), out);
		assertTrue(out.endsWith("共 2 个用户 (2 users)"), out);
	}

	@Test
	void disableIsAuditedAsTheShell() {
		String out = commands.disable("zhang.san");
		assertTrue(out.startsWith("已停用：zhang.san（张三）"), out);
		assertTrue(accounts.get(1).disabled());
		assertEquals(List.of("shell touyan:disable zhang.san ok null"), audit.entries);
	}

	@Test
	void theLastAdministratorStays() {
		String out = commands.disable("admin");
		assertTrue(out.startsWith("失败 failed: 平台须至少保留一名启用的组织部管理员"), out);
		assertTrue(audit.entries.get(0).startsWith("shell touyan:disable admin failed 409"), audit.entries.get(0));
	}

	@Test
	void resetShowsTheOneTimePasswordButNeverAuditsIt() {
		String out = commands.reset("zhang.san");
		assertTrue(out.contains("一次性密码 one-time password: Xy7-one-time"), out);
		assertEquals(List.of("shell touyan:reset zhang.san ok null"), audit.entries);
		assertFalse(audit.entries.get(0).contains("Xy7"));
		assertTrue(commands.reset("nobody").startsWith("失败 failed: 未找到登录名为 'nobody' 的用户"));
	}
}
