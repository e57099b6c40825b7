package org.touyan.security.internal;

import java.lang.reflect.Method;
import java.util.Set;

import javax.ws.rs.Path;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.touyan.api.rest.RestConstants;
import org.touyan.api.security.Anonymous;

/**
 * Writes the audit entry of every request that changes something and of every request the
 * security filter refused, once its answer is known: who, when, which operation on which path, and
 * the outcome with the status. Anonymous operations write their own entries where they matter
 * (logins), or none (a resident's ballot stays anonymous; its token must not reach a log).
 */
@Component(service = ContainerResponseFilter.class, property = SecurityFilter.EXTENSION + "=audit")
@JaxrsExtension
@JaxrsApplicationSelect(RestConstants.APPLICATION_SELECT)
public class AuditFilter implements ContainerResponseFilter {

	private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

	private final AuditLogImpl audit;

	@Context
	ResourceInfo resourceInfo;

	@Activate
	public AuditFilter(@Reference AuditLogImpl audit) {
		this.audit = audit;
	}

	@Override
	public void filter(ContainerRequestContext request, ContainerResponseContext response) {
		Method method = resourceInfo.getResourceMethod();
		if (method == null || method.isAnnotationPresent(Anonymous.class)) {
			return;
		}
		Object denied = request.getProperty(SecurityFilter.DENIED);
		if (denied == null && READS.contains(request.getMethod())) {
			return;
		}
		AuthenticatedCaller caller = (AuthenticatedCaller) request.getProperty(SecurityFilter.CALLER);
		int status = response.getStatus();
		String outcome = denied != null ? "denied" : status < 400 ? "ok" : "failed";
		audit.append(caller == null ? "anonymous" : caller.login(), caller == null ? null : caller.role().name(),
				request.getMethod() + " " + template(method), ("/" + RestConstants.APPLICATION_BASE + "/" + request.getUriInfo().getPath()).replaceAll("/+", "/"), outcome, status,
				denied == null ? null : denied.toString());
	}

	/** The operation as documented, e.g. {@code /api/people/{id}/posts}, so entries group by operation. */
	private String template(Method method) {
		Path type = resourceInfo.getResourceClass().getAnnotation(Path.class);
		Path own = method.getAnnotation(Path.class);
		String path = "/" + RestConstants.APPLICATION_BASE + "/" + (type == null ? "" : type.value()) + "/"
				+ (own == null ? "" : own.value());
		return path.replaceAll("/+", "/").replaceAll("(.)/$", "$1");
	}
}
