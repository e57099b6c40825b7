package org.touyan.evaluation.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.touyan.api.evaluation.SecretaryType;
import org.touyan.api.registry.Archive;
import org.touyan.api.registry.Community;
import org.touyan.api.registry.District;
import org.touyan.api.registry.JointCommittee;
import org.touyan.api.registry.OrgUnits;
import org.touyan.api.registry.People;
import org.touyan.api.registry.Person;
import org.touyan.api.rest.Nullable;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.Preconditions;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.rest.RestConstants;
import org.touyan.api.store.Store;

/**
 * Mentoring (结对帮带): 红领导师, drawn from the district's model (示范) secretaries, each mentor 3–4
 * potential or caretaker (潜力/守摊) secretaries a year. Types are those of the district's latest
 * classified cycle. The platform proposes pairs — a mentor of the same joint committee (片区联合党委)
 * first, then of the same street, then anyone — and refuses a pair that breaks a rule. Every pair,
 * its end and its progress notes land in both secretaries' archives in the same transaction.
 */
@Component(service = Mentoring.class)
public class Mentoring {

	/** Mentees a mentor has at most in a year (每年帮带3—4名). */
	static final int MAX_MENTEES = 4;
	/** Mentees a mentor should have in a year; fewer is shown as below target. */
	static final int TARGET_MENTEES = 3;

	/** How close a mentor is to the mentee, closest first. */
	enum Basis {
		JOINT_COMMITTEE("同一片区联合党委"), STREET("同一街道"), DISTRICT("全区统筹");

		final String displayName;

		Basis(String displayName) {
			this.displayName = displayName;
		}
	}

	enum Status {
		ACTIVE("帮带中"), ENDED("已结束");

		final String displayName;

		Status(String displayName) {
			this.displayName = displayName;
		}
	}

	public record ProposalRequest(String districtId, @Nullable Integer year) {
	}

	/** A pair to confirm; {@code startedOn} defaults to today. */
	public record PairInput(String districtId, @Nullable Integer year, String mentorId, String menteeId, @Nullable LocalDate startedOn) {
	}

	public record EndInput(@Nullable String reason, @Nullable LocalDate endedOn) {
	}

	public record NoteInput(@Nullable LocalDate notedOn, String note) {
	}

	public record Note(String pairingId, int seq, LocalDate notedOn, String note, String actor) {
	}

	/** A secretary as a pair shows them. */
	public record Member(String personId, String name, @Nullable String communityId, @Nullable String type, @Nullable String typeName) {
	}

	public record Pairing(String id, String districtId, int year, @Nullable String basisCycleId, Member mentor, Member mentee, @Nullable String basis,
			@Nullable String basisName, String status, String statusName, LocalDate startedOn, @Nullable LocalDate endedOn, @Nullable String endReason, String actor) {
	}

	/** A proposed pair, not stored until confirmed. */
	public record Proposed(Member mentor, Member mentee, @Nullable String basis, @Nullable String basisName) {
	}

	public record Proposal(String districtId, int year, @Nullable String basisCycleId, @Nullable String basisPeriod, List<Proposed> pairs,
			List<Member> unmatched) {
	}

	/** A mentor's load in the year. */
	public record MentorLoad(Member mentor, int mentees, boolean belowTarget) {
	}

	/**
	 * The share of a cycle's potential and caretaker secretaries with a mentor (an active pair
	 * decided on that cycle's types), and each model secretary's load.
	 */
	public record Coverage(String districtId, @Nullable String cycleId, @Nullable String period, int helped, int mentored, @Nullable BigDecimal share,
			List<StreetCoverage> streets, List<MentorLoad> mentors) {
	}

	/** A street's potential and caretaker secretaries and how many of them have a mentor. */
	public record StreetCoverage(String streetId, int helped, int mentored, @Nullable BigDecimal share) {
	}

	private final Store store;
	private final Cycles cycles;
	private final Classifications classifications;
	private final OrgUnits units;
	private final People people;
	private final Archive archive;

