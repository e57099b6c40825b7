package org.touyan.api.security;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The user accounts as an operator outside any request manages them (the operator shell): list,
 * disable, reset a password. The same rules hold as for {@code /api/users}: the last enabled
 * district administrator cannot be disabled, and a disabled or reset user's sessions end. The
 * caller writes the audit entry, naming itself as the actor.
 */
@ProviderType
public interface UserAccounts {

	/** Every account, by login. */
	List<Account> accounts();

	/**
	 * Disables the account with this login; its sessions end and its next login fails.
	 *
	 * @throws RuntimeException (a {@code ProblemException}) when there is no such login, or it is
	 *         the last enabled district administrator
	 */
	Account disable(String login);

	/**
	 * Gives the account a new one-time password, to be changed at its next login; its sessions end.
	 *
	 * @return the one-time password, shown once and never stored in clear
	 */
	String resetPassword(String login);

	/** An account as an operator reads it; no password hash. */
	record Account(String id, String login, String displayName, Role role, boolean disabled, boolean mustChangePassword) {
	}
}
