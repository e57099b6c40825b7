package org.touyan.evaluation.internal.use;

import org.touyan.evaluation.internal.cycle.Cycles;

import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.touyan.api.security.Sha256;
import org.touyan.api.evaluation.NegativeConsequence;
import org.touyan.api.evaluation.NegativeItem;
import org.touyan.api.evaluation.NegativeListCatalogue;
import org.touyan.api.evaluation.NegativeListInput;
import org.touyan.api.evaluation.NegativeSeverity;
import org.touyan.api.evaluation.NegativeVerdict;
import org.touyan.api.policy.Policies;
import org.touyan.api.policy.Policies.Result;
import org.touyan.api.policy.Policies.Scope;
import org.touyan.api.policy.PolicyFailureException;
import org.touyan.api.policy.Provenance;
import org.touyan.api.registry.Archive;
import org.touyan.api.registry.Community;
import org.touyan.api.registry.Filing;
import org.touyan.api.registry.FilingInput;
import org.touyan.api.registry.FilingKind;
import org.touyan.api.registry.FilingNote;
import org.touyan.api.registry.Filings;
import org.touyan.api.registry.OrgUnits;
import org.touyan.api.registry.People;
import org.touyan.api.registry.Post;
import org.touyan.api.registry.PostKind;
import org.touyan.api.registry.Street;
import org.touyan.api.rest.Fields;
import org.touyan.api.rest.Nullable;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.Preconditions;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.store.Sql;
import org.touyan.api.store.Store;

/**
 * The negative list (履职负面清单): incidents recorded against a serving secretary with evidence, under
 * items of the {@link NegativeListCatalogue} bound for the secretary's street, and the catalogue's
 * verdict — criticism and rectification by a deadline, followed up until rectified, or adjustment
 * and exit, which opens a removal filing (规范备案) in the registry. The verdict names the items and
 * is stored with the plugin's provenance; each incident and follow-up lands in the archive.
 */
@Component(service = NegativeList.class)
public class NegativeList {

	private static final Logger LOG = LoggerFactory.getLogger(NegativeList.class);

	enum Status {
		RECTIFYING("整改中"), RECTIFIED("已整改"), ADJUSTING("调整中（已启动规范备案）");

		final String displayName;

		Status(String displayName) {
			this.displayName = displayName;
		}
	}

	/**
	 * An incident to record. {@code deadline} (optional) overrides the catalogue's rectification
	 * period, which is counted from {@code occurredOn}, the day it happened, not the day it is
	 * recorded; {@code effectiveDate} (default today) is when an adjustment's removal applies.
	 */
	public record IncidentInput(String personId, LocalDate occurredOn, List<String> items, @Nullable String description, @Nullable List<String> evidence,
			@Nullable LocalDate deadline, @Nullable LocalDate effectiveDate) {
	}

	public record Item(String code, String name, String severity, String severityName) {
	}

	public record FollowUpInput(LocalDate checkedOn, @Nullable String note, @Nullable Boolean rectified) {
	}

	public record FollowUp(int seq, LocalDate checkedOn, @Nullable String note, boolean rectified, String actor) {
	}

	/** What the catalogue answered for an incident: its items, or the codes it does not have. */
	private record Answer(List<NegativeItem> all, NegativeVerdict verdict, List<NegativeItem> items, List<String> unknown,
			String inputHash) {
	}

	/**
	 * SHA-256 of the catalogue's whole input in a canonical order (person, community, date, each
	 * item's code and severity, the earlier incidents, the parameters sorted by key), so the verdict's
	 * provenance names exactly what it judged, as ratings and classifications do.
	 */
	static String hash(NegativeListInput in) {
		StringBuilder b = new StringBuilder();
		b.append(in.personId()).append('\n').append(in.communityId()).append('\n').append(in.occurredOn()).append('\n');
		in.items().forEach(i -> b.append(i.code()).append('=').append(i.severity()).append('\n'));
		b.append(in.earlierIncidents()).append("\n\n");
		new java.util.TreeMap<>(in.parameters()).forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
		return Sha256.hex(b.toString());
	}