	@Activate
	public Mentoring(@Reference(target = "(touyan.schema=evaluation)") Store store, @Reference Cycles cycles,
			@Reference Classifications classifications, @Reference OrgUnits units, @Reference People people,
			@Reference Archive archive) {
		this.store = store;
		this.cycles = cycles;
		this.classifications = classifications;
		this.units = units;
		this.people = people;
		this.archive = archive;
	}

	/** The district's latest cycle whose secretaries are classified: its types decide who mentors whom. */
	Optional<Cycle> basisCycle(String districtId) {
		return store.read(c -> Sql.one(c, "SELECT " + Cycles.COLUMNS + " FROM eval_cycle e WHERE district_id = ? AND status IN"
				+ " ('SCORING_CLOSED', 'PUBLISHED', 'ARCHIVED') AND EXISTS (SELECT 1 FROM eval_classification k WHERE"
				+ " k.cycle_id = e.id AND k.secretary_type IS NOT NULL) ORDER BY period DESC", Cycles::cycle, districtId));
	}

	/** Proposes pairs for the secretaries of the year who have no mentor yet; stores nothing. */
	public Proposal propose(ProposalRequest request) {
		if (request == null) {
			throw ProblemException.invalid(null, "A JSON body is required: districtId, year");
		}
		District district = district(request.districtId());
		int year = year(request.year());
		Cycle basis = requireBasis(district);
		Map<String, Classifications.Placement> placed = placements(basis);
		Map<String, Integer> load = new HashMap<>();
		Set<String> mentored = new HashSet<>();
		for (Pairing p : active(district.id(), year)) {
			load.merge(p.mentor().personId(), 1, Integer::sum);
			mentored.add(p.mentee().personId());
		}
		List<Classifications.Placement> mentors = placed.values().stream().filter(p -> p.type() == SecretaryType.MODEL)
				.sorted(Comparator.comparing(Classifications.Placement::communityId)).toList();
		// caretakers first: they need the help most when mentors run short
		List<Classifications.Placement> mentees = placed.values().stream()
				.filter(p -> p.type().helped() && !mentored.contains(p.personId()))
				.sorted(Comparator.comparing((Classifications.Placement p) -> p.type() == SecretaryType.CARETAKER ? 0 : 1)
						.thenComparing(Classifications.Placement::communityId))
				.toList();
		Closeness closeness = closeness(district.id());
		Function<String, String> names = names();
		Map<String, Proposed> chosen = new LinkedHashMap<>();
		// a whole pass per closeness, so a near mentor is not used up by a far mentee taken earlier
		for (Basis wanted : Basis.values()) {
			for (Classifications.Placement mentee : mentees) {
				if (chosen.containsKey(mentee.personId())) {
					continue;
				}
				mentors.stream().filter(m -> !m.personId().equals(mentee.personId()))
						.filter(m -> load.getOrDefault(m.personId(), 0) < MAX_MENTEES)
						.filter(m -> closeness.of(m.communityId(), mentee.communityId()) == wanted)
						.min(Comparator.comparing((Classifications.Placement m) -> load.getOrDefault(m.personId(), 0))
								.thenComparing(Classifications.Placement::communityId))
						.ifPresent(m -> {
							load.merge(m.personId(), 1, Integer::sum);
							chosen.put(mentee.personId(), new Proposed(member(m, names), member(mentee, names), wanted.name(),
									wanted.displayName));
						});
			}
		}
		List<Proposed> pairs = new ArrayList<>();
		List<Member> unmatched = new ArrayList<>();
		for (Classifications.Placement mentee : mentees) {
			Proposed p = chosen.get(mentee.personId());
			if (p == null) {
				unmatched.add(member(mentee, names));
			} else {
				pairs.add(p);
			}
		}
		return new Proposal(district.id(), year, basis.id(), basis.period(), pairs, unmatched);
	}

