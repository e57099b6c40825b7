package org.touyan.api.registry;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Paging;

/**
 * The organisation units of the registry. Every method validates its input and throws
 * {@link org.touyan.api.rest.ProblemException} naming the field at fault; nothing is written then.
 */
@ProviderType
public interface OrgUnits {

	Page<District> districts(Paging paging);

	Optional<District> district(String id);

	District createDistrict(UnitInput input);

	District updateDistrict(String id, UnitInput input);

	/** Streets of one district, or of all districts when {@code districtId} is null. */
	Page<Street> streets(String districtId, Paging paging);

	Optional<Street> street(String id);

	Street createStreet(UnitInput input);

	Street updateStreet(String id, UnitInput input);
}