	/** A recorded incident; {@code overdue} when a rectification is still open after its deadline. */
	public record Incident(String id, String districtId, @Nullable String streetId, @Nullable String communityId, String personId, LocalDate occurredOn,
			List<Item> items, String severity, @Nullable String description, @Nullable List<String> evidence, String consequence, String consequenceName,
			String explanation, @Nullable LocalDate deadline, String status, String statusName, boolean overdue, @Nullable String filingId,
			Provenance provenance, String inputHash, List<FollowUp> followUps, String actor, Instant recordedAt) {
	}

	/** The catalogue bound for a scope, and the plugin that provides it. */
	public record Catalogue(@Nullable String districtId, @Nullable String streetId, List<Item> items, Provenance provenance) {
	}

	private final Store store;
	private final Policies policies;
	private final OrgUnits units;
	private final People people;
	private final Archive archive;
	private final Filings filings;
	private final Cycles cycles;

	@Activate
	public NegativeList(@Reference(target = "(touyan.schema=evaluation)") Store store, @Reference Policies policies,
			@Reference OrgUnits units, @Reference People people, @Reference Archive archive, @Reference Filings filings,
			@Reference Cycles cycles) {
		this.cycles = cycles;
		this.store = store;
		this.policies = policies;
		this.units = units;
		this.people = people;
		this.archive = archive;
		this.filings = filings;
	}

	/**
	 * The pin of the district's cycle for the half-year the incident happened in, while that cycle
	 * holds it (open, scoring closed or published): an incident of a half-year under evaluation is
	 * judged by the catalogue its cycle froze, as its ratings are. Without such a cycle (not yet
	 * opened, or archived) the catalogue bound now judges, and the stored provenance says which.
	 */
	private String pinFor(String districtId, LocalDate occurredOn) {
		String period = occurredOn.getYear() + (occurredOn.getMonthValue() <= 6 ? "-H1" : "-H2");
		return cycles.pinFor(districtId, period).orElse(null);
	}

	/** The catalogue bound for a district, or for one of its streets. */
	public Catalogue catalogue(String districtId, String streetId) {
		if (districtId == null || districtId.isBlank()) {
			throw Fields.missing("district");
		}
		units.district(districtId).orElseThrow(() -> ProblemException.invalid("district", "没有这个区：" + districtId,
				"No district with id '" + districtId + "'"));
		if (streetId != null && !streetId.isBlank()
				&& units.street(streetId).filter(s -> s.districtId().equals(districtId)).isEmpty()) {
			throw ProblemException.invalid("street", "本区没有这个街道：" + streetId, "No street with id '" + streetId + "' in the district");
		}
		String street = streetId == null || streetId.isBlank() ? null : streetId;
		Result<List<NegativeItem>> r = policies.apply(NegativeListCatalogue.class, new Scope(districtId, street), null,
				(catalogue, parameters) -> catalogue.items());
		return new Catalogue(districtId, street, checked(r.value(), r.provenance()).values().stream().map(NegativeList::item).toList(),
				r.provenance());
	}