	/**
	 * Confirms a pair. Refused: a mentor who is not 示范 or a mentee who is not 潜力/守摊 in the latest
	 * classified cycle, a secretary mentoring themself (422); a mentee who has a mentor in the year,
	 * a mentor who has {@value #MAX_MENTEES} already (409).
	 */
	public Pairing pair(PairInput input, String actor) {
		if (input == null) {
			throw ProblemException.invalid(null, "A JSON body is required: districtId, year, mentorId, menteeId");
		}
		District district = district(input.districtId());
		int year = year(input.year());
		String mentorId = Text.required("mentorId", input.mentorId(), 36);
		String menteeId = Text.required("menteeId", input.menteeId(), 36);
		if (mentorId.equals(menteeId)) {
			throw new ProblemException(422, "Mentor is mentee", "a secretary cannot mentor themself: mentorId and menteeId are the same",
					"menteeId");
		}
		Cycle basis = requireBasis(district);
		Classifications.Placement mentor = classifications.placement(basis.id(), mentorId).orElse(null);
		if (mentor == null || mentor.type() != SecretaryType.MODEL) {
			throw new ProblemException(422, "Mentor not a model secretary", "红领导师 are drawn from 示范 secretaries: " + mentorId + " is "
					+ (mentor == null ? "not classified" : mentor.type().displayName()) + " in " + basis.period()
					+ ", the district's latest classified cycle", "mentorId");
		}
		Classifications.Placement mentee = classifications.placement(basis.id(), menteeId).orElse(null);
		if (mentee == null || !mentee.type().helped()) {
			throw new ProblemException(422, "Mentee not potential or caretaker", "红领导师 mentor 潜力 or 守摊 secretaries: " + menteeId
					+ " is " + (mentee == null ? "not classified" : mentee.type().displayName()) + " in " + basis.period()
					+ ", the district's latest classified cycle", "menteeId");
		}
		Basis closeness = closeness(district.id()).of(mentor.communityId(), mentee.communityId());
		LocalDate started = input.startedOn() == null ? LocalDate.now() : input.startedOn();
		String id = UUID.randomUUID().toString();
		Function<String, String> names = names();
		Pairing pairing = new Pairing(id, district.id(), year, basis.id(), member(mentor, names), member(mentee, names), closeness.name(),
				closeness.displayName, Status.ACTIVE.name(), Status.ACTIVE.displayName, started, null, null, actor);
		store.write(c -> {
			// the mentor's archive row is locked first: two confirmations for one mentor are counted one after the other
			archive.append(c, mentorId, actor, "mentoring.mentor-paired", "mentoring/" + id, null, pairing);
			archive.append(c, menteeId, actor, "mentoring.mentee-paired", "mentoring/" + id, null, pairing);
			List<String[]> held = Sql.query(c, "SELECT mentor_id, mentee_id FROM eval_mentorship WHERE district_id = ? AND mentoring_year = ?"
					+ " AND status = 'ACTIVE' AND (mentor_id = ? OR mentee_id = ?)", rs -> new String[] { rs.getString(1), rs.getString(2) },
					district.id(), year, mentorId, menteeId);
			if (held.stream().anyMatch(h -> h[0].equals(mentorId) && h[1].equals(menteeId))) {
				throw ProblemException.conflict("this mentor and mentee are paired for " + year + " already");
			}
			if (held.stream().anyMatch(h -> h[1].equals(menteeId))) {
				throw ProblemException.conflict("a secretary has one 红领导师 at a time: " + menteeId + " has a mentor for " + year
						+ " already; end that pair first");
			}
			long mentees = held.stream().filter(h -> h[0].equals(mentorId)).count();
			if (mentees >= MAX_MENTEES) {
				throw ProblemException.conflict("a 红领导师 mentors at most " + MAX_MENTEES + " secretaries a year (每年帮带3—4名): "
						+ mentorId + " mentors " + mentees + " in " + year + " already");
			}
			Sql.update(c, "INSERT INTO eval_mentorship (id, district_id, mentoring_year, basis_cycle_id, mentor_id, mentor_community_id,"
					+ " mentee_id, mentee_community_id, mentee_type, basis, status, started_on, actor, created_at)"
					+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", null, id, district.id(), year, basis.id(), mentorId,
					mentor.communityId(), menteeId, mentee.communityId(), mentee.type().name(), closeness.name(), Status.ACTIVE.name(),
					Date.valueOf(started), actor, Sql.now());
			return null;
		});
		return pairing;
	}

