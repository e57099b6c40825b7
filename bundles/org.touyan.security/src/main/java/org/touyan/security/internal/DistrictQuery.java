package org.touyan.security.internal;

import java.util.Optional;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.touyan.api.rest.RestConstants;
import org.touyan.api.security.Scope;

/**
 * Keeps the lists of a caller bound to a district to that district: a request of such a caller
 * that names no {@code district} query parameter is given its own, before it is matched, so every
 * list that filters by district lists only the caller's. Naming another district is refused by
 * {@link SecurityFilter} (404). Only a query is added; authentication still happens there.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsApplicationSelect(RestConstants.APPLICATION_SELECT)
@PreMatching
public class DistrictQuery implements ContainerRequestFilter {

	private final Accounts accounts;

	@Activate
	public DistrictQuery(@Reference Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public void filter(ContainerRequestContext request) {
		String token = SecurityFilter.bearer(request);
		if (token == null || request.getUriInfo().getQueryParameters().containsKey("district")) {
			return;
		}
		Optional<AuthenticatedCaller> caller = accounts.authenticate(token);
		if (caller.isEmpty() || caller.get().level() == Scope.Level.CITY || caller.get().scope().district() == null) {
			return;
		}
		request.setRequestUri(request.getUriInfo().getBaseUri(),
				request.getUriInfo().getRequestUriBuilder().queryParam("district", caller.get().scope().district()).build());
	}
}