	/**
	 * Records an incident against a serving secretary. The catalogue is asked before anything is
	 * stored; an adjustment opens its removal filing next, and the incident commits after it (a
	 * failure then withdraws the filing again), so an incident never points at a filing that is not there.
	 */
	public Incident record(IncidentInput input, String actor) {
		if (input == null) {
			throw ProblemException.invalid(null, "请求须带 JSON 正文：personId、occurredOn、items、description、evidence",
					"A JSON body is required: personId, occurredOn, items, description, evidence");
		}
		String personId = Fields.paragraph("personId", input.personId(), 36, true);
		Post post = people.posts(personId).stream().filter(p -> p.kind() == PostKind.COMMUNITY_SECRETARY && p.endDate() == null)
				.findFirst().orElseThrow(() -> new ProblemException(422, "Not a serving secretary",
						"履职负面清单适用于在任社区党组织书记，人员 " + personId + " 未担任此职",
						"the negative list applies to serving community Party secretaries; " + personId + " holds no such post", "personId"));
		if (input.occurredOn() == null) {
			throw Fields.missing("occurredOn");
		}
		if (input.occurredOn().isAfter(LocalDate.now())) {
			throw ProblemException.invalid("occurredOn", "发生日期不能晚于今天", "occurredOn is in the future");
		}
		if (input.items() == null || input.items().isEmpty()) {
			throw ProblemException.invalid("items", "请至少选择一项负面清单情形", "an incident names at least one item of the negative list");
		}
		Set<String> codes = new java.util.LinkedHashSet<>();
		for (String code : input.items()) {
			if (code == null || code.isBlank() || !codes.add(code.strip())) {
				throw ProblemException.invalid("items", "负面清单情形的代码不能为空，也不能重复", "items are distinct codes of the negative list");
			}
		}
		String description = Fields.paragraph("description", input.description(), 2000, true);
		if (input.evidence() == null || input.evidence().isEmpty() || input.evidence().stream().anyMatch(e -> e == null || e.isBlank())) {
			throw ProblemException.invalid("evidence", "记录负面清单事件须附佐证材料：至少一条，且不能为空",
					"an incident is recorded with its evidence: at least one non-blank entry");
		}
		List<String> evidence = input.evidence().stream().map(String::strip).toList();
		if (evidence.stream().anyMatch(e -> e.length() > 500 || e.contains("\n")) || String.join("\n", evidence).length() > 4000) {
			throw ProblemException.invalid("evidence", "佐证材料每条为一行、最多 500 字，合计最多 4000 字",
					"each evidence entry is one line of at most 500 characters, all together at most 4000");
		}
		if (input.deadline() != null && !input.deadline().isAfter(input.occurredOn())) {
			throw ProblemException.invalid("deadline", "整改期限应晚于发生日期", "deadline is after occurredOn");
		}
		Community community = units.community(post.unitId()).orElseThrow();
		Street street = units.street(community.streetId()).orElseThrow();
		int earlier = store.read(c -> Sql.query(c, "SELECT COUNT(*) FROM eval_incident WHERE person_id = ? AND occurred_on >= ?"
				+ " AND occurred_on <= ?", rs -> rs.getInt(1), personId, Date.valueOf(input.occurredOn().minusDays(365)),
				Date.valueOf(input.occurredOn()))).get(0);
		Result<Answer> r = policies.apply(NegativeListCatalogue.class, new Scope(street.districtId(), street.id()),
				pinFor(street.districtId(), input.occurredOn()), (catalogue, parameters) -> {
					List<NegativeItem> all = catalogue.items();
					Map<String, NegativeItem> byCode = new LinkedHashMap<>();
					(all == null ? List.<NegativeItem>of() : all).forEach(i -> byCode.putIfAbsent(i == null ? null : i.code(), i));
					List<String> unknown = codes.stream().filter(code -> !byCode.containsKey(code)).toList();
					if (!unknown.isEmpty()) {
						return new Answer(all, null, List.of(), unknown, null);
					}
					List<NegativeItem> items = codes.stream().map(byCode::get).toList();
					NegativeListInput judged = new NegativeListInput(personId, community.id(), input.occurredOn(), items, earlier, parameters);
					return new Answer(all, catalogue.judge(judged), items, List.of(), hash(judged));
				});
		Map<String, NegativeItem> catalogue = checked(r.value().all(), r.provenance());
		if (!r.value().unknown().isEmpty()) {
			throw new ProblemException(422, "Not on the negative list", "以下不是本区绑定的负面清单（" + r.provenance().policyId() + " "
					+ r.provenance().version() + "）中的情形：" + r.value().unknown(), "not items of the negative list bound for the district ("
					+ r.provenance().policyId() + " " + r.provenance().version() + "): " + r.value().unknown(), "items");
		}
		List<NegativeItem> items = r.value().items();
		NegativeVerdict verdict = r.value().verdict();
		String[] fault = fault(verdict, items);
		if (fault != null) {
			throw new PolicyFailureException(r.provenance(), fault[0], fault[1]);
		}
		NegativeSeverity severity = items.stream().anyMatch(i -> i.severity() == NegativeSeverity.SERIOUS) ? NegativeSeverity.SERIOUS
				: NegativeSeverity.LIGHTER;
		boolean rectify = verdict.consequence() == NegativeConsequence.RECTIFICATION;
		LocalDate deadline = !rectify ? null : input.deadline() != null ? input.deadline() : input.occurredOn().plusDays(verdict.rectificationDays());
		String filingId = null;
		if (!rectify) {
			Filing filing = filings.open(new FilingInput(street.districtId(), FilingKind.REMOVAL, personId, community.id(), post.id(),
					input.effectiveDate() == null ? LocalDate.now() : input.effectiveDate()), actor);
			filingId = filing.id();
		}
		String id = UUID.randomUUID().toString();
		Status status = rectify ? Status.RECTIFYING : Status.ADJUSTING;
		Incident incident = new Incident(id, street.districtId(), street.id(), community.id(), personId, input.occurredOn(),
				items.stream().map(NegativeList::item).toList(), severity.name(), description, evidence, verdict.consequence().name(),
				verdict.consequence().displayName(), verdict.explanation().strip(), deadline, status.name(), status.displayName, false,
				filingId, r.provenance(), r.value().inputHash(), List.of(), actor, Sql.now().toInstant());
		try {
			store.write(c -> {
				Provenance p = incident.provenance();
				Sql.update(c, "INSERT INTO eval_incident (id, district_id, street_id, community_id, person_id, occurred_on, items, item_names,"
						+ " severity, description, evidence, consequence, explanation, deadline, status, filing_id, plugin_bundle, plugin_version,"
						+ " policy_id, binding_revision, input_hash, actor, recorded_at)"
						+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", null,
						null, id, incident.districtId(), incident.streetId(), incident.communityId(), personId, Date.valueOf(incident.occurredOn()),
						String.join(",", codes), items.stream().map(i -> i.severity().name() + "\t" + i.name()).collect(Collectors.joining("\n")), severity.name(),
						description, String.join("\n", evidence), incident.consequence(), incident.explanation(),
						deadline == null ? null : Date.valueOf(deadline), status.name(), incident.filingId(), p.bundle(), p.version(),
						p.policyId(), p.bindingRevision(), incident.inputHash(), actor, java.sql.Timestamp.from(incident.recordedAt()));
				archive.append(c, personId, actor, "negative-list.recorded", "negative-list/" + id, null, incident);
				return null;
			});
		} catch (RuntimeException e) {
			if (filingId != null) {
				withdraw(filingId, actor);
			}
			throw e;
		}
		return incident;
	}

