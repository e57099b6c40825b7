package org.touyan.api.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.touyan.api.rest.Nullable;

/**
 * A mid-term adjustment filing (规范备案) for one appointment or removal of a community Party
 * secretary: its six steps in order, the joint vetting by the district's vetting departments, and
 * the district-level filing (区级备案) that closes it and applies the post change.
 *
 * @param postId for a removal the post ended; for an appointment the post created once filed
 * @param pendingDepartments vetting departments that have not yet recorded a verdict
 */
public record Filing(String id, String districtId, FilingKind kind, String personId, @Nullable String communityId, @Nullable String postId,
		@Nullable LocalDate effectiveDate, FilingStatus status, List<FilingStep> steps, List<Vetting> vettings,
		List<String> pendingDepartments, @Nullable Instant closedAt, @Nullable String closedBy, @Nullable String closingNote,
		@Nullable String kindLabel, @Nullable String statusLabel) {

	/** {@code kindLabel} and {@code statusLabel} are the Chinese names (code catalogue {@code filingKind}, {@code filingStatus}). */
	public Filing {
		kindLabel = kind == null ? null : kind.displayName();
		statusLabel = status == null ? null : status.displayName();
	}

	public Filing(String id, String districtId, FilingKind kind, String personId, String communityId, String postId,
			LocalDate effectiveDate, FilingStatus status, List<FilingStep> steps, List<Vetting> vettings, List<String> pendingDepartments,
			Instant closedAt, String closedBy, String closingNote) {
		this(id, districtId, kind, personId, communityId, postId, effectiveDate, status, steps, vettings, pendingDepartments, closedAt,
				closedBy, closingNote, null, null);
	}
}
