package org.touyan.security.internal;

import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.Preconditions;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.security.UserAccounts;

/**
 * {@link UserAccounts} on {@link Accounts}: what {@code /api/users} does for a disable or a
 * password reset, for an operator outside a request. Each change is made against the user as it
 * was just read, so the same checks (the last district administrator) and lock order hold.
 */
@Component(service = UserAccounts.class)
public class AccountOperations implements UserAccounts {

	private final Accounts accounts;

	@Activate
	public AccountOperations(@Reference Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public List<Account> accounts() {
		List<Account> all = new java.util.ArrayList<>();
		for (int offset = 0;; offset += org.touyan.api.rest.RestConstants.MAX_LIMIT) {
			var page = accounts.users(null, Paging.of(offset, org.touyan.api.rest.RestConstants.MAX_LIMIT));
			page.items().stream().map(AccountOperations::account).forEach(all::add);
			if (page.items().isEmpty() || all.size() >= page.total()) {
				return all;
			}
		}
	}

	@Override
	public Account disable(String login) {
		Accounts.User current = find(login);
		Accounts.UserInput input = new Accounts.UserInput(current.login(), current.displayName(), current.role(), current.street(),
				current.department(), current.person(), true, current.district());
		return account(accounts.update(current.id(), input, Preconditions.tag(current)));
	}

	@Override
	public String resetPassword(String login) {
		Accounts.User current = find(login);
		return accounts.resetPassword(current.id(), Preconditions.tag(current)).oneTimePassword();
	}

	private Accounts.User find(String login) {
		String normalized = login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
		return accounts.userByLogin(normalized).orElseThrow(() -> new ProblemException(404, "Not found",
				"未找到登录名为 '" + normalized + "' 的用户", "No user with login '" + normalized + "'", null));
	}

	private static Account account(Accounts.User u) {
		return new Account(u.id(), u.login(), u.displayName(), u.role(), u.disabled(), u.mustChangePassword());
	}
}