	private void withdraw(String filingId, String actor) {
		try {
			// the filing was opened by this request a moment ago: its version now is the one to withdraw
			filings.withdraw(filingId, new FilingNote("负面清单记录未能保存，撤回调整备案"), actor,
					Preconditions.tag(filings.filing(filingId)));
		} catch (RuntimeException e) {
			LOG.error("the removal filing {} of an incident that was not stored could not be withdrawn", filingId, e);
		}
	}

	/** Records a follow-up of a rectification under way; one that finds it rectified closes the incident. */
	public Incident followUp(String id, FollowUpInput input, String actor, String ifMatch) {
		Incident before = require(id);
		if (input == null) {
			throw ProblemException.invalid(null, "请求须带 JSON 正文：note、rectified", "A JSON body is required: note, rectified");
		}
		String note = Fields.paragraph("note", input.note(), 2000, true);
		LocalDate on = input.checkedOn() == null ? LocalDate.now() : input.checkedOn();
		if (on.isBefore(before.occurredOn())) {
			throw ProblemException.invalid("checkedOn", "核查日期不能早于事件发生日期 " + before.occurredOn(),
					"checkedOn is before the incident (" + before.occurredOn() + ")");
		}
		boolean rectified = Boolean.TRUE.equals(input.rectified());
		return store.write(c -> {
			// the row lock makes two follow-ups of one incident compare one after the other
			Sql.update(c, "UPDATE eval_incident SET status = status WHERE id = ?", null, null, id);
			Incident current = find(c, id).orElseThrow();
			Preconditions.check(ifMatch, current);
			if (!Status.RECTIFYING.name().equals(current.status())) {
				throw new ProblemException(409, "Conflict", "只有整改中的事件才能记录跟踪核查，该事件当前为" + current.statusName(),
						"follow-ups are recorded for a rectification under way; this incident is " + current.statusName(), null);
			}
			int seq = current.followUps().size() + 1;
			Sql.update(c, "INSERT INTO eval_incident_followup (incident_id, seq, checked_on, note, rectified, actor, recorded_at)"
					+ " VALUES (?, ?, ?, ?, ?, ?, ?)", null, null, id, seq, Date.valueOf(on), note, rectified, actor, Sql.now());
			if (rectified) {
				Sql.update(c, "UPDATE eval_incident SET status = ? WHERE id = ?", null, null, Status.RECTIFIED.name(), id);
			}
			Incident after = find(c, id).orElseThrow();
			archive.append(c, current.personId(), actor, rectified ? "negative-list.rectified" : "negative-list.followed-up",
					"negative-list/" + id + "/follow-up/" + seq, current, after);
			return after;
		});
	}

