package org.touyan.training.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.touyan.api.registry.Community;
import org.touyan.api.registry.District;
import org.touyan.api.registry.OrgUnits;
import org.touyan.api.registry.People;
import org.touyan.api.registry.Person;
import org.touyan.api.registry.Post;
import org.touyan.api.registry.PostKind;
import org.touyan.api.registry.Street;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.ProblemException;

/**
 * The registry as training sees it: ids checked against the registry's districts, streets,
 * communities and people, and a district's serving secretaries with their community and street.
 */
@Component(service = Directory.class)
public class Directory {

	private final OrgUnits units;
	private final People people;

	@Activate
	public Directory(@Reference OrgUnits units, @Reference People people) {
		this.units = units;
		this.people = people;
	}

	District district(String field, String id) {
		String v = Input.required(field, id);
		return units.district(v).orElseThrow(() -> ProblemException.invalid(field, "没有这个区：" + v, "No district with id '" + v + "'"));
	}

	Street street(String field, String id, String districtId) {
		String v = Input.required(field, id);
		Street s = units.street(v).orElseThrow(() -> ProblemException.invalid(field, "没有这个街道：" + v, "No street with id '" + v + "'"));
		if (!s.districtId().equals(districtId)) {
			throw ProblemException.invalid(field, "街道 " + v + " 不在本区", "street '" + v + "' is not in the district");
		}
		return s;
	}

	Community community(String field, String id, String districtId) {
		String v = Input.required(field, id);
		Community k = units.community(v).orElseThrow(() -> ProblemException.invalid(field, "没有这个社区：" + v, "No community with id '" + v + "'"));
		street(field, k.streetId(), districtId);
		return k;
	}

	Person person(String field, String id, String districtId) {
		String v = Input.required(field, id);
		Person p = people.person(v).orElseThrow(() -> ProblemException.invalid(field, "没有这名人员：" + v, "No person with id '" + v + "'"));
		if (!p.districtId().equals(districtId)) {
			throw ProblemException.invalid(field, "人员 " + v + " 不在本区", "person '" + v + "' is not in the district");
		}
		return p;
	}

	/** Whole years a person has held a community secretary post up to {@code on}, over all their posts. */
	int yearsAsSecretary(String personId, LocalDate on) {
		long days = 0;
		for (Post p : people.posts(personId)) {
			if (p.kind() == PostKind.COMMUNITY_SECRETARY && !p.startDate().isAfter(on)) {
				LocalDate end = p.endDate() == null || p.endDate().isAfter(on) ? on : p.endDate();
				days += ChronoUnit.DAYS.between(p.startDate(), end);
			}
		}
		return (int) (days / 365);
	}

	/** A street's communities and the people holding a current post in it or one of them. */
	record StreetMembers(Set<String> communities, Set<String> people) {
	}

	/** Who belongs to a street, for the lists a street administrator reads; nothing for an unknown street. */
	StreetMembers members(String streetId) {
		Set<String> communities = new HashSet<>();
		for (Community k : all(p -> units.communities(null, streetId, p))) {
			communities.add(k.id());
		}
		Set<String> members = new HashSet<>();
		for (Person p : all(paging -> people.people(null, streetId, paging))) {
			members.add(p.id());
		}
		return new StreetMembers(communities, members);
	}

	/** One serving secretary. */
	record Secretary(String personId, String name, String communityId, String communityName, String streetId, String streetName) {
	}

	/** The district's serving community secretaries, by street and community. */
	List<Secretary> secretaries(String districtId) {
		Map<String, Street> streets = new HashMap<>();
		for (Street s : all(p -> units.streets(districtId, p))) {
			streets.put(s.id(), s);
		}
		Map<String, Community> communities = new HashMap<>();
		for (Community k : all(p -> units.communities(districtId, null, p))) {
			communities.put(k.id(), k);
		}
		List<Secretary> found = new ArrayList<>();
		for (Post post : all(p -> people.posts(null, null, PostKind.COMMUNITY_SECRETARY, true, p))) {
			Community k = communities.get(post.unitId());
			if (k != null) {
				Street s = streets.get(k.streetId());
				String name = people.person(post.personId()).map(Person::name).orElse(post.personId());
				found.add(new Secretary(post.personId(), name, k.id(), k.name(), s.id(), s.name()));
			}
		}
		found.sort(Comparator.comparing(Secretary::streetName).thenComparing(Secretary::communityName));
		return found;
	}

	private static <T> List<T> all(java.util.function.Function<Paging, Page<T>> pages) {
		List<T> items = new ArrayList<>();
		for (int offset = 0;; offset += 500) {
			Page<T> page = pages.apply(Paging.of(offset, 500));
			items.addAll(page.items());
			if (page.items().isEmpty() || offset + page.items().size() >= page.total()) {
				return items;
			}
		}
	}
}
