package org.touyan.api.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Reference data a district maintains: the versioned duty list and selection standard, and each
 * street's five-person working group per election.
 */
@ProviderType
public interface ReferenceData {

	/** Every version of a list, oldest first. */
	List<ReferenceVersion> versions(String districtId, ReferenceKind kind);

	/** The version in force on {@code date}, if any. */
	Optional<ReferenceVersion> inForce(String districtId, ReferenceKind kind, LocalDate date);

	Optional<ReferenceVersion> version(String id);

	ReferenceVersion addVersion(String districtId, ReferenceKind kind, ReferenceInput input, String actor);

	List<WorkingGroup> workingGroups(String streetId);

	/** Sets up a working group; a street has one per term. Each member's archive records the role. */
	WorkingGroup createWorkingGroup(String streetId, WorkingGroupInput input, String actor);
}
