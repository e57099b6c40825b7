package org.touyan.api.registry;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Paging;

/**
 * People and their posts. Every write appends an entry to the person's archive in the same
 * transaction ("凡动必备"), naming {@code actor}; a sealed archive refuses every write with a 409.
 * Invalid input throws {@link org.touyan.api.rest.ProblemException} naming the field; nothing is
 * written then.
 */
@ProviderType
public interface People {

	// A change of one person or post takes ifMatch, the ETag of it as the caller read it
	// (org.touyan.api.rest.Preconditions): compared in the write's transaction after the row is
	// locked, 428 when missing, 412 when it changed meanwhile.

	/**
	 * People of a district (or all), only those holding a current post in a street or one of its
	 * communities when {@code streetId} is given.
	 */
	Page<Person> people(String districtId, String streetId, Paging paging);

	Optional<Person> person(String id);

	Person createPerson(PersonInput input, String actor);

	Person updatePerson(String id, PersonInput input, String actor, String ifMatch);

	/** A person's posts, past and current, oldest first. */
	List<Post> posts(String personId);

	/**
	 * Posts in a unit (or all), in a street and its communities (or all), of a kind (or all), only
	 * current ones when {@code current} is true; of every district.
	 */
	default Page<Post> posts(String unitId, String streetId, PostKind kind, boolean current, Paging paging) {
		return posts(null, unitId, streetId, kind, current, paging);
	}

	/**
	 * Posts held by people of a district (or of all), in a unit (or all), in a street and its
	 * communities (or all), of a kind (or all), only current ones when {@code current} is true.
	 *
	 * @since 3.1
	 */
	Page<Post> posts(String districtId, String unitId, String streetId, PostKind kind, boolean current, Paging paging);

	Optional<Post> post(String id);

	Post addPost(String personId, PostInput input, String actor);

	Post endPost(String postId, PostEnding ending, String actor, String ifMatch);

	/** Seals the archive on departure; the person must hold no current post. */
	Person seal(String personId, SealInput input, String actor, String ifMatch);
}
