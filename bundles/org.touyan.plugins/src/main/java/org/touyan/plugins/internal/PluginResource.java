package org.touyan.plugins.internal;

import static org.touyan.api.security.Role.DISTRICT_ADMIN;
import static org.touyan.api.security.Role.PLUGIN_ADMIN;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

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
import org.touyan.api.policy.Policies.Scope;
import org.touyan.api.registry.OrgUnits;
import org.touyan.api.registry.Street;
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
import org.touyan.plugins.internal.Views.BindingRequest;
import org.touyan.plugins.internal.Views.BindingView;
import org.touyan.plugins.internal.Views.PluginEvent;
import org.touyan.plugins.internal.Views.PluginView;
import org.touyan.plugins.internal.Views.WhatIfReport;
import org.touyan.plugins.internal.Views.WhatIfRequest;
import org.touyan.plugins.internal.Views.WhatIfRow;

/** The plugin admin API: what is installed, install and update, remove, roll back, bind. */
@Component(service = PluginResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(RestConstants.APPLICATION_SELECT)
@Path("plugins")
@Produces(MediaType.APPLICATION_JSON)
public class PluginResource {

	static final String JAR = "application/java-archive";

	private final PluginManager manager;
	private final OrgUnits units;

	@Activate
	public PluginResource(@Reference PluginManager manager, @Reference OrgUnits units) {
		this.manager = manager;
		this.units = units;
	}

	@GET
	@Summary("The plugin mode (production or development), trusted signing keys, pins, installed plugins with their "
			+ "version, signer, state, policies and bindings, and the latest refusals")
	@Access({ DISTRICT_ADMIN, PLUGIN_ADMIN })
	public Views.PluginsOverview plugins() {
		return manager.overview();
	}

	@GET
	@Path("{bsn}")
	@Versioned
	@Summary(value = "One installed plugin (its ETag guards promote, rollback, discard, removal and a quarantine's release)",
			returns = PluginView.class)
	@Access({ DISTRICT_ADMIN, PLUGIN_ADMIN })
	public Response plugin(@PathParam("bsn") String bsn) {
		return Preconditions.ok(manager.view(bsn).orElseThrow(() -> ProblemException.notFound("插件", "plugin", bsn)));
	}

	@POST
	@Consumes({ JAR, MediaType.APPLICATION_OCTET_STREAM })
	@Summary(value = "Installs a plugin jar, or updates the installed version without a gap (stage=true: installs "
			+ "and checks it beside the current one without binding it); a jar that is not trusted, fails to start, "
			+ "lacks a bound policy or fails its fixtures is refused and the old version keeps serving", returns = PluginView.class)
	@Access(PLUGIN_ADMIN)
	public Response install(@QueryParam("stage") String stage, InputStream jar) throws IOException {
		if (stage != null && !stage.equals("true") && !stage.equals("false")) {
			throw ProblemException.invalid("stage", "stage 应为 true 或 false", "stage is true or false");
		}
		PluginView view = manager.install(jar.readAllBytes(), "upload", "true".equals(stage));
		return Created.at(view, "plugins", view.bsn());
	}

	@POST
	@Path("{bsn}/promote")
	@Summary("Binds the staged version wherever the current one is bound, and removes the current one")
	@Access(PLUGIN_ADMIN)
	public PluginView promote(@PathParam("bsn") String bsn, @HeaderParam(Preconditions.IF_MATCH) String ifMatch) {
		return manager.promote(bsn, Preconditions.required(ifMatch));
	}

	@DELETE
	@Path("{bsn}/staged")
	@Summary("Discards the staged version")
	@Access(PLUGIN_ADMIN)
	public void discard(@PathParam("bsn") String bsn, @HeaderParam(Preconditions.IF_MATCH) String ifMatch) {
		manager.discard(bsn, Preconditions.required(ifMatch));
	}

	@POST
	@Path("what-if")
	@Consumes(MediaType.APPLICATION_JSON)
	@Summary("Rates the given communities with the active and the staged version of a star formula and lists the differences")
	@Access(PLUGIN_ADMIN)
	public WhatIfReport whatIf(WhatIfRequest request) {
		if (request == null) {
			throw ProblemException.invalid(null, "请求须带 JSON 正文", "A JSON body is required");
		}
		if (request.bsn() == null) {
			throw ProblemException.invalid("bsn", "请填写插件的符号名（bsn）", "bsn (the plugin's symbolic name) is required");
		}
		List<WhatIfRow> rows = manager.whatIf(request.spi(), request.bsn(), request.policyId(), request.cases());
		PluginView plugin = manager.view(request.bsn()).orElseThrow();
		return new WhatIfReport(plugin.bsn(), plugin.version(), plugin.staged(), rows.stream().filter(WhatIfRow::changed).count(), rows);
	}

	@GET
	@Path("pins")
	@Summary("Keys under which bindings are pinned (open evaluation cycles)")
	@Access({ DISTRICT_ADMIN, PLUGIN_ADMIN })
	public Page<String> pins(@QueryParam("offset") String offset, @QueryParam("limit") String limit) {
		return Page.of(new java.util.ArrayList<>(manager.pins()), Paging.of(offset, limit));
	}

	@GET
	@Path("pins/{key}")
	@Versioned
	@Summary(value = "The bindings pinned under a key (the ETag, of every binding pinned, guards the release)", returns = Page.class)
	@Access({ DISTRICT_ADMIN, PLUGIN_ADMIN })
	public Response pinned(@PathParam("key") String key, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
		List<BindingView> pinned = manager.pinned(key).stream().map(BindingView::of).toList();
		return Preconditions.ok(Page.of(pinned, Paging.of(offset, limit)), pinned);
	}

	@PUT
	@Path("pins/{key}")
	@Summary("Pins every binding in force under a key, e.g. an evaluation cycle that opens; its versions stay until released")
	@Access(PLUGIN_ADMIN)
	public List<BindingView> pin(@PathParam("key") String key) {
		return manager.pinBindings(key).stream().map(BindingView::of).toList();
	}

	@DELETE
	@Path("pins/{key}")
	@Summary("Releases a pin (its cycle closed); versions nothing else holds are removed")
	@Access(PLUGIN_ADMIN)
	public void release(@PathParam("key") String key, @HeaderParam(Preconditions.IF_MATCH) String ifMatch) {
		manager.release(key, Preconditions.required(ifMatch));
	}

	@DELETE
	@Path("{bsn}")
	@Summary("Removes a plugin that nothing is bound to")
	@Access(PLUGIN_ADMIN)
	public void remove(@PathParam("bsn") String bsn, @HeaderParam(Preconditions.IF_MATCH) String ifMatch) {
		manager.remove(bsn, Preconditions.required(ifMatch));
	}

	@POST
	@Path("{bsn}/rollback")
	@Summary("Goes back to the plugin's previous version and the binding parameters it had")
	@Access(PLUGIN_ADMIN)
	public PluginView rollback(@PathParam("bsn") String bsn, @HeaderParam(Preconditions.IF_MATCH) String ifMatch) {
		return manager.rollback(bsn, Preconditions.required(ifMatch));
	}

	@DELETE
	@Path("{bsn}/quarantine")
	@Summary("Releases the plugin's quarantined policies (quarantined after too many calls ran past their time limit): "
			+ "their bindings serve again")
	@Access(PLUGIN_ADMIN)
	public void releaseQuarantine(@PathParam("bsn") String bsn, @HeaderParam(Preconditions.IF_MATCH) String ifMatch,
			@Context SecurityContext security) {
		manager.releaseQuarantine(bsn, Caller.of(security).actor(), Preconditions.required(ifMatch));
	}

	@GET
	@Path("bindings")
	@Summary("Which policy serves which SPI for the platform, each district and each street")
	@Access({ DISTRICT_ADMIN, PLUGIN_ADMIN })
	public Page<BindingView> bindings(@QueryParam("offset") String offset, @QueryParam("limit") String limit) {
		return Page.of(manager.bindings().stream().map(BindingView::of).toList(), Paging.of(offset, limit));
	}

	@GET
	@Path("bindings/revisions/{revision}")
	@Summary("The binding revision a result's provenance names: which policy version, where, with which parameters")
	@Access({ DISTRICT_ADMIN, PLUGIN_ADMIN })
	public BindingView revision(@PathParam("revision") String revision) {
		long r;
		try {
			r = Long.parseLong(revision);
		} catch (NumberFormatException e) {
			throw ProblemException.invalid("revision", "revision 应为整数", "revision is a whole number");
		}
		return manager.revision(r).map(BindingView::of).orElseThrow(() -> ProblemException.notFound("绑定版本", "binding revision", revision));
	}

	@PUT
	@Path("bindings")
	@Consumes(MediaType.APPLICATION_JSON)
	@Summary("Binds a policy for an SPI in a scope (street, district, or the platform when both are absent)")
	@Access(PLUGIN_ADMIN)
	public BindingView bind(BindingRequest request) {
		if (request == null) {
			throw ProblemException.invalid(null, "请求须带 JSON 正文", "A JSON body is required");
		}
		Scope scope = scope(request.districtId(), request.streetId());
		return BindingView.of(manager.bind(request.spi(), scope, request.policyId(), request.parameters()));
	}

	@GET
	@Path("events")
	@Summary("What happened to plugins, newest first: installs, updates, refusals, removals, rollbacks, bindings")
	@Access({ DISTRICT_ADMIN, PLUGIN_ADMIN })
	public Page<PluginEvent> events(@QueryParam("offset") String offset, @QueryParam("limit") String limit) {
		return manager.events(Paging.of(offset, limit));
	}

	private Scope scope(String districtId, String streetId) {
		if (streetId != null) {
			Street street = units.street(streetId)
					.orElseThrow(() -> ProblemException.invalid("streetId", "没有这个街道：" + streetId, "No street with id '" + streetId + "'"));
			if (districtId != null && !districtId.equals(street.districtId())) {
				throw ProblemException.invalid("districtId", "该街道不在此区", "The street is not in that district");
			}
			return new Scope(street.districtId(), streetId);
		}
		if (districtId != null) {
			units.district(districtId)
					.orElseThrow(() -> ProblemException.invalid("districtId", "没有这个区：" + districtId, "No district with id '" + districtId + "'"));
			return new Scope(districtId, null);
		}
		return Scope.platform();
	}
}
