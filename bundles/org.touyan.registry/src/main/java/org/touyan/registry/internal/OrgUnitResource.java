package org.touyan.registry.internal;

import static org.touyan.api.security.Role.DEPARTMENT_SCORER;
import static org.touyan.api.security.Role.DISTRICT_ADMIN;
import static org.touyan.api.security.Role.PLUGIN_ADMIN;
import static org.touyan.api.security.Role.SECRETARY;
import static org.touyan.api.security.Role.STREET_ADMIN;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.Context;
import java.util.List;
import org.touyan.api.security.Authorization;
import org.touyan.api.security.Caller;
import org.touyan.api.security.Scope;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.touyan.api.registry.Community;
import org.touyan.api.registry.Department;
import org.touyan.api.registry.DepartmentInput;
import org.touyan.api.registry.District;
import org.touyan.api.registry.DistrictSettings;
import org.touyan.api.registry.JointCommittee;
import org.touyan.api.registry.JointCommitteeInput;
import org.touyan.api.registry.OrgUnits;
import org.touyan.api.registry.Street;
import org.touyan.api.registry.UnitInput;
import org.touyan.api.rest.Created;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.Preconditions;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.rest.RestConstants;
import org.touyan.api.rest.Summary;
import org.touyan.api.rest.Versioned;
import org.touyan.api.security.Access;
import org.touyan.api.store.DemoStatus;

