package org.touyan.api.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Paging;

/**
 * The reserve pipeline (雏雁储备): people enter a tier, are promoted from the committee reserve to
 * the secretary reserve, and leave, each with a date and a reason and an archive entry.
 */
@ProviderType
public interface Reserve {

	// Promoting and leaving take ifMatch, the ETag of the stay as the caller read it
	// (org.touyan.api.rest.Preconditions): 428 when missing, 412 when it changed meanwhile.

	/** Filters of the pool; null fields do not filter. Ages are whole years on {@code asOf}. */
	record Query(String districtId, String streetId, ReserveTier tier, Integer minAge, Integer maxAge, LocalDate asOf) {
	}

	/** Current members matching the query, youngest first. */
	Page<ReserveMember> pool(Query query, Paging paging);

	/** A person's stays in the pipeline, oldest first. */
	List<ReserveMembership> memberships(String personId);

	Optional<ReserveMembership> membership(String id);

	ReserveMembership enter(String personId, ReserveEntry entry, String actor);

	/** Ends a committee-reserve stay and starts a secretary-reserve stay on the same date. */
	ReserveMembership promote(String membershipId, ReserveChange change, String actor, String ifMatch);

	ReserveMembership leave(String membershipId, ReserveChange change, String actor, String ifMatch);

	AssistantCoverage assistantCoverage(String districtId);
}
