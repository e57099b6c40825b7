package org.touyan.evaluation.internal.manage;

import org.touyan.evaluation.internal.cycle.Cycle;
import org.touyan.evaluation.internal.cycle.Cycles;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.touyan.api.registry.Archive;
import org.touyan.api.registry.OrgUnits;
import org.touyan.api.registry.People;
import org.touyan.api.rest.Nullable;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Paging;
import org.touyan.api.store.Store;

/**
 * Mentoring (结对帮带): 红领导师, drawn from the district's model (示范) secretaries, each mentor 3–4
 * potential or caretaker (潜力/守摊) secretaries a year. Types are those of the district's latest
 * classified cycle. The platform proposes pairs — a mentor of the same joint committee (片区联合党委)
 * first, then of the same street, then anyone, as few mentors as the mentees need, each with 3–4
 * ({@link MentorPlan}) — and refuses a pair that breaks a rule. Every pair, its end and its progress
 * notes land in both secretaries' archives in the same transaction. The work is split: proposals
 * ({@link MentoringProposals}), pairs ({@link MentoringPairs}) and coverage ({@link MentoringCoverage}).
 */
@Component(service = Mentoring.class)
public class Mentoring {

	/** Mentees a mentor has at most in a year (每年帮带3—4名): a fifth is refused. */
	static final int MAX_MENTEES = 4;
	/** Mentees a mentor has at least in a year: proposals aim at it, fewer is allowed and flagged. */
	static final int MIN_MENTEES = 3;

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

	/** A mentor's load against the rule of 3–4 mentees a year. */
	enum LoadRule {
		IDLE("未结对"), BELOW_MINIMUM("不足3名"), WITHIN("3—4名"), ABOVE_MAXIMUM("超过4名");

		final String displayName;

		LoadRule(String displayName) {
			this.displayName = displayName;
		}

		static LoadRule of(int mentees) {
			return mentees == 0 ? IDLE : mentees < MIN_MENTEES ? BELOW_MINIMUM : mentees > MAX_MENTEES ? ABOVE_MAXIMUM : WITHIN;
		}
	}

	/**
	 * A 示范 secretary's load if the proposal is confirmed: pairs held in the year, proposed, both, the
	 * rule's verdict, and for a mentor under the minimum why (the mentees do not go round).
	 */
	public record ProposedLoad(Member mentor, int paired, int proposed, int mentees, String load, String loadName, @Nullable String reason) {
	}

	/**
	 * Proposed pairs to the rule: as few mentors as the mentees need, each with {@code minMentees} to
	 * {@code maxMentees}; {@code mentors} is every 示范 secretary's load after it, {@code belowMinimum}
	 * those who stay under the minimum (idle or short) with the reason.
	 */
	public record Proposal(String districtId, int year, @Nullable String basisCycleId, @Nullable String basisPeriod, int minMentees, int maxMentees,
			List<Proposed> pairs, List<Member> unmatched, List<ProposedLoad> mentors, List<ProposedLoad> belowMinimum) {
	}

	/** A mentor's load in the cycle against the rule: {@code load} IDLE, BELOW_MINIMUM, WITHIN or ABOVE_MAXIMUM. */
	public record MentorLoad(Member mentor, int mentees, String load, String loadName, boolean belowMinimum, boolean aboveMaximum) {
	}

	/** How many 示范 secretaries mentor, and how many of those are within, below or above 3–4. */
	public record MentorCounts(int minMentees, int maxMentees, int mentoring, int within, int belowMinimum, int aboveMaximum, int idle) {
	}

	/**
	 * The share of a cycle's potential and caretaker secretaries with a mentor (an active pair
	 * decided on that cycle's types), each model secretary's load against 3–4, and their counts.
	 */
	public record Coverage(String districtId, @Nullable String cycleId, @Nullable String period, int helped, int mentored, @Nullable BigDecimal share,
			List<StreetCoverage> streets, List<MentorLoad> mentors, MentorCounts mentorCounts) {
	}

	/** A street's potential and caretaker secretaries and how many of them have a mentor. */
	public record StreetCoverage(String streetId, int helped, int mentored, @Nullable BigDecimal share) {
	}

	private final MentoringBasis basis;
	private final MentoringPairs pairs;
	private final MentoringProposals proposals;
	private final MentoringCoverage coverage;

	@Activate
	public Mentoring(@Reference(target = "(touyan.schema=evaluation)") Store store, @Reference Cycles cycles,
			@Reference Classifications classifications, @Reference OrgUnits units, @Reference People people,
			@Reference Archive archive) {
		this.basis = new MentoringBasis(store, classifications, units, people);
		this.pairs = new MentoringPairs(store, basis, archive);
		this.proposals = new MentoringProposals(basis, pairs);
		this.coverage = new MentoringCoverage(store, basis);
	}

	/** The district's latest cycle whose secretaries are classified: its types decide who mentors whom. */
	Optional<Cycle> basisCycle(String districtId) {
		return basis.basisCycle(districtId);
	}

	/** Proposes pairs for the secretaries of the year who have no mentor yet, to the rule of 3–4; stores nothing. */
	public Proposal propose(ProposalRequest request) {
		return proposals.propose(request);
	}

	/** Confirms a pair; see {@link MentoringPairs#pair}. */
	public Pairing pair(PairInput input, String actor) {
		return pairs.pair(input, actor);
	}

	/** Ends an active pair with a reason; both archives record it. */
	public Pairing end(String id, EndInput input, String actor, String ifMatch) {
		return pairs.end(id, input, actor, ifMatch);
	}

	/** Adds a progress note to an active pair (治理联抓、服务联做、活动联办…). */
	public Note note(String id, NoteInput input, String actor) {
		return pairs.note(id, input, actor);
	}

	public List<Note> notes(String id) {
		return pairs.notes(id);
	}

	public Pairing require(String id) {
		return pairs.require(id);
	}

	/** Pairs of a district, of a year, mentor or status when given, a page at a time. */
	public Page<Pairing> pairings(String districtId, String year, String personId, String status, Paging paging) {
		return pairs.pairings(districtId, year, personId, status, paging);
	}

	/** The coverage of the district's latest classified cycle. */
	public Coverage coverage(String districtId) {
		return coverage(basis.requireBasis(basis.district(districtId)));
	}

	/** The coverage of a cycle: its potential and caretaker secretaries with an active pair decided on its types. */
	public Coverage coverage(Cycle cycle) {
		return coverage.coverage(cycle);
	}

	/** The street of each community of a district. */
	public Map<String, String> streets(String districtId) {
		return basis.streets(districtId);
	}
}
