package org.touyan.registry.internal;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.touyan.api.registry.District;
import org.touyan.api.registry.OrgUnits;
import org.touyan.api.registry.Street;
import org.touyan.api.registry.UnitInput;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.rest.RestConstants;
import org.touyan.api.rest.Summary;

/** Districts and streets over REST; all rules live in {@link OrgUnits}. */
@Component(service = OrgUnitResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(RestConstants.APPLICATION_SELECT)
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrgUnitResource {

	private final OrgUnits units;

	@Activate
	public OrgUnitResource(@Reference OrgUnits units) {
		this.units = units;
	}

	@GET
	@Path("districts")
	@Summary("Districts, a page at a time")
	public Page<District> districts(@QueryParam("offset") String offset, @QueryParam("limit") String limit) {
		return units.districts(Paging.of(offset, limit));
	}

	@GET
	@Path("districts/{id}")
	@Summary("One district")
	public District district(@PathParam("id") String id) {
		return units.district(id).orElseThrow(() -> ProblemException.notFound("district", id));
	}

	@POST
	@Path("districts")
	@Summary(value = "Creates a district", returns = District.class)
	public Response createDistrict(UnitInput input) {
		District d = units.createDistrict(input);
		return Response.status(201).header("Location", "districts/" + d.id()).entity(d).build();
	}

	@PUT
	@Path("districts/{id}")
	@Summary("Changes a district's code or names")
	public District updateDistrict(@PathParam("id") String id, UnitInput input) {
		return units.updateDistrict(id, input);
	}

	@GET
	@Path("streets")
	@Summary("Streets of one district (district=id) or of all, a page at a time")
	public Page<Street> streets(@QueryParam("district") String district, @QueryParam("offset") String offset,
			@QueryParam("limit") String limit) {
		return units.streets(district, Paging.of(offset, limit));
	}

	@GET
	@Path("streets/{id}")
	@Summary("One street")
	public Street street(@PathParam("id") String id) {
		return units.street(id).orElseThrow(() -> ProblemException.notFound("street", id));
	}

	@POST
	@Path("streets")
	@Summary(value = "Creates a street in the district given as parentId", returns = Street.class)
	public Response createStreet(UnitInput input) {
		Street s = units.createStreet(input);
		return Response.status(201).header("Location", "streets/" + s.id()).entity(s).build();
	}

	@PUT
	@Path("streets/{id}")
	@Summary("Changes a street's code or names")
	public Street updateStreet(@PathParam("id") String id, UnitInput input) {
		return units.updateStreet(id, input);
	}
}
