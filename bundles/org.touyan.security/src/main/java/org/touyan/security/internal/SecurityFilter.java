package org.touyan.security.internal;

import java.lang.reflect.Method;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.GenericEntity;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.touyan.api.rest.RestConstants;
import org.touyan.api.security.Access;
import org.touyan.api.security.Anonymous;
import org.touyan.api.security.Role;
import org.touyan.api.security.Scope;

/**
 * The one authorization check of the core application, run after a request is matched to a
 * resource method and before the method or its body reader runs:
 * <ol>
 * <li>a method declared {@link Anonymous} passes;</li>
 * <li>otherwise the bearer token must belong to an enabled user (401);</li>
 * <li>the method must declare {@link Access} (403 for everybody if it does not);</li>
 * <li>the caller's role must be listed, or be the auditor or the city administrator on a {@code GET} (403);</li>
 * <li>a caller that is not city-wide must own every declared target, share the district of every
 * {@link Access#within()} one and of a {@code district} query parameter (404, as if it did not exist).</li>
 * </ol>
 * The core application selects this extension, so it is not served while the check is missing.
 */
@Component(service = ContainerRequestFilter.class, property = SecurityFilter.EXTENSION + "=" + SecurityFilter.AUTHORIZATION)
@JaxrsExtension
@JaxrsApplicationSelect(RestConstants.APPLICATION_SELECT)
public class SecurityFilter implements ContainerRequestFilter {

	/** Service property the core application's extension select names. */
	static final String EXTENSION = "touyan.security";
	static final String AUTHORIZATION = "authorization";

	/** Request properties the audit filter reads. */
	static final String CALLER = "touyan.security.caller";
	static final String DENIED = "touyan.security.denied";

	private final Accounts accounts;
	private final ScopeResolvers scopes;

	@Context
	ResourceInfo resourceInfo;

	@Activate
	public SecurityFilter(@Reference Accounts accounts, @Reference ScopeResolvers scopes) {
		this.accounts = accounts;
		this.scopes = scopes;
	}

	@Override
	public void filter(ContainerRequestContext request) {
		Method method = resourceInfo.getResourceMethod();
		if (method == null || method.isAnnotationPresent(Anonymous.class)) {
			return;
		}
		Optional<AuthenticatedCaller> found = accounts.authenticate(bearer(request));
		if (found.isEmpty()) {
			deny(request, 401, "Unauthorized", "请先登录：POST /api/session，再以 Authorization: Bearer <token> 发送请求",
					"Log in first: POST /api/session, then send Authorization: Bearer <token>", "no valid token");
			return;
		}
		AuthenticatedCaller caller = found.get();
		request.setProperty(CALLER, caller);
		Access access = method.getAnnotation(Access.class);
		if (access == null) {
			deny(request, 403, "Forbidden", "该接口未声明访问规则，任何人都不能调用",
					"This endpoint declares no access rule, so nobody may call it", "no access rule");
			return;
		}
		if (caller.mustChangePassword() && method.getDeclaringClass() != SessionResource.class) {
			deny(request, 403, "Forbidden", "请先修改一次性密码：PUT /api/session/password",
					"The one-time password must be changed first: PUT /api/session/password", "one-time password unchanged");
			return;
		}
		boolean listed = Arrays.asList(access.value()).contains(caller.role());
		boolean readsAll = (caller.role() == Role.AUDITOR || caller.role() == Role.CITY_ADMIN) && "GET".equals(request.getMethod());
		if (!listed && !readsAll) {
			deny(request, 403, "Forbidden", "此操作须由以下角色办理："
					+ Arrays.stream(access.value()).map(r -> r.displayName() + "（" + r + "）").collect(Collectors.joining("或")),
					"This needs the role "
							+ Arrays.stream(access.value()).map(r -> r.displayName() + " (" + r + ")").collect(Collectors.joining(" or ")),
					"role " + caller.role() + " not allowed");
			return;
		}
		if (caller.level() != Scope.Level.CITY && !(withinTargets(request, access, caller) && withinDistrict(request, access, method, caller))) {
			return;
		}
		boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
		request.setSecurityContext(new CallerContext(caller, secure));
	}

