package org.touyan.registry.internal;

import static org.touyan.api.security.Role.DISTRICT_ADMIN;
import static org.touyan.api.security.Role.SECRETARY;
import static org.touyan.api.security.Role.STREET_ADMIN;

import java.util.List;
import java.util.TreeSet;

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

import org.touyan.api.rest.Created;
import org.touyan.api.rest.Fields;
import org.touyan.api.rest.Nullable;
import org.touyan.api.security.Caller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.touyan.api.registry.Archive;
import org.touyan.api.registry.ArchiveEntry;
import org.touyan.api.registry.ArchiveVerification;
import org.touyan.api.registry.People;
import org.touyan.api.registry.Person;
import org.touyan.api.registry.PersonInput;
import org.touyan.api.registry.Post;
import org.touyan.api.registry.PostEnding;
import org.touyan.api.registry.PostInput;
import org.touyan.api.registry.PostKind;
import org.touyan.api.registry.SealInput;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.Preconditions;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.rest.RestConstants;
import org.touyan.api.rest.Summary;
import org.touyan.api.rest.Versioned;
import org.touyan.api.security.Access;
import org.touyan.api.security.AuditLog;
import org.touyan.api.security.Authorization;
import org.touyan.api.security.Masking;

/**
 * People, their posts and their archives over REST. Writes name the logged-in user as the actor in
 * the archive; all rules live in {@link People}.
 */
