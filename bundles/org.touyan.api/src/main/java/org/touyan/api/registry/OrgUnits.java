package org.touyan.api.registry;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Paging;

/**
 * The organisation units of the registry. Every method validates its input and throws
 * {@link org.touyan.api.rest.ProblemException} naming the field at fault; nothing is written then.
 * A change of one unit takes {@code ifMatch}, the ETag of the unit as the caller read it
 * ({@link org.touyan.api.rest.Preconditions}): compared in the write's transaction, 428 when
 * missing, 412 when the unit changed meanwhile.
 */
@ProviderType
public interface OrgUnits {

	Page<District> districts(Paging paging);

	Optional<District> district(String id);

	District createDistrict(UnitInput input);

	District updateDistrict(String id, UnitInput input, String ifMatch);

	/** Streets of one district, or of all districts when {@code districtId} is null. */
	Page<Street> streets(String districtId, Paging paging);

	Optional<Street> street(String id);

	Street createStreet(UnitInput input);

	Street updateStreet(String id, UnitInput input, String ifMatch);

	DistrictSettings settings(String districtId);

	/**
	 * Changes a district's settings; forbidding joint committees across streets is a conflict while
	 * one of its committees spans streets.
	 */
	DistrictSettings updateSettings(String districtId, DistrictSettings settings, String ifMatch);

	/** Communities of one street, of one district, or of all when both are null. */
	Page<Community> communities(String districtId, String streetId, Paging paging);

	Optional<Community> community(String id);

	/** Creates a community in the street given as {@code parentId}. */
	Community createCommunity(UnitInput input);

	/** Renames a community or changes its code; it stays in its street. */
	Community updateCommunity(String id, UnitInput input, String ifMatch);

	/** Deletes a community that has never had a post, filing or joint committee (409 otherwise). */
	void deleteCommunity(String id, String ifMatch);

	Page<JointCommittee> jointCommittees(String districtId, Paging paging);

	Optional<JointCommittee> jointCommittee(String id);

	/**
	 * Creates a joint committee of 3–4 communities of its district, none of which belongs to another
	 * committee; they must share a street unless the district allows otherwise.
	 */
	JointCommittee createJointCommittee(JointCommitteeInput input);

	JointCommittee updateJointCommittee(String id, JointCommitteeInput input, String ifMatch);

	/** Dissolves a joint committee; its communities stay. */
	void deleteJointCommittee(String id, String ifMatch);

	/**
	 * Departments of a district (or of all), optionally only those that score ({@code scores}) or
	 * vet ({@code vets}).
	 */
	Page<Department> departments(String districtId, Boolean scores, Boolean vets, Paging paging);

	Optional<Department> department(String id);

	Department createDepartment(DepartmentInput input);

	Department updateDepartment(String id, DepartmentInput input, String ifMatch);

	/** Deletes a department that has recorded no vetting verdict (409 otherwise). */
	void deleteDepartment(String id, String ifMatch);
}