	/** Ends an active pair with a reason; both archives record it. */
	public Pairing end(String id, EndInput input, String actor, String ifMatch) {
		Pairing before = require(id);
		if (input == null) {
			throw ProblemException.invalid(null, "A JSON body is required: reason");
		}
		String reason = Text.required("reason", input.reason(), 500);
		LocalDate ended = input.endedOn() == null ? LocalDate.now() : input.endedOn();
		if (ended.isBefore(before.startedOn())) {
			throw ProblemException.invalid("endedOn", "endedOn is before the pair started (" + before.startedOn() + ")");
		}
		return store.write(c -> {
			Sql.update(c, "UPDATE eval_mentorship SET status = status WHERE id = ?", null, id);
			Preconditions.check(ifMatch, find(c, id).orElseThrow(() -> ProblemException.notFound("mentoring pair", id)));
			int n = Sql.update(c, "UPDATE eval_mentorship SET status = 'ENDED', ended_on = ?, end_reason = ? WHERE id = ? AND status = 'ACTIVE'",
					null, Date.valueOf(ended), reason, id);
			if (n == 0) {
				throw ProblemException.conflict("the pair has ended already");
			}
			Pairing after = find(c, id).orElseThrow();
			archive.append(c, before.mentor().personId(), actor, "mentoring.ended", "mentoring/" + id, before, after);
			archive.append(c, before.mentee().personId(), actor, "mentoring.ended", "mentoring/" + id, before, after);
			return after;
		});
	}

	/** Adds a progress note to an active pair (治理联抓、服务联做、活动联办…). */
	public Note note(String id, NoteInput input, String actor) {
		Pairing pairing = require(id);
		if (input == null) {
			throw ProblemException.invalid(null, "A JSON body is required: note");
		}
		String text = Text.required("note", input.note(), 2000);
		LocalDate on = input.notedOn() == null ? LocalDate.now() : input.notedOn();
		if (on.isBefore(pairing.startedOn())) {
			throw ProblemException.invalid("notedOn", "notedOn is before the pair started (" + pairing.startedOn() + ")");
		}
		return store.write(c -> {
			String status = Sql.query(c, "SELECT status FROM eval_mentorship WHERE id = ?", rs -> rs.getString(1), id).get(0);
			if (!Status.ACTIVE.name().equals(status)) {
				throw ProblemException.conflict("progress is noted on an active pair; this one has ended");
			}
			int seq = Sql.query(c, "SELECT COUNT(*) FROM eval_mentorship_note WHERE mentorship_id = ?", rs -> rs.getInt(1), id).get(0) + 1;
			Note note = new Note(id, seq, on, text, actor);
			archive.append(c, pairing.mentor().personId(), actor, "mentoring.noted", "mentoring/" + id + "/note/" + seq, null, note);
			archive.append(c, pairing.mentee().personId(), actor, "mentoring.noted", "mentoring/" + id + "/note/" + seq, null, note);
			Sql.update(c, "INSERT INTO eval_mentorship_note (mentorship_id, seq, noted_on, note, actor, recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
					null, id, seq, Date.valueOf(on), text, actor, Sql.now());
			return note;
		});
	}

	public List<Note> notes(String id) {
		require(id);
		return store.read(c -> Sql.query(c, "SELECT mentorship_id, seq, noted_on, note, actor FROM eval_mentorship_note WHERE mentorship_id = ?"
				+ " ORDER BY seq", rs -> new Note(rs.getString(1), rs.getInt(2), rs.getDate(3).toLocalDate(), rs.getString(4), rs.getString(5)), id));
	}