@Component(service = PeopleResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(RestConstants.APPLICATION_SELECT)
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PeopleResource {

	/** Which masked number to reveal and why; the reason goes to the audit log. */
	public record RevealRequest(String field, @Nullable String reason) {
	}

	/**
	 * A revealed number. The answer names it {@code value} because every JSON field called
	 * {@code idNumber} or {@code phone} is masked on its way out.
	 */
	public record Revealed(String field, String value) {
	}

	private final People people;
	private final Archive archive;
	private final Authorization authorization;
	private final AuditLog audit;

	@Activate
	public PeopleResource(@Reference People people, @Reference Archive archive, @Reference Authorization authorization,
			@Reference AuditLog audit) {
		this.people = people;
		this.archive = archive;
		this.authorization = authorization;
		this.audit = audit;
	}

	@GET
	@Path("people")
	@Summary("People of a district (district=id) or of all, with a current post in a street (street=id), by name, a page at a time")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN }, target = "street:?street")
	public Page<Person> people(@QueryParam("district") String district, @QueryParam("street") String street,
			@QueryParam("offset") String offset, @QueryParam("limit") String limit) {
		return people.people(district, street, Paging.of(offset, limit));
	}

	@GET
	@Path("people/{id}")
	@Versioned
	@Summary(value = "One person", returns = Person.class)
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN, SECRETARY }, target = "person:id")
	public Response person(@PathParam("id") String id) {
		return Preconditions.ok(people.person(id).orElseThrow(() -> ProblemException.notFound("人员", "person", id)));
	}

	@POST
	@Path("people")
	@Summary(value = "Registers a person; the archive opens with the first entry", returns = Person.class)
	@Access(DISTRICT_ADMIN)
	public Response createPerson(@Context SecurityContext security, PersonInput input) {
		String actor = Caller.of(security).actor();
		if (input != null && input.districtId() != null && !input.districtId().isBlank()) {
			// a district's administrator registers people of its own district only
			authorization.requireOwner(Caller.of(security), "district", input.districtId().strip());
		}
		Person p = people.createPerson(input, actor);
		return Created.at(p, "people", p.id());
	}

	@PUT
	@Path("people/{id}")
	@Summary("Corrects a person's record (archived with before and after)")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN }, target = "person:id")
	public Person updatePerson(@Context SecurityContext security, @PathParam("id") String id,
			@HeaderParam(Preconditions.IF_MATCH) String ifMatch, PersonInput input) {
		Preconditions.required(ifMatch);
		String actor = Caller.of(security).actor();
		return people.updatePerson(id, input, actor, ifMatch);
	}

	@GET
	@Path("people/{id}/posts")
	@Summary("A person's posts, past and current, oldest first")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN, SECRETARY }, target = "person:id")
	public Page<Post> personPosts(@PathParam("id") String id, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
		return Page.of(people.posts(id), Paging.of(offset, limit));
	}

	@POST
	@Path("people/{id}/posts")
	@Summary(value = "Records a post the person takes up (or held)", returns = Post.class)
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN }, target = "person:id")
	public Response addPost(@Context SecurityContext security,
			@PathParam("id") String id, PostInput input) {
		String actor = Caller.of(security).actor();
		if (input != null && input.kind() != null && input.unitId() != null) {
			// the unit is only in the body: a street may post its people only in itself and its communities
			authorization.requireOwner(Caller.of(security), input.kind().inStreet() ? "street" : "community", input.unitId());
		}
		Post p = people.addPost(id, input, actor);
		return Created.at(p, "posts", p.id());
	}

	@GET
	@Path("posts")
	@Summary("Posts of a district's people (district=id), in a unit (unit=id), in a street and its communities (street=id),"
			+ " of a kind (kind=…), only current ones with current=true; total counts them")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN }, target = "street:?street")
	public Page<Post> posts(@QueryParam("district") String district, @QueryParam("unit") String unit,
			@QueryParam("street") String street, @QueryParam("kind") String kind, @QueryParam("current") String current,
			@QueryParam("offset") String offset, @QueryParam("limit") String limit) {
		return people.posts(district, unit, street, kind(kind), Boolean.TRUE.equals(OrgUnitResource.flag("current", current)),
				Paging.of(offset, limit));
	}

	@GET
	@Path("posts/{id}")
	@Versioned
	@Summary(value = "One post", returns = Post.class)
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN, SECRETARY }, target = "post:id")
	public Response post(@PathParam("id") String id) {
		return Preconditions.ok(people.post(id).orElseThrow(() -> ProblemException.notFound("任职", "post", id)));
	}

	@POST
	@Path("posts/{id}/end")
	@Summary("Ends a current post; the post keeps its history")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN }, target = "post:id")
	public Post endPost(@Context SecurityContext security, @PathParam("id") String id,
			@HeaderParam(Preconditions.IF_MATCH) String ifMatch, PostEnding ending) {
		Preconditions.required(ifMatch);
		String actor = Caller.of(security).actor();
		return people.endPost(id, ending, actor, ifMatch);
	}

	@GET
	@Path("people/{id}/archive")
	@Summary("A person's lifetime archive (一人一档), oldest entry first")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN, SECRETARY }, target = "person:id")
	public Page<ArchiveEntry> archive(@PathParam("id") String id, @QueryParam("offset") String offset,
			@QueryParam("limit") String limit) {
		return archive.entries(id, Paging.of(offset, limit));
	}

	@GET
	@Path("people/{id}/archive/verify")
	@Summary("Verifies the archive's hash chain and reports the first broken entry")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN, SECRETARY }, target = "person:id")
	public ArchiveVerification verify(@PathParam("id") String id) {
		return archive.verify(id);
	}

	@POST
	@Path("people/{id}/archive/seal")
	@Summary("Seals the archive on departure (离任统一封存); it is read-only afterwards. If-Match: the person's ETag")
	@Access(value = DISTRICT_ADMIN, target = "person:id")
	public Person seal(@Context SecurityContext security, @PathParam("id") String id,
			@HeaderParam(Preconditions.IF_MATCH) String ifMatch, SealInput input) {
		Preconditions.required(ifMatch);
		String actor = Caller.of(security).actor();
		return people.seal(id, input, actor, ifMatch);
	}

	@POST
	@Path("people/{id}/reveal")
	@Summary("Reveals a person's ID number or phone unmasked; the reason (required) is written to the audit log")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN }, target = "person:id")
	public Revealed reveal(@Context SecurityContext security, @PathParam("id") String id, RevealRequest request) {
		Fields.body(request);
		String field = Validation.required("field", request.field());
		if (!Masking.FIELDS.contains(field)) {
			throw ProblemException.invalid("field", "field 应为以下之一：" + new TreeSet<>(Masking.FIELDS),
					"field must be one of " + new TreeSet<>(Masking.FIELDS));
		}
		String reason = Validation.text("reason", request.reason(), 200, true);
		Person person = people.person(id).orElseThrow(() -> ProblemException.notFound("人员", "person", id));
		String value = Masking.ID_NUMBER_FIELDS.contains(field) ? person.idNumber() : person.phone();
		// by login, as every other audit entry names its actor; the number is answered only once its
		// reason is committed: an audit write that fails refuses the reveal
		audit.recordNow(security.getUserPrincipal().getName(), "person.reveal", id, "ok", field + ": " + reason);
		return new Revealed(field, value);
	}

	private static PostKind kind(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return PostKind.valueOf(value.strip());
		} catch (IllegalArgumentException e) {
			throw ProblemException.invalid("kind", "岗位类别应为以下之一：" + java.util.Arrays.stream(PostKind.values())
					.map(k -> k.displayName() + "（" + k.name() + "）").collect(java.util.stream.Collectors.joining("、")),
					"kind must be one of " + List.of(PostKind.values()));
		}
	}
}
