package org.touyan.api.registry;

import java.time.LocalDate;

import org.touyan.api.rest.Nullable;

/**
 * A stay of a person in one tier of the reserve pipeline, for a street; current while
 * {@code leftOn} is null. A promotion ends one stay and starts the next, so the path is kept.
 */
public record ReserveMembership(String id, String personId, ReserveTier tier, String streetId, LocalDate enteredOn,
		String entryReason, @Nullable LocalDate leftOn, @Nullable String leaveReason, @Nullable String tierLabel) {

	/** {@code tierLabel} is the tier's Chinese name (the code catalogue's {@code reserveTier}). */
	public ReserveMembership {
		tierLabel = tier == null ? null : tier.displayName();
	}

	public ReserveMembership(String id, String personId, ReserveTier tier, String streetId, LocalDate enteredOn, String entryReason,
			LocalDate leftOn, String leaveReason) {
		this(id, personId, tier, streetId, enteredOn, entryReason, leftOn, leaveReason, null);
	}
}
