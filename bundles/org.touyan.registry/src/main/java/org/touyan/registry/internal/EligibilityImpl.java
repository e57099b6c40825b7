package org.touyan.registry.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.touyan.api.eligibility.Candidate;
import org.touyan.api.eligibility.CheckInput;
import org.touyan.api.eligibility.Eligibility;
import org.touyan.api.eligibility.EligibilityCheck;
import org.touyan.api.eligibility.EligibilityRuleSet;
import org.touyan.api.eligibility.FiredRule;
import org.touyan.api.eligibility.Rule;
import org.touyan.api.eligibility.RuleSetInfo;
import org.touyan.api.policy.Policy;
import org.touyan.api.policy.Provenance;
import org.touyan.api.registry.Person;
import org.touyan.api.registry.Post;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.store.Sql;
import org.touyan.api.store.Store;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * Eligibility checks against the rule set each district selects. Rule sets are plugin services that
 * come and go at run time, tracked by policy id; each stored verdict names the bundle, version and
 * policy that produced it, and appends to the person's archive in the same transaction.
 */
@Component
public class EligibilityImpl implements Eligibility {

	/** No binding registry yet: every binding is revision 0 until plugin administration exists. */
	static final long BINDING_REVISION = 0;

	private static final String CHECK = "SELECT id, person_id, as_of, facts_json, eligible, fired_json, rule_set_bundle,"
			+ " rule_set_version, rule_set_id, binding_revision, checked_at, actor FROM eligibility_check";

	/** An installed rule set and where it comes from. */
	record Installed(EligibilityRuleSet ruleSet, String name, String nameEn, Provenance provenance) {
	}

	private final Store store;
	private final List<Installed> installed = new CopyOnWriteArrayList<>();

	@Activate
	public EligibilityImpl(@Reference(target = "(touyan.schema=registry)") Store store) {
		this.store = store;
	}

	@Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
			policyOption = ReferencePolicyOption.GREEDY)
	void addRuleSet(ServiceReference<EligibilityRuleSet> ref, EligibilityRuleSet ruleSet) {
		Object id = ref.getProperty(Policy.ID);
		if (id == null) {
			// a rule set without a policy id cannot be selected by any district
			return;
		}
		install(new Installed(ruleSet, (String) ref.getProperty(Policy.NAME), (String) ref.getProperty(Policy.NAME_EN),
				new Provenance(ref.getBundle().getSymbolicName(), ref.getBundle().getVersion().toString(), id.toString(),
						BINDING_REVISION)));
	}

	void removeRuleSet(ServiceReference<EligibilityRuleSet> ref, EligibilityRuleSet ruleSet) {
		installed.removeIf(i -> i.ruleSet() == ruleSet);
	}

	/** Makes a rule set available; the newest of several with one policy id serves. */
	void install(Installed i) {
		installed.add(i);
	}

	private Optional<Installed> ruleSet(String policyId) {
		List<Installed> now = new ArrayList<>(installed);
		for (int i = now.size() - 1; i >= 0; i--) {
			if (now.get(i).provenance().policyId().equals(policyId)) {
				return Optional.of(now.get(i));
			}
		}
		return Optional.empty();
	}

	@Override
	public List<RuleSetInfo> ruleSets() {
		List<RuleSetInfo> infos = new ArrayList<>();
		for (Installed i : installed) {
			infos.add(new RuleSetInfo(i.provenance().policyId(), i.name(), i.nameEn(), i.provenance(), i.ruleSet().rules()));
		}
		infos.sort(Comparator.comparing(RuleSetInfo::id));
		return infos;
	}

	@Override
	public EligibilityCheck check(String personId, CheckInput input, String actor) {
		String who = Validation.actor(actor);
		Map<String, Object> facts = input == null || input.facts() == null ? Map.of() : input.facts();
		LocalDate asOf = input == null || input.asOf() == null ? LocalDate.now() : input.asOf();
		String id = UUID.randomUUID().toString();
		return store.write(c -> {
			Person person = PeopleImpl.openPerson(c, personId);
			String selected = Sql.query(c, "SELECT eligibility_rule_set FROM district WHERE id = ?",
					rs -> rs.getString(1), person.districtId()).stream().filter(s -> s != null).findFirst().orElse(DEFAULT_RULE_SET);
			Installed rules = ruleSet(selected).orElseThrow(() -> new ProblemException(409, "No rule set",
					"本区选用的资格审查规则集 " + selected + " 未安装：请安装其插件，或在本区设置中选用已安装的规则集",
					"no eligibility rule set '" + selected + "' is installed: install its plugin, or select an installed rule set"
							+ " in the district's settings", "eligibilityRuleSet"));
			Set<String> known = new HashSet<>();
			rules.ruleSet().rules().stream().map(Rule::fact).filter(f -> f != null).forEach(known::add);
			for (String fact : facts.keySet()) {
				if (!known.contains(fact)) {
					throw ProblemException.invalid("facts." + fact, "规则集 " + selected + " 不使用事实 " + fact
							+ "，可填写的事实为：" + known.stream().sorted().toList(), "the rule set '" + selected + "' reads no fact '" + fact
							+ "'; it reads " + known.stream().sorted().toList());
				}
			}
			List<Post> posts = Sql.query(c, PeopleImpl.POST + " WHERE person_id = ? ORDER BY start_date, id",
					PeopleImpl::post, personId);
			List<FiredRule> fired = List.copyOf(rules.ruleSet().evaluate(new Candidate(person, posts, Map.copyOf(facts), asOf)));
			Timestamp now = Sql.now();
			EligibilityCheck check = new EligibilityCheck(id, personId, asOf, new java.util.TreeMap<>(facts), fired.isEmpty(), fired,
					rules.provenance(), now.toInstant(), who);
			Provenance p = rules.provenance();
			Sql.update(c, "INSERT INTO eligibility_check (id, person_id, as_of, facts_json, eligible, fired_json, rule_set_bundle,"
					+ " rule_set_version, rule_set_id, binding_revision, checked_at, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
					null, null, id, personId, Date.valueOf(asOf), ArchiveLog.json(check.facts()), check.eligible(),
					ArchiveLog.json(fired), p.bundle(), p.version(), p.policyId(), p.bindingRevision(), now, who);
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("checkId", id);
			entry.put("asOf", asOf.toString());
			entry.put("eligible", check.eligible());
			entry.put("fired", fired.stream().map(FiredRule::ruleId).toList());
			entry.put("ruleSet", p.toString());
			ArchiveLog.append(c, personId, who, "eligibility.checked", "eligibility/" + id, null, entry);
			return check;
		});
	}

	@Override
	public Page<EligibilityCheck> checks(String personId, Paging paging) {
		return store.read(c -> {
			PeopleImpl.requirePerson(c, personId);
			return Sql.page(c, CHECK + " WHERE person_id = ?", "checked_at DESC, id", paging, EligibilityImpl::check,
					List.of(personId));
		});
	}

	@Override
	public Optional<EligibilityCheck> checkById(String id) {
		return store.read(c -> Sql.one(c, CHECK + " WHERE id = ?", EligibilityImpl::check, id));
	}

	private static EligibilityCheck check(ResultSet rs) throws SQLException {
		return new EligibilityCheck(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(),
				ArchiveLog.read(rs.getString(4), new TypeReference<Map<String, Object>>() {
				}), rs.getBoolean(5), ArchiveLog.read(rs.getString(6), new TypeReference<List<FiredRule>>() {
				}), new Provenance(rs.getString(7), rs.getString(8), rs.getString(9), rs.getLong(10)),
				rs.getTimestamp(11).toInstant(), rs.getString(12));
	}
}
