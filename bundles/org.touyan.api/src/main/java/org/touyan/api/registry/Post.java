package org.touyan.api.registry;

import java.time.LocalDate;

import org.touyan.api.rest.Nullable;

/**
 * A post a person holds in a community or street from {@code startDate}; it is current while
 * {@code endDate} is null. A post that ends keeps its record: history is never overwritten.
 *
 * @param unitId the community, or the street for a {@link PostKind#STREET_CADRE street cadre}
 * @param dutyListId for a community Party secretary, the duty list version (职责清单) in force when
 *        the post began, or null when the district had none
 */
public record Post(String id, String personId, PostKind kind, String unitId, LocalDate startDate, @Nullable LocalDate endDate,
		@Nullable String endReason, @Nullable String dutyListId, @Nullable String kindLabel) {

	/** {@code kindLabel} is the kind's Chinese name (the code catalogue's {@code postKind}). */
	public Post {
		kindLabel = kind == null ? null : kind.displayName();
	}

	public Post(String id, String personId, PostKind kind, String unitId, LocalDate startDate, LocalDate endDate, String endReason,
			String dutyListId) {
		this(id, personId, kind, unitId, startDate, endDate, endReason, dutyListId, null);
	}
}
