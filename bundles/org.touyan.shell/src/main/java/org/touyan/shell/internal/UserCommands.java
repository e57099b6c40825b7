package org.touyan.shell.internal;

import java.util.List;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.touyan.api.security.AuditLog;
import org.touyan.api.security.UserAccounts;
import org.touyan.api.security.UserAccounts.Account;

/** User accounts at the shell: list, disable, reset a password. */
@Component(service = UserCommands.class)
@GogoCommand(scope = "touyan", function = { "users", "disable", "reset" })
public class UserCommands {

	private final UserAccounts accounts;
	private final Outcome outcome;

	@Activate
	public UserCommands(@Reference UserAccounts accounts, @Reference AuditLog audit) {
		this.accounts = accounts;
		this.outcome = new Outcome(audit);
	}

	@Descriptor("所有用户：登录名、姓名、角色、是否停用 (every user account)")
	public String users() {
		List<Account> all = accounts.accounts();
		Table t = new Table("登录名 login", "姓名 name", "角色 role", "停用 disabled", "须改密码 must change");
		for (Account a : all) {
			t.row(a.login(), a.displayName(), a.role().displayName() + " " + a.role().name(), yesNo(a.disabled()),
					yesNo(a.mustChangePassword()));
		}
		return t + "共 " + all.size() + " 个用户 (" + all.size() + " users)";
	}

	@Descriptor("停用用户：其会话即刻结束，之后无法登录 (disables a user: sessions end, logins fail)")
	public String disable(@Descriptor("登录名 login") String login) {
		return outcome.audited("disable", login, () -> {
			Account a = accounts.disable(login);
			return "已停用：" + a.login() + "（" + a.displayName() + "），其会话已结束 (disabled " + a.login() + "; sessions ended)";
		});
	}

	@Descriptor("重置密码：给出一次性密码，须在下次登录时修改 (resets a password to a one-time one)")
	public String reset(@Descriptor("登录名 login") String login) {
		// the password is in the answer only, never in the audit entry
		return outcome.audited("reset", login, () -> {
			String oneTime = accounts.resetPassword(login);
			return "已重置 " + login + " 的密码，其会话已结束 (password reset, sessions ended)\n"
					+ "一次性密码 one-time password: " + oneTime + "\n"
					+ "请当面或经可靠渠道交给本人；首次登录时须修改 (hand it over in person; it must be changed at the next login)";
		});
	}

	static String yesNo(boolean value) {
		return value ? "是 yes" : "否 no";
	}
}
