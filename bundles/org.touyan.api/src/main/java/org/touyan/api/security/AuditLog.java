package org.touyan.api.security;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The append-only audit log. Every mutating REST request and every denied one is written by the
 * platform itself; a bundle records here what happens outside a request (a plugin dropped in the
 * deploy folder) or what a request's status cannot say (the reason given to reveal a number).
 */
@ProviderType
public interface AuditLog {

	/**
	 * Appends an entry.
	 *
	 * @param actor who: a login, or a component name for the platform itself
	 * @param action what, e.g. {@code plugin.install} or {@code POST /api/people}
	 * @param target what it was done to, or null
	 * @param outcome {@code ok}, {@code denied} or {@code failed}
	 * @param detail free text, or null
	 */
	void record(String actor, String action, String target, String outcome, String detail);
}
