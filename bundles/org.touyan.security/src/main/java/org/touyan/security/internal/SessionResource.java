package org.touyan.security.internal;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.rest.RestConstants;
import org.touyan.api.rest.Summary;
import org.touyan.api.security.Access;
import org.touyan.api.security.Anonymous;
import org.touyan.api.security.Role;

/** Logging in and out, and the caller's own account. */
@Component(service = SessionResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(RestConstants.APPLICATION_SELECT)
@Path("session")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SessionResource {

	/** A login. */
	public record Credentials(String login, String password) {
	}

	/** A password change. */
	public record PasswordChange(String currentPassword, String newPassword) {
	}

	private final Accounts accounts;

	@Activate
	public SessionResource(@Reference Accounts accounts) {
		this.accounts = accounts;
	}

	@POST
	@Anonymous("logging in is how a token is obtained")
	@Summary("Logs in with login and password; answers a bearer token, valid until expiresAt. Repeated failures lock the login for a while (429)")
	public Accounts.Session login(Credentials credentials) {
		if (credentials == null) {
			throw ProblemException.invalid(null, "请填写登录名和密码（login、password）", "a body with login and password is required");
		}
		return accounts.login(credentials.login(), credentials.password());
	}

	@GET
	@Access({ Role.DISTRICT_ADMIN, Role.STREET_ADMIN, Role.DEPARTMENT_SCORER, Role.SECRETARY, Role.AUDITOR, Role.PLUGIN_ADMIN, Role.CITY_ADMIN })
	@Summary("The logged-in user")
	public Accounts.User me(@Context SecurityContext security) {
		String id = ((AuthenticatedCaller) security.getUserPrincipal()).userId();
		return accounts.user(id).orElseThrow(() -> ProblemException.notFound("用户", "user", id));
	}

	@DELETE
	@Access({ Role.DISTRICT_ADMIN, Role.STREET_ADMIN, Role.DEPARTMENT_SCORER, Role.SECRETARY, Role.AUDITOR, Role.PLUGIN_ADMIN, Role.CITY_ADMIN })
	@Summary(value = "Logs out: the token is revoked at once", returns = Void.class)
	public Response logout(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
		accounts.logout(authorization.substring(7).strip());
		return Response.noContent().build();
	}

	@PUT
	@Path("password")
	@Access({ Role.DISTRICT_ADMIN, Role.STREET_ADMIN, Role.DEPARTMENT_SCORER, Role.SECRETARY, Role.AUDITOR, Role.PLUGIN_ADMIN, Role.CITY_ADMIN })
	@Summary(value = "Changes the caller's password (at least 12 characters); the caller's other sessions end", returns = Void.class)
	public Response changePassword(@Context SecurityContext security,
			@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, PasswordChange change) {
		if (change == null) {
			throw ProblemException.invalid(null, "请填写当前密码和新密码（currentPassword、newPassword）",
					"a body with currentPassword and newPassword is required");
		}
		String id = ((AuthenticatedCaller) security.getUserPrincipal()).userId();
		accounts.changePassword(id, authorization.substring(7).strip(), change.currentPassword(), change.newPassword());
		return Response.noContent().build();
	}
}