	/** Checks every declared target; on the first one the caller does not own, answers and returns false. */
	private boolean withinTargets(ContainerRequestContext request, Access access, AuthenticatedCaller caller) {
		for (String declaration : access.target()) {
			int colon = declaration.indexOf(':');
			String kind = declaration.substring(0, Math.max(colon, 0));
			boolean query = colon >= 0 && declaration.startsWith("?", colon + 1);
			String param = declaration.substring(colon + (query ? 2 : 1));
			String value = query ? request.getUriInfo().getQueryParameters().getFirst(param)
					: request.getUriInfo().getPathParameters().getFirst(param);
			if (query && (value == null || value.isBlank()) && caller.level() == Scope.Level.DISTRICT) {
				continue; // a district administrator that names no street asks for its whole district, which the list keeps to
			}
			if (query && (value == null || value.isBlank())) {
				deny(request, 400, "Invalid request", "作为" + caller.role().displayName() + "（" + caller.role() + "），请以查询参数 "
						+ param + " 指明您的" + scopeName(kind), "As " + caller.role().displayName() + " ("
						+ caller.role() + ") name your " + kind + " with the query parameter '" + param + "'",
						"query target " + param + " missing");
				return false;
			}
			if (!scopes.resolve(kind, value).map(caller::owns).orElse(false)) {
				// the same answer as a missing resource: another street's data does not exist for this caller
				deny(request, 404, "Not found", "未找到 id 为 '" + value + "' 的记录", "No " + kind + " with id '" + value + "'",
						"outside scope: " + kind + " " + value);
				return false;
			}
		}
		return true;
	}

	/**
	 * Checks the targets that only place the call in a district, and a {@code district} query
	 * parameter of the method: a caller bound to a district must share it.
	 */
	private boolean withinDistrict(ContainerRequestContext request, Access access, Method method, AuthenticatedCaller caller) {
		List<String> declarations = new java.util.ArrayList<>(List.of(access.within()));
		if (takesDistrictQuery(method)) {
			declarations.add("district:?district");
		}
		for (String declaration : declarations) {
			int colon = declaration.indexOf(':');
			String kind = declaration.substring(0, Math.max(colon, 0));
			boolean query = colon >= 0 && declaration.startsWith("?", colon + 1);
			String param = declaration.substring(colon + (query ? 2 : 1));
			String value = query ? request.getUriInfo().getQueryParameters().getFirst(param)
					: request.getUriInfo().getPathParameters().getFirst(param);
			if (query && (value == null || value.isBlank())) {
				continue;
			}
			if (!scopes.resolve(kind, value).map(s -> caller.owns(s.districtOnly())).orElse(false)) {
				deny(request, 404, "Not found", "未找到 id 为 '" + value + "' 的记录", "No " + kind + " with id '" + value + "'",
						"outside district: " + kind + " " + value);
				return false;
			}
		}
		return true;
	}

	private static boolean takesDistrictQuery(Method method) {
		for (java.lang.annotation.Annotation[] annotations : method.getParameterAnnotations()) {
			for (java.lang.annotation.Annotation a : annotations) {
				if (a instanceof javax.ws.rs.QueryParam q && q.value().equals("district")) {
					return true;
				}
			}
		}
		return false;
	}

	/** Answers the refusal, its detail in Chinese, or in English for a client whose first language is English. */
	private static void deny(ContainerRequestContext request, int status, String title, String detailZh, String detailEn,
			String reason) {
		request.setProperty(DENIED, reason);
		String detail = english(request) ? detailEn : detailZh;
		Response.ResponseBuilder answer = Response.status(status).type(MediaType.valueOf(RestConstants.PROBLEM_JSON))
				// a GenericEntity, so the body is written as the map it is and not as the type the matched method declares
				.entity(new GenericEntity<Map<String, Object>>(Map.of("type", "about:blank", "title", title, "status", status, "detail", detail)) {
				});
		if (status == 401) {
			answer.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"touyan\"");
		}
		request.abortWith(answer.build());
	}

	private static boolean english(ContainerRequestContext request) {
		try {
			List<Locale> languages = request.getAcceptableLanguages();
			return !languages.isEmpty() && "en".equals(languages.get(0).getLanguage());
		} catch (RuntimeException e) {
			return false; // a header that does not parse: the default language
		}
	}

	/** A scope kind as users name it. */
	private static String scopeName(String kind) {
		return switch (kind) {
		case "district" -> "区";
		case "street" -> "街道";
		case "community" -> "社区";
		case "department" -> "部门";
		case "person" -> "人员";
		default -> kind;
		};
	}

	static String bearer(ContainerRequestContext request) {
		String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return null;
		}
		return header.substring(7).strip();
	}

	/** The JAX-RS view of the caller, for resources that take {@code @Context SecurityContext}. */
	private record CallerContext(AuthenticatedCaller caller, boolean secure) implements SecurityContext {

		@Override
		public Principal getUserPrincipal() {
			return caller;
		}

		@Override
		public boolean isUserInRole(String role) {
			return caller.role().name().equals(role);
		}

		@Override
		public boolean isSecure() {
			return secure;
		}

		@Override
		public String getAuthenticationScheme() {
			return "Bearer";
		}
	}
}
