package org.touyan.security.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.rest.RestConstants;
import org.touyan.api.rest.Summary;
import org.touyan.api.security.Access;
import org.touyan.api.security.AuditLog;
import org.touyan.api.security.Role;

/** The audit log, for auditors: read-only, newest first, and its chain check. */
@Component(service = AuditResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(RestConstants.APPLICATION_SELECT)
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

	private static final Set<String> OUTCOMES = Set.of("ok", "denied", "failed");

	private final AuditLogImpl audit;

	@Activate
	public AuditResource(@Reference AuditLogImpl audit) {
		this.audit = audit;
	}

	@GET
	@Access(Role.AUDITOR)
	@Summary("Audit entries, newest first, by actor (login), action prefix (e.g. POST /api/people), outcome (ok, denied, failed) and time (from, to: ISO-8601)")
	public Page<AuditLogImpl.Entry> entries(@QueryParam("actor") String actor, @QueryParam("action") String action,
			@QueryParam("outcome") String outcome, @QueryParam("from") String from, @QueryParam("to") String to,
			@QueryParam("offset") String offset, @QueryParam("limit") String limit) {
		if (outcome != null && !OUTCOMES.contains(outcome)) {
			throw ProblemException.invalid("outcome", "outcome 应为以下之一：" + String.join("、", OUTCOMES), "outcome must be one of " + OUTCOMES);
		}
		return audit.entries(new AuditLogImpl.Query(blank(actor), blank(action), outcome, instant("from", from),
				instant("to", to)), Paging.of(offset, limit));
	}

	@GET
	@Path("verify")
	@Access(Role.AUDITOR)
	@Summary("Verifies the audit log's hash chain and names the first entry that does not hold")
	public AuditLog.Verification verify() {
		return audit.verify();
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static Instant instant(String field, String value) {
		if (blank(value) == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value.strip()).toInstant();
		} catch (DateTimeParseException e) {
			throw ProblemException.invalid(field, "应为带时区的 ISO-8601 日期时间，如 2026-11-28T08:00:00+08:00",
					field + " must be an ISO-8601 date-time with offset, e.g. 2026-11-28T08:00:00+08:00");
		}
	}
}