	public Pairing require(String id) {
		return store.read(c -> find(c, id)).orElseThrow(() -> ProblemException.notFound("mentoring pair", id));
	}

	/** Pairs of a district, of a year, mentor or status when given, a page at a time. */
	public Page<Pairing> pairings(String districtId, String year, String personId, String status, Paging paging) {
		if (districtId == null || districtId.isBlank()) {
			throw ProblemException.invalid("district", "district is required");
		}
		List<Object> args = new ArrayList<>(List.of(districtId));
		String where = " WHERE district_id = ?";
		if (year != null && !year.isBlank()) {
			try {
				args.add(Integer.parseInt(year.strip()));
			} catch (NumberFormatException e) {
				throw ProblemException.invalid("year", "year is a year such as 2026");
			}
			where += " AND mentoring_year = ?";
		}
		if (personId != null && !personId.isBlank()) {
			where += " AND (mentor_id = ? OR mentee_id = ?)";
			args.add(personId);
			args.add(personId);
		}
		if (status != null && !status.isBlank()) {
			if (!status.equals(Status.ACTIVE.name()) && !status.equals(Status.ENDED.name())) {
				throw ProblemException.invalid("status", "status is ACTIVE or ENDED");
			}
			where += " AND status = ?";
			args.add(status);
		}
		String select = "SELECT " + COLUMNS + " FROM eval_mentorship" + where;
		Function<String, String> names = names();
		return store.read(c -> Sql.page(c, select, "mentoring_year DESC, mentor_community_id, mentee_community_id", paging,
				rs -> pairing(rs, names), args));
	}

	/** The coverage of the district's latest classified cycle. */
	public Coverage coverage(String districtId) {
		return coverage(requireBasis(district(districtId)));
	}

	/** The coverage of a cycle: its potential and caretaker secretaries with an active pair decided on its types. */
	public Coverage coverage(Cycle cycle) {
		Map<String, Classifications.Placement> placed = placements(cycle);
		Function<String, String> names = names();
		Map<String, Integer> load = new HashMap<>();
		Set<String> mentored = new HashSet<>();
		store.read(c -> Sql.query(c, "SELECT mentor_id, mentee_id FROM eval_mentorship WHERE basis_cycle_id = ? AND status = 'ACTIVE'", rs -> {
			load.merge(rs.getString(1), 1, Integer::sum);
			mentored.add(rs.getString(2));
			return null;
		}, cycle.id()));
		Map<String, String> streetOf = streets(cycle.districtId());
		Map<String, int[]> byStreet = new java.util.TreeMap<>();
		int helped = 0;
		int covered = 0;
		List<MentorLoad> mentors = new ArrayList<>();
		for (Classifications.Placement p : placed.values()) {
			if (p.type().helped()) {
				int yes = mentored.contains(p.personId()) ? 1 : 0;
				helped++;
				covered += yes;
				int[] n = byStreet.computeIfAbsent(String.valueOf(streetOf.get(p.communityId())), k -> new int[2]);
				n[0]++;
				n[1] += yes;
			} else if (p.type() == SecretaryType.MODEL) {
				int n = load.getOrDefault(p.personId(), 0);
				mentors.add(new MentorLoad(member(p, names), n, n < TARGET_MENTEES));
			}
		}
		mentors.sort(Comparator.comparing((MentorLoad m) -> m.mentor().communityId()));
		List<StreetCoverage> streets = new ArrayList<>();
		byStreet.forEach((street, n) -> streets.add(new StreetCoverage(street, n[0], n[1], share(n[1], n[0]))));
		return new Coverage(cycle.districtId(), cycle.id(), cycle.period(), helped, covered, share(covered, helped), streets, mentors);
	}

	private static BigDecimal share(int part, int whole) {
		return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
	}

	private List<Pairing> active(String districtId, int year) {
		Function<String, String> names = names();
		return store.read(c -> Sql.query(c, "SELECT " + COLUMNS + " FROM eval_mentorship WHERE district_id = ? AND mentoring_year = ?"
				+ " AND status = 'ACTIVE'", rs -> pairing(rs, names), districtId, year));
	}

