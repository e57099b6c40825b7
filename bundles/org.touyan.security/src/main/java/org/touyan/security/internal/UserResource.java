package org.touyan.security.internal;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.touyan.api.rest.Created;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.Preconditions;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.rest.RestConstants;
import org.touyan.api.rest.Summary;
import org.touyan.api.rest.Versioned;
import org.touyan.api.security.Access;
import org.touyan.api.security.Caller;
import org.touyan.api.security.Role;

/**
 * User administration by the Organization Department, of its own district's users (the
 * installation's administrator and the city administrator manage every district's). New and reset users get a one-time password
 * in the answer, to hand over; it must be changed at the first login.
 */
@Component(service = UserResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(RestConstants.APPLICATION_SELECT)
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {

	private final Accounts accounts;

	@Activate
	public UserResource(@Reference Accounts accounts) {
		this.accounts = accounts;
	}

	@GET
	@Access({ Role.DISTRICT_ADMIN, Role.CITY_ADMIN })
	@Summary("Users, by login, of one role (role=…) or all, a page at a time; a district's administrator lists its district's")
	public Page<Accounts.User> users(@QueryParam("role") String role, @QueryParam("offset") String offset,
			@QueryParam("limit") String limit, @Context SecurityContext security) {
		return accounts.users(role(role), Paging.of(offset, limit), Caller.of(security));
	}

	@GET
	@Path("{id}")
	@Access({ Role.DISTRICT_ADMIN, Role.CITY_ADMIN })
	@Versioned
	@Summary(value = "One user", returns = Accounts.User.class)
	public Response user(@PathParam("id") String id, @Context SecurityContext security) {
		return Preconditions.ok(accounts.user(id, Caller.of(security)).orElseThrow(() -> ProblemException.notFound("用户", "user", id)));
	}

	@POST
	@Access({ Role.DISTRICT_ADMIN, Role.CITY_ADMIN })
	@Summary(value = "Creates a user with a role and its scope (district, street, department or person); answers the one-time password", returns = Accounts.Issued.class)
	public Response create(Accounts.UserInput input, @Context SecurityContext security) {
		Accounts.Issued issued = accounts.create(input, Caller.of(security));
		return Created.at(issued, "users", issued.user().id());
	}

	@PUT
	@Path("{id}")
	@Access({ Role.DISTRICT_ADMIN, Role.CITY_ADMIN })
	@Summary("Changes a user's name, role, scope or disabled flag; a changed role or a disabled user is logged out")
	public Accounts.User update(@PathParam("id") String id, @HeaderParam(Preconditions.IF_MATCH) String ifMatch,
			Accounts.UserInput input, @Context SecurityContext security) {
		return accounts.update(id, input, Preconditions.required(ifMatch), Caller.of(security));
	}

	@POST
	@Path("{id}/password-reset")
	@Access({ Role.DISTRICT_ADMIN, Role.CITY_ADMIN })
	@Summary("Gives the user a new one-time password and ends their sessions")
	public Accounts.Issued reset(@PathParam("id") String id, @HeaderParam(Preconditions.IF_MATCH) String ifMatch,
			@Context SecurityContext security) {
		return accounts.resetPassword(id, Preconditions.required(ifMatch), Caller.of(security));
	}

	private static Role role(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Role.valueOf(value.strip());
		} catch (IllegalArgumentException e) {
			throw ProblemException.invalid("role", "角色应为以下之一：" + UserRules.roles(), "role must be one of " + List.of(Role.values()));
		}
	}
}