/** Organisation units over REST; all rules live in {@link OrgUnits}. */
@Component(service = OrgUnitResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(RestConstants.APPLICATION_SELECT)
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrgUnitResource {

	private final OrgUnits units;
	private final DemoStatus demo;
	private final Authorization authorization;

	@Activate
	public OrgUnitResource(@Reference OrgUnits units, @Reference DemoStatus demo, @Reference Authorization authorization) {
		this.units = units;
		this.demo = demo;
		this.authorization = authorization;
	}

	/** The district a body names as the parent must be the caller's (404 otherwise, as for a path target). */
	private void requireParent(SecurityContext security, String kind, String id) {
		if (id != null && !id.isBlank()) {
			authorization.requireOwner(Caller.of(security), kind, id.strip());
		}
	}

	@GET
	@Path("districts")
	@Summary("Districts, a page at a time: every one for a city-wide caller, else the caller's own")
	@Access({ DISTRICT_ADMIN, STREET_ADMIN, DEPARTMENT_SCORER, SECRETARY, PLUGIN_ADMIN })
	public Page<District> districts(@QueryParam("offset") String offset, @QueryParam("limit") String limit,
			@Context SecurityContext security) {
		Caller caller = Caller.of(security);
		Paging paging = Paging.of(offset, limit);
		if (caller.level() == Scope.Level.CITY) {
			return units.districts(paging);
		}
		String own = caller.scope().district();
		return Page.of(own == null ? List.of() : units.district(own).map(List::of).orElse(List.of()), paging);
	}

	@GET
	@Path("districts/{id}")
	@Versioned
	@Summary(value = "One district", returns = District.class)
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN, DEPARTMENT_SCORER, SECRETARY, PLUGIN_ADMIN }, target = "district:id")
	public Response district(@PathParam("id") String id) {
		return Preconditions.ok(units.district(id).orElseThrow(() -> ProblemException.notFound("区", "district", id)));
	}

	@POST
	@Path("districts")
	@Summary(value = "Creates a district; 503 with Retry-After while the demo district, asked for, is not there yet (the demo"
			+ " is only loaded into a registry without districts)", returns = District.class)
	@Access(DISTRICT_ADMIN)
	public Response createDistrict(UnitInput input, @Context SecurityContext security) {
		if (Caller.of(security).level() != Scope.Level.CITY) {
			throw new ProblemException(403, "Forbidden", "区由平台管理员（无所属区的组织部管理员）设立，本区管理员不能新设区",
					"Districts are created by the installation's administrator (a district administrator without a district)", null);
		}
		demo.refuseWhileLoading(DemoDistrict.ID, "a district");
		District d = units.createDistrict(input);
		return Created.at(d, "districts", d.id());
	}

	@PUT
	@Path("districts/{id}")
	@Summary("Changes a district's code or names")
	@Access(value = DISTRICT_ADMIN, target = "district:id")
	public District updateDistrict(@PathParam("id") String id, @HeaderParam(Preconditions.IF_MATCH) String ifMatch,
			UnitInput input) {
		return units.updateDistrict(id, input, Preconditions.required(ifMatch));
	}

	@GET
	@Path("streets")
	@Summary("Streets of one district (district=id) or of all, a page at a time")
	@Access({ DISTRICT_ADMIN, STREET_ADMIN, DEPARTMENT_SCORER, SECRETARY, PLUGIN_ADMIN })
	public Page<Street> streets(@QueryParam("district") String district, @QueryParam("offset") String offset,
			@QueryParam("limit") String limit) {
		return units.streets(district, Paging.of(offset, limit));
	}

	@GET
	@Path("streets/{id}")
	@Versioned
	@Summary(value = "One street", returns = Street.class)
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN, DEPARTMENT_SCORER, SECRETARY, PLUGIN_ADMIN }, within = "street:id")
	public Response street(@PathParam("id") String id) {
		return Preconditions.ok(units.street(id).orElseThrow(() -> ProblemException.notFound("街道", "street", id)));
	}

	@POST
	@Path("streets")
	@Summary(value = "Creates a street in the district given as parentId", returns = Street.class)
	@Access(DISTRICT_ADMIN)
	public Response createStreet(UnitInput input, @Context SecurityContext security) {
		requireParent(security, "district", input == null ? null : input.parentId());
		Street s = units.createStreet(input);
		return Created.at(s, "streets", s.id());
	}

	@PUT
	@Path("streets/{id}")
	@Summary("Changes a street's code or names")
	@Access(value = DISTRICT_ADMIN, target = "street:id")
	public Street updateStreet(@PathParam("id") String id, @HeaderParam(Preconditions.IF_MATCH) String ifMatch,
			UnitInput input) {
		return units.updateStreet(id, input, Preconditions.required(ifMatch));
	}

	@GET
	@Path("districts/{id}/settings")
	@Versioned
	@Summary(value = "A district's registry settings", returns = DistrictSettings.class)
	@Access(value = DISTRICT_ADMIN, target = "district:id")
	public Response settings(@PathParam("id") String id) {
		return Preconditions.ok(units.settings(id));
	}

	@PUT
	@Path("districts/{id}/settings")
	@Summary("Changes a district's registry settings")
	@Access(value = DISTRICT_ADMIN, target = "district:id")
	public DistrictSettings updateSettings(@PathParam("id") String id, @HeaderParam(Preconditions.IF_MATCH) String ifMatch,
			DistrictSettings settings) {
		return units.updateSettings(id, settings, Preconditions.required(ifMatch));
	}

	@GET
	@Path("communities")
	@Summary("Communities of a district (district=id) or street (street=id), a page at a time")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN, DEPARTMENT_SCORER, SECRETARY, PLUGIN_ADMIN }, within = "street:?street")
	public Page<Community> communities(@QueryParam("district") String district, @QueryParam("street") String street,
			@QueryParam("offset") String offset, @QueryParam("limit") String limit) {
		return units.communities(district, street, Paging.of(offset, limit));
	}

	@GET
	@Path("communities/{id}")
	@Versioned
	@Summary(value = "One community", returns = Community.class)
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN, DEPARTMENT_SCORER, SECRETARY, PLUGIN_ADMIN }, within = "community:id")
	public Response community(@PathParam("id") String id) {
		return Preconditions.ok(units.community(id).orElseThrow(() -> ProblemException.notFound("社区", "community", id)));
	}

	@POST
	@Path("communities")
	@Summary(value = "Creates a community in the street given as parentId", returns = Community.class)
	@Access(DISTRICT_ADMIN)
	public Response createCommunity(UnitInput input, @Context SecurityContext security) {
		requireParent(security, "street", input == null ? null : input.parentId());
		Community k = units.createCommunity(input);
		return Created.at(k, "communities", k.id());
	}

	@PUT
	@Path("communities/{id}")
	@Summary("Changes a community's code or names")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN }, target = "community:id")
	public Community updateCommunity(@PathParam("id") String id, @HeaderParam(Preconditions.IF_MATCH) String ifMatch,
			UnitInput input) {
		return units.updateCommunity(id, input, Preconditions.required(ifMatch));
	}

	@DELETE
	@Path("communities/{id}")
	@Summary("Deletes a community that never had a post, filing or joint committee")
	@Access(value = DISTRICT_ADMIN, target = "community:id")
	public void deleteCommunity(@PathParam("id") String id, @HeaderParam(Preconditions.IF_MATCH) String ifMatch) {
		units.deleteCommunity(id, Preconditions.required(ifMatch));
	}

	@GET
	@Path("joint-committees")
	@Summary("Joint area Party committees (片区联合党委) of a district (district=id), a page at a time")
	@Access({ DISTRICT_ADMIN, STREET_ADMIN, DEPARTMENT_SCORER, SECRETARY, PLUGIN_ADMIN })
	public Page<JointCommittee> jointCommittees(@QueryParam("district") String district,
			@QueryParam("offset") String offset, @QueryParam("limit") String limit) {
		return units.jointCommittees(district, Paging.of(offset, limit));
	}

	@GET
	@Path("joint-committees/{id}")
	@Versioned
	@Summary(value = "One joint area Party committee with its communities", returns = JointCommittee.class)
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN, DEPARTMENT_SCORER, SECRETARY, PLUGIN_ADMIN }, target = "joint-committee:id")
	public Response jointCommittee(@PathParam("id") String id) {
		return Preconditions.ok(units.jointCommittee(id).orElseThrow(() -> ProblemException.notFound("联合党委", "joint committee", id)));
	}

	@POST
	@Path("joint-committees")
	@Summary(value = "Creates a joint area Party committee of 3-4 communities", returns = JointCommittee.class)
	@Access(DISTRICT_ADMIN)
	public Response createJointCommittee(JointCommitteeInput input, @Context SecurityContext security) {
		requireParent(security, "district", input == null ? null : input.districtId());
		JointCommittee j = units.createJointCommittee(input);
		return Created.at(j, "joint-committees", j.id());
	}

	@PUT
	@Path("joint-committees/{id}")
	@Summary("Changes a joint committee's code, names or communities")
	@Access(value = DISTRICT_ADMIN, target = "joint-committee:id")
	public JointCommittee updateJointCommittee(@PathParam("id") String id, @HeaderParam(Preconditions.IF_MATCH) String ifMatch,
			JointCommitteeInput input) {
		return units.updateJointCommittee(id, input, Preconditions.required(ifMatch));
	}

	@DELETE
	@Path("joint-committees/{id}")
	@Summary("Dissolves a joint committee; its communities stay")
	@Access(value = DISTRICT_ADMIN, target = "joint-committee:id")
	public void deleteJointCommittee(@PathParam("id") String id, @HeaderParam(Preconditions.IF_MATCH) String ifMatch) {
		units.deleteJointCommittee(id, Preconditions.required(ifMatch));
	}

	@GET
	@Path("departments")
	@Summary("District departments (区直部门), filtered by district, scores=true|false, vets=true|false")
	@Access({ DISTRICT_ADMIN, STREET_ADMIN, DEPARTMENT_SCORER, SECRETARY, PLUGIN_ADMIN })
	public Page<Department> departments(@QueryParam("district") String district, @QueryParam("scores") String scores,
			@QueryParam("vets") String vets, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
		return units.departments(district, flag("scores", scores), flag("vets", vets), Paging.of(offset, limit));
	}

	@GET
	@Path("departments/{id}")
	@Versioned
	@Summary(value = "One department", returns = Department.class)
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN, DEPARTMENT_SCORER, SECRETARY, PLUGIN_ADMIN }, within = "department:id")
	public Response department(@PathParam("id") String id) {
		return Preconditions.ok(units.department(id).orElseThrow(() -> ProblemException.notFound("部门", "department", id)));
	}

	@POST
	@Path("departments")
	@Summary(value = "Creates a department of a district", returns = Department.class)
	@Access(DISTRICT_ADMIN)
	public Response createDepartment(DepartmentInput input, @Context SecurityContext security) {
		requireParent(security, "district", input == null ? null : input.districtId());
		Department d = units.createDepartment(input);
		return Created.at(d, "departments", d.id());
	}

	@PUT
	@Path("departments/{id}")
	@Summary("Changes a department's code, names or roles")
	@Access(value = DISTRICT_ADMIN, target = "department:id")
	public Department updateDepartment(@PathParam("id") String id, @HeaderParam(Preconditions.IF_MATCH) String ifMatch,
			DepartmentInput input) {
		return units.updateDepartment(id, input, Preconditions.required(ifMatch));
	}

	@DELETE
	@Path("departments/{id}")
	@Summary("Deletes a department that has recorded no vetting verdict")
	@Access(value = DISTRICT_ADMIN, target = "department:id")
	public void deleteDepartment(@PathParam("id") String id, @HeaderParam(Preconditions.IF_MATCH) String ifMatch) {
		units.deleteDepartment(id, Preconditions.required(ifMatch));
	}

	/** A true/false query parameter; anything else is a 400 naming it. */
	static Boolean flag(String name, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return switch (value.strip()) {
			case "true" -> Boolean.TRUE;
			case "false" -> Boolean.FALSE;
			default -> throw ProblemException.invalid(name, name + " 应为 true 或 false，所填为“" + value + "”",
					name + " must be true or false, was '" + value + "'");
		};
	}
}
