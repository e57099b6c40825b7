package org.touyan.rest.internal;

import static org.touyan.api.security.Role.DISTRICT_ADMIN;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.touyan.api.rest.Created;
import org.touyan.api.rest.Nullable;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.rest.RestConstants;
import org.touyan.api.rest.Summary;
import org.touyan.api.security.Access;
import org.touyan.api.security.Caller;
import org.touyan.api.security.Scope;
import org.touyan.api.store.StoreBackup;

/**
 * {@code /api/store/backups}: online backups of the database, taken while the platform serves,
 * for the district administrator (the auditor reads the list, as every GET). Taking one is
 * audited like every write; restoring one is done with the platform stopped (README, Operations).
 */
@Component(service = StoreBackupResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(RestConstants.APPLICATION_SELECT)
@Path("store/backups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StoreBackupResource {

	/** What {@code POST /api/store/backups} takes: {@code {}}, or a note saying why. */
	public record BackupInput(@Nullable String note) {
	}

	private final StoreBackup backups;

	@Activate
	public StoreBackupResource(@Reference StoreBackup backups) {
		this.backups = backups;
	}

	@POST
	@Access(DISTRICT_ADMIN)
	@Summary(value = "Takes an online backup of the database while writes go on (HSQLDB BACKUP DATABASE NOT BLOCKING AS FILES) "
			+ "into backups/ beside the database; answers its name, directory, files, size and how long it took; 409 while another runs",
			returns = StoreBackup.Backup.class)
	public Response create(BackupInput input, @Context SecurityContext security) {
		installation(security);
		StoreBackup.Backup backup = backups.backup(input == null ? null : input.note());
		return Created.at(backup, "store/backups", backup.name());
	}

	@GET
	@Access(DISTRICT_ADMIN)
	@Summary("The backups in backups/, newest first, a page at a time")
	public Page<StoreBackup.Backup> list(@QueryParam("offset") String offset, @QueryParam("limit") String limit,
			@Context SecurityContext security) {
		installation(security);
		return Page.of(backups.backups(), Paging.of(offset, limit));
	}

	@GET
	@Path("{name}")
	@Access(DISTRICT_ADMIN)
	@Summary("One backup by its name")
	public StoreBackup.Backup backup(@PathParam("name") String name, @Context SecurityContext security) {
		installation(security);
		return backups.named(name).orElseThrow(() -> ProblemException.notFound("备份", "backup", name));
	}

	/** A backup holds every district: it is the installation's, not one district's administrator's (403). */
	private static void installation(SecurityContext security) {
		if (Caller.of(security).level() != Scope.Level.CITY) {
			throw new ProblemException(403, "Forbidden", "数据库备份含所有区的数据，须由平台管理员（无所属区的组织部管理员）办理",
					"A backup holds every district's data: it is the installation's administrator's (a district administrator without a district)",
					null);
		}
	}
}
