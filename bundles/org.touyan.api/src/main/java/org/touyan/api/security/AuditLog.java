package org.touyan.api.security;

import org.osgi.annotation.versioning.ProviderType;
import org.touyan.api.rest.Nullable;

/**
 * The append-only audit log. Every mutating REST request and every denied one is written by the
 * platform itself; a bundle records here what happens outside a request (a plugin dropped in the
 * deploy folder) or what a request's status cannot say (the reason given to reveal a number).
 * {@link #record} queues the entry; {@link #recordNow} waits until it is written or fails.
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

	/**
	 * Appends an entry and returns only once it is committed, in order with what was recorded
	 * before; for what must not happen unrecorded (revealing a number answers it only after its
	 * reason is written). Call it outside any open transaction: the entry is written in the audit
	 * log's own.
	 *
	 * @throws RuntimeException when the entry could not be written: nothing of it is kept, and the
	 *         caller refuses what it was about to do
	 */
	void recordNow(String actor, String action, String target, String outcome, String detail);

	/**
	 * Recomputes the hash chain from the first entry: how many entries hold, and the first that
	 * does not (changed, removed or reordered), as {@code GET /api/audit/verify} and the operator
	 * shell report it.
	 */
	Verification verify();

	/** The chain check: how many entries were read and the first whose hash does not hold. */
	record Verification(long entries, boolean intact, @Nullable Long firstBroken) {
	}
}
