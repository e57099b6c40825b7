package org.touyan.registry.internal;

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
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

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
import org.touyan.api.rest.ProblemException;
import org.touyan.api.rest.RestConstants;
import org.touyan.api.rest.Summary;

/**
 * People, their posts and their archives over REST. Writes take the acting user from the
 * {@code X-Touyan-Actor} header for the archive; all rules live in {@link People}.
 */
@Component(service = PeopleResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(RestConstants.APPLICATION_SELECT)
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PeopleResource {

	private final People people;
	private final Archive archive;

	@Activate
	public PeopleResource(@Reference People people, @Reference Archive archive) {
		this.people = people;
		this.archive = archive;
	}

	@GET
	@Path("people")
	@Summary("People of a district (district=id) or of all, by name, a page at a time")
	public Page<Person> people(@QueryParam("district") String district, @QueryParam("offset") String offset,
			@QueryParam("limit") String limit) {
		return people.people(district, Paging.of(offset, limit));
	}

	@GET
	@Path("people/{id}")
	@Summary("One person")
	public Person person(@PathParam("id") String id) {
		return people.person(id).orElseThrow(() -> ProblemException.notFound("person", id));
	}

	@POST
	@Path("people")
	@Summary(value = "Registers a person; the archive opens with the first entry", returns = Person.class)
	public Response createPerson(@HeaderParam(Validation.ACTOR_HEADER) String actor, PersonInput input) {
		Person p = people.createPerson(input, actor);
		return Response.status(201).header("Location", "people/" + p.id()).entity(p).build();
	}

	@PUT
	@Path("people/{id}")
	@Summary("Corrects a person's record (archived with before and after)")
	public Person updatePerson(@HeaderParam(Validation.ACTOR_HEADER) String actor, @PathParam("id") String id,
			PersonInput input) {
		return people.updatePerson(id, input, actor);
	}

	@GET
	@Path("people/{id}/posts")
	@Summary("A person's posts, past and current, oldest first")
	public List<Post> personPosts(@PathParam("id") String id) {
		return people.posts(id);
	}

	@POST
	@Path("people/{id}/posts")
	@Summary(value = "Records a post the person takes up (or held)", returns = Post.class)
	public Response addPost(@HeaderParam(Validation.ACTOR_HEADER) String actor, @PathParam("id") String id,
			PostInput input) {
		Post p = people.addPost(id, input, actor);
		return Response.status(201).header("Location", "posts/" + p.id()).entity(p).build();
	}

	@GET
	@Path("posts")
	@Summary("Posts in a unit (unit=id) of a kind (kind=…), only current ones with current=true")
	public Page<Post> posts(@QueryParam("unit") String unit, @QueryParam("kind") String kind,
			@QueryParam("current") String current, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
		return people.posts(unit, kind(kind), Boolean.TRUE.equals(OrgUnitResource.flag("current", current)),
				Paging.of(offset, limit));
	}

	@GET
	@Path("posts/{id}")
	@Summary("One post")
	public Post post(@PathParam("id") String id) {
		return people.post(id).orElseThrow(() -> ProblemException.notFound("post", id));
	}

	@POST
	@Path("posts/{id}/end")
	@Summary("Ends a current post; the post keeps its history")
	public Post endPost(@HeaderParam(Validation.ACTOR_HEADER) String actor, @PathParam("id") String id,
			PostEnding ending) {
		return people.endPost(id, ending, actor);
	}

	@GET
	@Path("people/{id}/archive")
	@Summary("A person's lifetime archive (一人一档), oldest entry first")
	public Page<ArchiveEntry> archive(@PathParam("id") String id, @QueryParam("offset") String offset,
			@QueryParam("limit") String limit) {
		return archive.entries(id, Paging.of(offset, limit));
	}

	@GET
	@Path("people/{id}/archive/verify")
	@Summary("Verifies the archive's hash chain and reports the first broken entry")
	public ArchiveVerification verify(@PathParam("id") String id) {
		return archive.verify(id);
	}

	@POST
	@Path("people/{id}/archive/seal")
	@Summary("Seals the archive on departure (离任统一封存); it is read-only afterwards")
	public Person seal(@HeaderParam(Validation.ACTOR_HEADER) String actor, @PathParam("id") String id,
			SealInput input) {
		return people.seal(id, input, actor);
	}

	private static PostKind kind(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return PostKind.valueOf(value.strip());
		} catch (IllegalArgumentException e) {
			throw ProblemException.invalid("kind", "kind must be one of " + List.of(PostKind.values()));
		}
	}
}
