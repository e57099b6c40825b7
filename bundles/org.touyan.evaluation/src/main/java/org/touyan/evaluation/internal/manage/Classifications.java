package org.touyan.evaluation.internal.manage;

import org.touyan.evaluation.internal.cycle.Cycle;
import org.touyan.evaluation.internal.cycle.Cycles;
import org.touyan.evaluation.internal.cycle.Rating;
import org.touyan.evaluation.internal.cycle.RatingRuns;
import org.touyan.evaluation.internal.review.Reviews;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.touyan.api.security.Sha256;
import org.touyan.api.evaluation.Classification;
import org.touyan.api.evaluation.ClassificationInput;
import org.touyan.api.evaluation.ClassificationPolicy;
import org.touyan.api.evaluation.SecretaryType;
import org.touyan.api.policy.Policies;
import org.touyan.api.policy.Policies.Result;
import org.touyan.api.policy.Policies.Scope;
import org.touyan.api.policy.PolicyFailureException;
import org.touyan.api.policy.Provenance;
import org.touyan.api.registry.Archive;
import org.touyan.api.registry.People;
import org.touyan.api.registry.Person;
import org.touyan.api.registry.Post;
import org.touyan.api.registry.PostKind;
import org.touyan.api.rest.Nullable;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.RestConstants;
import org.touyan.api.store.Sql;
import org.touyan.api.store.Store;

/**
 * Classification (分类管理) of every rated community's secretary in a cycle by the district's policy
 * pinned for the cycle, from the cycle's star rating and four-review result. Each type carries its
 * measures; potential and caretaker secretaries get a named cadre of their street for one-on-one
 * help, the street's cadres taken in turn. Results and archive entries are one transaction.
 */
@Component(service = Classifications.class)
public class Classifications {

	/** A secretary's type in a cycle, its measures, the helper if any, and the code that decided. */
	public record Placement(String cycleId, String communityId, String personId, @Nullable SecretaryType type, @Nullable String typeName,
			List<String> measures, @Nullable String helperId, @Nullable String helperName, @Nullable String explanation, @Nullable String failure, @Nullable Provenance provenance,
			@Nullable String inputHash) {
	}

	private final Store store;
	private final Policies policies;
	private final People people;
	private final Archive archive;
	private final RatingRuns ratings;
	private final Reviews reviews;
	private final Cycles cycles;

	@Activate
	public Classifications(@Reference(target = "(touyan.schema=evaluation)") Store store, @Reference Policies policies,
			@Reference People people, @Reference Archive archive, @Reference RatingRuns ratings, @Reference Reviews reviews,
			@Reference Cycles cycles) {
		this.reviews = reviews;
		this.cycles = cycles;
		this.store = store;
		this.policies = policies;
		this.people = people;
		this.archive = archive;
		this.ratings = ratings;
	}

	/** Classifies the secretaries again (after a re-rating or re-assessment) while scoring is closed. */
	public List<Placement> reclassify(String cycleId, String actor) {
		return classify(cycles.requireScoringClosed(cycleId, "重新分类", "re-classified"), actor);
	}

	/** Classifies every rated community's current secretary, replacing earlier placements of the cycle. */
	public List<Placement> classify(Cycle cycle, String actor) {
		Map<String, String> secretaries = ratings.secretaries();
		Map<String, Object[]> grades = new HashMap<>();
		// scoring is closed: the assessments and ratings read one after the other cannot change between
		for (Reviews.Assessment a : reviews.assessments(cycle.id(), null)) {
			grades.put(a.communityId(), new Object[] { a.grade(), a.score() });
		}
		List<Rating> rated = ratings.all(cycle.id());
		Map<String, List<Person>> cadres = new HashMap<>();
		Map<String, Integer> turn = new HashMap<>();
		MessageDigest sha = Sha256.digest();
		List<Placement> out = new ArrayList<>();
		for (Rating r : rated) {
			String person = secretaries.get(r.communityId());
			if (person == null) {
				continue;
			}
			Object[] g = grades.getOrDefault(r.communityId(), new Object[2]);
			ClassificationInput unbound = new ClassificationInput(person, r.communityId(), cycle.period(), r.stars(), r.score(),
					(String) g[0], (BigDecimal) g[1], Map.of());
			try {
				Result<Object[]> result = policies.apply(ClassificationPolicy.class, new Scope(cycle.districtId(), r.streetId()),
						cycle.pinKey(), (policy, parameters) -> {
							ClassificationInput input = new ClassificationInput(person, r.communityId(), cycle.period(), r.stars(), r.score(),
									unbound.grade(), unbound.assessmentScore(), parameters);
							return new Object[] { policy.classify(input), hash(sha, input) };
						});
				Classification c = (Classification) result.value()[0];
				if (c == null || c.type() == null || c.explanation() == null || c.explanation().isBlank()) {
					out.add(failed(cycle, r, person, "answered no type or no explanation", result.provenance(), (String) result.value()[1]));
					continue;
				}
				Person helper = null;
				if (c.type().helped()) {
					List<Person> street = cadres.computeIfAbsent(r.streetId(), this::cadres);
					if (!street.isEmpty()) {
						int n = turn.merge(r.streetId(), 1, Integer::sum) - 1;
						helper = street.get(n % street.size());
					}
				}
				String explanation = c.explanation() + (c.type().helped() && helper == null ? "（街道暂无可指派的干部）" : "");
				out.add(new Placement(cycle.id(), r.communityId(), person, c.type(), c.type().displayName(), c.type().measures(),
						helper == null ? null : helper.id(), helper == null ? null : helper.name(), explanation, null, result.provenance(),
						(String) result.value()[1]));
			} catch (PolicyFailureException f) {
				out.add(failed(cycle, r, person, f.detail(null), f.provenance(), hash(sha, unbound)));
			}
		}
		return store.write(c -> {
			Map<String, Placement> before = new HashMap<>();
			placements(c, cycle.id(), null).forEach(p -> before.put(p.communityId(), p));
			Sql.update(c, "DELETE FROM eval_classification WHERE cycle_id = ?", null, null, cycle.id());
			for (Placement p : out) {
				Provenance v = p.provenance();
				Sql.update(c, "INSERT INTO eval_classification (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", null, null,
						p.cycleId(), p.communityId(), p.personId(), p.type() == null ? null : p.type().name(),
						p.measures() == null ? null : String.join("、", p.measures()), p.helperId(), p.helperName(), p.explanation(),
						p.failure(), v == null ? null : v.bundle(), v == null ? null : v.version(), v == null ? null : v.policyId(),
						v == null ? null : v.bindingRevision(), p.inputHash());
				archive.append(c, p.personId(), actor, "classification.placed", "evaluation-cycle/" + cycle.id() + "/classification",
						before.get(p.communityId()), p);
			}
			return out;
		});
	}