	private static final String COLUMNS = "id, district_id, mentoring_year, basis_cycle_id, mentor_id, mentor_community_id, mentee_id,"
			+ " mentee_community_id, mentee_type, basis, status, started_on, ended_on, end_reason, actor";

	private Optional<Pairing> find(Connection c, String id) throws SQLException {
		return Sql.one(c, "SELECT " + COLUMNS + " FROM eval_mentorship WHERE id = ?", rs -> pairing(rs, names()), id);
	}

	private static Pairing pairing(ResultSet rs, Function<String, String> names) throws SQLException {
		SecretaryType type = SecretaryType.valueOf(rs.getString(9));
		Basis basis = Basis.valueOf(rs.getString(10));
		Status status = Status.valueOf(rs.getString(11));
		Date ended = rs.getDate(13);
		return new Pairing(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
				new Member(rs.getString(5), names.apply(rs.getString(5)), rs.getString(6), SecretaryType.MODEL.name(),
						SecretaryType.MODEL.displayName()),
				new Member(rs.getString(7), names.apply(rs.getString(7)), rs.getString(8), type.name(), type.displayName()), basis.name(),
				basis.displayName, status.name(), status.displayName, rs.getDate(12).toLocalDate(), ended == null ? null : ended.toLocalDate(),
				rs.getString(14), rs.getString(15));
	}

	/** People's names, each looked up once per request. */
	private Function<String, String> names() {
		Map<String, String> known = new HashMap<>();
		return id -> known.computeIfAbsent(id, k -> people.person(k).map(Person::name).orElse(null));
	}

	private static Member member(Classifications.Placement p, Function<String, String> names) {
		return new Member(p.personId(), names.apply(p.personId()), p.communityId(), p.type().name(), p.type().displayName());
	}

	/** The classified secretaries of a cycle by person. */
	private Map<String, Classifications.Placement> placements(Cycle cycle) {
		Map<String, Classifications.Placement> byPerson = new LinkedHashMap<>();
		classifications.placements(cycle.id(), null).stream().filter(p -> p.type() != null).forEach(p -> byPerson.put(p.personId(), p));
		return byPerson;
	}

	private Cycle requireBasis(District district) {
		return basisCycle(district.id()).orElseThrow(() -> ProblemException.conflict("Mentoring pairs follow the types: " + district.name()
				+ " has no classified cycle yet"));
	}

	private District district(String id) {
		if (id == null || id.isBlank()) {
			throw ProblemException.invalid("districtId", "districtId is required");
		}
		return units.district(id).orElseThrow(() -> ProblemException.invalid("districtId", "No district with id '" + id + "'"));
	}

	private static int year(Integer year) {
		if (year == null || year < 2000 || year > 2100) {
			throw ProblemException.invalid("year", "year is a year such as 2026");
		}
		return year;
	}

	/** How close two communities of a district are: the same joint committee, the same street, or neither. */
	private Closeness closeness(String districtId) {
		Map<String, String> street = streets(districtId);
		Map<String, String> committee = new HashMap<>();
		for (int offset = 0;; offset += RestConstants.MAX_LIMIT) {
			Page<JointCommittee> page = units.jointCommittees(districtId, Paging.of(offset, RestConstants.MAX_LIMIT));
			page.items().forEach(j -> j.communityIds().forEach(k -> committee.put(k, j.id())));
			if (offset + RestConstants.MAX_LIMIT >= page.total()) {
				break;
			}
		}
		return (a, b) -> committee.containsKey(a) && committee.get(a).equals(committee.get(b)) ? Basis.JOINT_COMMITTEE
				: street.containsKey(a) && street.get(a).equals(street.get(b)) ? Basis.STREET : Basis.DISTRICT;
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

	@FunctionalInterface
	private interface Closeness {
		Basis of(String communityA, String communityB);
	}
}
