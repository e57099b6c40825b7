package org.touyan.evaluation.internal.manage;

import org.touyan.evaluation.internal.cycle.Cycle;
import org.touyan.evaluation.internal.cycle.Cycles;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.touyan.api.registry.Community;
import org.touyan.api.registry.District;
import org.touyan.api.registry.JointCommittee;
import org.touyan.api.registry.OrgUnits;
import org.touyan.api.registry.People;
import org.touyan.api.registry.Person;
import org.touyan.api.rest.Fields;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.rest.RestConstants;
import org.touyan.api.store.Sql;
import org.touyan.api.store.Store;

/**
 * What proposals, pairs and coverage of 结对帮带 share: the cycle whose types decide who mentors
 * whom, the secretaries it classified, how close two communities are, and names.
 */
final class MentoringBasis {

	private final Store store;
	private final Classifications classifications;
	private final OrgUnits units;
	private final People people;

	MentoringBasis(Store store, Classifications classifications, OrgUnits units, People people) {
		this.store = store;
		this.classifications = classifications;
		this.units = units;
		this.people = people;
	}

	/** The district's latest cycle whose secretaries are classified: its types decide who mentors whom. */
	Optional<Cycle> basisCycle(String districtId) {
		return store.read(c -> Sql.one(c, "SELECT " + Cycles.COLUMNS + " FROM eval_cycle e WHERE district_id = ? AND status IN"
				+ " ('SCORING_CLOSED', 'PUBLISHED', 'ARCHIVED') AND EXISTS (SELECT 1 FROM eval_classification k WHERE"
				+ " k.cycle_id = e.id AND k.secretary_type IS NOT NULL) ORDER BY period DESC", Cycles::cycle, districtId));
	}

	Cycle requireBasis(District district) {
		return basisCycle(district.id()).orElseThrow(() -> new ProblemException(409, "Conflict", "结对帮带依据书记分类：" + district.name()
				+ " 尚无已分类的评价周期", "Mentoring pairs follow the types: " + district.name() + " has no classified cycle yet", null));
	}

	District district(String id) {
		if (id == null || id.isBlank()) {
			throw Fields.missing("districtId");
		}
		return units.district(id).orElseThrow(() -> ProblemException.invalid("districtId", "没有这个区：" + id, "No district with id '" + id + "'"));
	}

	static int year(Integer year) {
		if (year == null || year < 2000 || year > 2100) {
			throw ProblemException.invalid("year", "应为年份，如 2026", "year is a year such as 2026");
		}
		return year;
	}

	/** The classified secretaries of a cycle by person. */
	Map<String, Classifications.Placement> placements(Cycle cycle) {
		Map<String, Classifications.Placement> byPerson = new LinkedHashMap<>();
		classifications.placements(cycle.id(), null).stream().filter(p -> p.type() != null).forEach(p -> byPerson.put(p.personId(), p));
		return byPerson;
	}

	Optional<Classifications.Placement> placement(Cycle cycle, String personId) {
		return classifications.placement(cycle.id(), personId);
	}

	/** People's names, each looked up once per request. */
	Function<String, String> names() {
		Map<String, String> known = new HashMap<>();
		return id -> known.computeIfAbsent(id, k -> people.person(k).map(Person::name).orElse(null));
	}

	static Mentoring.Member member(Classifications.Placement p, Function<String, String> names) {
		return new Mentoring.Member(p.personId(), names.apply(p.personId()), p.communityId(), p.type().name(), p.type().displayName());
	}

	/** How close two communities of a district are: the same joint committee, the same street, or neither. */
	MentorPlan.Closeness closeness(String districtId) {
		Map<String, String> street = streets(districtId);
		Map<String, String> committee = new HashMap<>();
		for (int offset = 0;; offset += RestConstants.MAX_LIMIT) {
			Page<JointCommittee> page = units.jointCommittees(districtId, Paging.of(offset, RestConstants.MAX_LIMIT));
			page.items().forEach(j -> j.communityIds().forEach(k -> committee.put(k, j.id())));
			if (offset + RestConstants.MAX_LIMIT >= page.total()) {
				break;
			}
		}
		return (a, b) -> committee.containsKey(a) && committee.get(a).equals(committee.get(b)) ? Mentoring.Basis.JOINT_COMMITTEE
				: street.containsKey(a) && street.get(a).equals(street.get(b)) ? Mentoring.Basis.STREET : Mentoring.Basis.DISTRICT;
	}

	/** The street of each community of a district. */
	Map<String, String> streets(String districtId) {
		Map<String, String> street = new HashMap<>();
		for (int offset = 0;; offset += RestConstants.MAX_LIMIT) {
			Page<Community> page = units.communities(districtId, null, Paging.of(offset, RestConstants.MAX_LIMIT));
			page.items().forEach(k -> street.put(k.id(), k.streetId()));
			if (offset + RestConstants.MAX_LIMIT >= page.total()) {
				return street;
			}
		}
	}
}