	public Incident require(String id) {
		return store.read(c -> find(c, id)).orElseThrow(() -> ProblemException.notFound("负面清单事件", "negative-list incident", id));
	}

	/** Incidents of a district, of one person or status when given, newest first. */
	public Page<Incident> incidents(String districtId, String personId, String status, Paging paging) {
		if ((districtId == null || districtId.isBlank()) && (personId == null || personId.isBlank())) {
			throw ProblemException.invalid("district", "请指定区（district）或人员（person）", "district or person is required");
		}
		List<Object> args = new ArrayList<>();
		List<String> where = new ArrayList<>();
		if (districtId != null && !districtId.isBlank()) {
			where.add("district_id = ?");
			args.add(districtId);
		}
		if (personId != null && !personId.isBlank()) {
			where.add("person_id = ?");
			args.add(personId);
		}
		if (status != null && !status.isBlank()) {
			try {
				args.add(Status.valueOf(status.strip().toUpperCase(Locale.ROOT)).name());
			} catch (IllegalArgumentException e) {
				throw ProblemException.invalid("status", "状态为整改中（RECTIFYING）、已整改（RECTIFIED）或调整中（ADJUSTING）",
						"status is RECTIFYING, RECTIFIED or ADJUSTING");
			}
			where.add("status = ?");
		}
		String select = "SELECT " + COLUMNS + " FROM eval_incident WHERE " + String.join(" AND ", where);
		return store.read(c -> {
			Page<Incident> page = Sql.page(c, select, "occurred_on DESC, recorded_at DESC", paging, NegativeList::incident, args);
			List<Incident> items = new ArrayList<>();
			for (Incident i : page.items()) {
				items.add(withFollowUps(c, i));
			}
			return new Page<>(items, page.total(), page.offset(), page.limit());
		});
	}

	/** The incidents of a district that occurred between two dates (inclusive), for a cycle's report. */
	public List<Incident> between(String districtId, LocalDate from, LocalDate to) {
		return store.read(c -> Sql.query(c, "SELECT " + COLUMNS + " FROM eval_incident WHERE district_id = ? AND occurred_on BETWEEN ? AND ?"
				+ " ORDER BY occurred_on, id", NegativeList::incident, districtId, Date.valueOf(from), Date.valueOf(to)));
	}

	/** Whether a person has an incident that is still being rectified or adjusted. */
	static boolean open(Connection c, String personId) throws SQLException {
		return Sql.query(c, "SELECT COUNT(*) FROM eval_incident WHERE person_id = ? AND status <> 'RECTIFIED'", rs -> rs.getInt(1),
				personId).get(0) > 0;
	}

	private static final String COLUMNS = "id, district_id, street_id, community_id, person_id, occurred_on, items, item_names, severity,"
			+ " description, evidence, consequence, explanation, deadline, status, filing_id, plugin_bundle, plugin_version, policy_id,"
			+ " binding_revision, actor, recorded_at, input_hash";

	private static Optional<Incident> find(Connection c, String id) throws SQLException {
		Optional<Incident> found = Sql.one(c, "SELECT " + COLUMNS + " FROM eval_incident WHERE id = ?", NegativeList::incident, id);
		return found.isEmpty() ? found : Optional.of(withFollowUps(c, found.get()));
	}

	private static Incident withFollowUps(Connection c, Incident i) throws SQLException {
		List<FollowUp> followUps = Sql.query(c, "SELECT seq, checked_on, note, rectified, actor FROM eval_incident_followup"
				+ " WHERE incident_id = ? ORDER BY seq", rs -> new FollowUp(rs.getInt(1), rs.getDate(2).toLocalDate(), rs.getString(3),
						rs.getBoolean(4), rs.getString(5)), i.id());
		return new Incident(i.id(), i.districtId(), i.streetId(), i.communityId(), i.personId(), i.occurredOn(), i.items(), i.severity(),
				i.description(), i.evidence(), i.consequence(), i.consequenceName(), i.explanation(), i.deadline(), i.status(),
				i.statusName(), i.overdue(), i.filingId(), i.provenance(), i.inputHash(), followUps, i.actor(), i.recordedAt());
	}