	private static Placement failed(Cycle cycle, Rating r, String person, String why, Provenance provenance, String hash) {
		return new Placement(cycle.id(), r.communityId(), person, null, null, null, null, null, null,
				why.length() > 1000 ? why.substring(0, 999) + "…" : why, provenance, hash);
	}

	/** The current cadres of a street, in a stable order. */
	private List<Person> cadres(String streetId) {
		List<Person> found = new ArrayList<>();
		for (Post p : people.posts(streetId, null, PostKind.STREET_CADRE, true, Paging.of(0, RestConstants.MAX_LIMIT)).items()) {
			people.person(p.personId()).ifPresent(found::add);
		}
		found.sort(java.util.Comparator.comparing(Person::id));
		return found;
	}

	/** The placements of a cycle, of one community when {@code communityId} is not null. */
	public List<Placement> placements(String cycleId, String communityId) {
		return store.read(c -> placements(c, cycleId, communityId));
	}

	/** A person's placement in a cycle with a type, if they were classified there. */
	public java.util.Optional<Placement> placement(String cycleId, String personId) {
		return store.read(c -> Sql.query(c, "SELECT " + COLUMNS + " FROM eval_classification WHERE cycle_id = ? AND person_id = ?"
				+ " AND secretary_type IS NOT NULL", Classifications::placement, cycleId, personId).stream().findFirst());
	}

	private static final String COLUMNS = "cycle_id, community_id, person_id, secretary_type, measures, helper_id, helper_name,"
			+ " explanation, failure, plugin_bundle, plugin_version, policy_id, binding_revision, input_hash";

	private static List<Placement> placements(Connection c, String cycleId, String communityId) throws SQLException {
		return Sql.query(c, "SELECT " + COLUMNS + " FROM eval_classification WHERE cycle_id = ?"
				+ (communityId == null ? "" : " AND community_id = ?") + " ORDER BY community_id", Classifications::placement,
				Sql.args(cycleId, communityId));
	}

	private static Placement placement(java.sql.ResultSet rs) throws SQLException {
		String type = rs.getString(4);
		SecretaryType t = type == null ? null : SecretaryType.valueOf(type);
		String bundle = rs.getString(10);
		return new Placement(rs.getString(1), rs.getString(2), rs.getString(3), t, t == null ? null : t.displayName(),
				t == null ? null : t.measures(), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
				bundle == null ? null : new Provenance(bundle, rs.getString(11), rs.getString(12), rs.getLong(13)), rs.getString(14));
	}

	private static String hash(MessageDigest sha, ClassificationInput in) {
		StringBuilder b = new StringBuilder();
		b.append(in.personId()).append('\n').append(in.communityId()).append('\n').append(in.period()).append('\n')
				.append(in.stars()).append('\n').append(in.starScore() == null ? "-" : in.starScore().stripTrailingZeros().toPlainString())
				.append('\n').append(in.grade()).append('\n')
				.append(in.assessmentScore() == null ? "-" : in.assessmentScore().stripTrailingZeros().toPlainString()).append("\n\n");
		new TreeMap<>(in.parameters()).forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
		sha.reset();
		return HexFormat.of().formatHex(sha.digest(b.toString().getBytes(StandardCharsets.UTF_8)));
	}
}