	/** An incident row; its items keep the names and severities the catalogue gave when it was recorded (one "SEVERITY\tname" line each). */
	private static Incident incident(ResultSet rs) throws SQLException {
		String[] codes = rs.getString(7).split(",");
		String[] named = rs.getString(8).split("\n");
		NegativeSeverity severity = NegativeSeverity.valueOf(rs.getString(9));
		List<Item> items = new ArrayList<>();
		for (int i = 0; i < codes.length; i++) {
			String[] line = named[i].split("\t", 2);
			NegativeSeverity s = NegativeSeverity.valueOf(line[0]);
			items.add(new Item(codes[i], line[1], s.name(), s.displayName()));
		}
		NegativeConsequence consequence = NegativeConsequence.valueOf(rs.getString(12));
		Date deadline = rs.getDate(14);
		Status status = Status.valueOf(rs.getString(15));
		LocalDate due = deadline == null ? null : deadline.toLocalDate();
		return new Incident(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getDate(6).toLocalDate(), items, severity.name(), rs.getString(10), List.of(rs.getString(11).split("\n")),
				consequence.name(), consequence.displayName(), rs.getString(13), due, status.name(), status.displayName,
				status == Status.RECTIFYING && due != null && due.isBefore(LocalDate.now()), rs.getString(16),
				new Provenance(rs.getString(17), rs.getString(18), rs.getString(19), rs.getLong(20)), rs.getString(23), List.of(),
				rs.getString(21), rs.getTimestamp(22).toInstant());
	}

	private static Item item(NegativeItem i) {
		return new Item(i.code(), i.name(), i.severity().name(), i.severity().displayName());
	}

	/** The catalogue's items by code, or a 502 naming the plugin when they are not a catalogue. */
	private static Map<String, NegativeItem> checked(List<NegativeItem> items, Provenance provenance) {
		if (items == null || items.isEmpty()) {
			throw new PolicyFailureException(provenance, "答复了空的负面清单", "answered an empty negative list");
		}
		Map<String, NegativeItem> byCode = new LinkedHashMap<>();
		Set<String> names = new HashSet<>();
		for (NegativeItem i : items) {
			if (i == null || i.code() == null || i.code().isBlank() || i.code().contains(",") || i.name() == null || i.name().isBlank()
					|| i.name().contains("\n") || i.name().contains("\t") || i.severity() == null) {
				throw new PolicyFailureException(provenance, "答复的条目缺少代码、单行名称或严重程度",
						"answered an item without a code, a one-line name or a severity");
			}
			if (byCode.put(i.code(), i) != null || !names.add(i.name())) {
				throw new PolicyFailureException(provenance, "答复了两个代码为 " + i.code() + " 或名称为 " + i.name() + " 的条目",
						"answered two items with the code " + i.code() + " or the name " + i.name());
			}
		}
		return byCode;
	}

	/**
	 * Why a verdict is not one, in Chinese and in English, or null when it is: a consequence, a
	 * rectification period, an explanation naming every item.
	 */
	static String[] fault(NegativeVerdict v, List<NegativeItem> items) {
		if (v == null || v.consequence() == null) {
			return new String[] { "未答复处理结果", "answered no consequence" };
		}
		if (v.consequence() == NegativeConsequence.RECTIFICATION && (v.rectificationDays() < 1 || v.rectificationDays() > 365)) {
			return new String[] { "答复的整改期限为 " + v.rectificationDays() + " 天，不在 1–365 天之间",
					"answered a rectification of " + v.rectificationDays() + " days, not 1–365" };
		}
		if (v.explanation() == null || v.explanation().isBlank() || v.explanation().length() > 2000) {
			return new String[] { "未答复说明（或说明超过 2000 字）", "answered no explanation (or one over 2000 characters)" };
		}
		List<String> unnamed = items.stream().map(NegativeItem::name).filter(n -> !v.explanation().contains(n)).toList();
		if (!unnamed.isEmpty()) {
			return new String[] { "答复的说明未写明 " + String.join("、", unnamed), "answered an explanation that does not name " + unnamed };
		}
		return null;
	}
}
