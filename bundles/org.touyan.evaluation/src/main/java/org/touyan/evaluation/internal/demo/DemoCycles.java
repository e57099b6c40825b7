package org.touyan.evaluation.internal.demo;

import org.touyan.evaluation.internal.cycle.Cycle;
import org.touyan.evaluation.internal.cycle.CycleInput;
import org.touyan.evaluation.internal.cycle.CycleStatus;
import org.touyan.evaluation.internal.cycle.Cycles;
import org.touyan.evaluation.internal.cycle.RatingRuns;
import org.touyan.evaluation.internal.cycle.ScoreBook;
import org.touyan.evaluation.internal.flow.ScoringClose;
import org.touyan.evaluation.internal.manage.Classifications;
import org.touyan.evaluation.internal.manage.Measures;
import org.touyan.evaluation.internal.manage.Mentoring;
import org.touyan.evaluation.internal.review.Ballots;
import org.touyan.evaluation.internal.review.DutyReports;
import org.touyan.evaluation.internal.review.Reviews;
import org.touyan.evaluation.internal.use.NegativeList;
import org.touyan.evaluation.internal.use.UseRecords;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.touyan.api.evaluation.SecretaryType;
import org.touyan.api.registry.Community;
import org.touyan.api.registry.Department;
import org.touyan.api.registry.District;
import org.touyan.api.registry.OrgUnits;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.Preconditions;
import org.touyan.api.store.DemoDataset;
import org.touyan.evaluation.internal.cycle.ScoreRecords.ScoreBatch;
import org.touyan.evaluation.internal.cycle.ScoreRecords.ScoreEntry;

/**
 * The demo district's two past half-years (2025-H1, 2025-H2), scored by its 11 departments for all
 * 52 communities and reviewed four ways (self, residents' ballots, street, Organization Department)
 * from a fixed seed, rated, assessed, classified, published and archived, so that ratings, grades
 * and types exist from the first start. Six secretaries a half-year give their half-year report;
 * the types carry a few measures; the model secretaries mentor for the following year (2025 on the
 * first half-year's types, 2026 on the second's, pairs as proposed); two lighter negative-list
 * incidents of 2025-H2 are being rectified; and the district's use records hold the speech's 8
 * recruitments into 事业编制 posts besides a few honours, candidacies and training nominations. Each
 * step looks at what is there already, so a load interrupted (a plugin still starting) resumes where
 * it stopped; a district that has other cycles is left alone.
 */
@Component
public class DemoCycles implements DemoDataset {

	static final List<String> PERIODS = List.of("2025-H1", "2025-H2");
	private static final long SEED = 20251231L;
	private static final String ACTOR = "区委组织部（演示数据）";

	private final OrgUnits units;
	private final Cycles cycles;
	private final ScoreBook book;
	private final RatingRuns ratings;
	private final Reviews reviews;
	private final Ballots ballots;
	private final Classifications classifications;
	private final DutyReports dutyReports;
	private final Measures measures;
	private final Mentoring mentoring;
	private final NegativeList negativeList;
	private final UseRecords useRecords;
	private final ScoringClose closing;

	@Activate
	public DemoCycles(@Reference OrgUnits units, @Reference Cycles cycles, @Reference ScoreBook book,
			@Reference RatingRuns ratings, @Reference Reviews reviews, @Reference Ballots ballots,
			@Reference Classifications classifications, @Reference DutyReports dutyReports, @Reference Measures measures,
			@Reference Mentoring mentoring, @Reference NegativeList negativeList, @Reference UseRecords useRecords,
			@Reference ScoringClose closing) {
		this.closing = closing;
		this.classifications = classifications;
		this.dutyReports = dutyReports;
		this.measures = measures;
		this.mentoring = mentoring;
		this.negativeList = negativeList;
		this.useRecords = useRecords;
		this.units = units;
		this.cycles = cycles;
		this.book = book;
		this.ratings = ratings;
		this.reviews = reviews;
		this.ballots = ballots;
	}

	/** The dataset's id; a cycle of the demo district is not created over REST while it loads. */
	static final String ID = Cycles.DEMO_LOADER;

	@Override
	public String id() {
		return ID;
	}

	@Override
	public Set<String> requires() {
		return Set.of("registry.people", "plugins.bindings");
	}

	@Override
	public void load() {
		District demo = units.districts(Paging.of(0, 500)).items().stream().filter(d -> d.code().equals("DEMO")).findFirst()
				.orElseThrow(() -> new IllegalStateException("the demo district is not there"));
		List<Cycle> existing = cycles.cycles(demo.id(), Paging.of(0, 500)).items();
		if (existing.stream().anyMatch(c -> !PERIODS.contains(c.period()))) {
			return;
		}
		List<Community> communities = units.communities(demo.id(), null, Paging.of(0, 500)).items();
		List<Department> departments = units.departments(demo.id(), true, null, Paging.of(0, 500)).items();
		Random random = new Random(SEED);
		for (String period : PERIODS) {
			// drawn whether or not the cycle exists already, so a resumed load enters the same scores
			double[] standings = standings(random, communities.size());
			List<ScoreBatch> batches = scores(random, standings, communities, departments);
			Cycle cycle = existing.stream().filter(c -> c.period().equals(period)).findFirst()
					.orElseGet(() -> cycles.create(new CycleInput(demo.id(), period, null, null), ACTOR));
			if (cycle.status() == CycleStatus.DRAFT) {
				cycle = cycles.open(cycle.id(), ACTOR, current(cycle));
			}
			if (cycle.status() == CycleStatus.OPEN) {
				for (ScoreBatch batch : batches) {
					if (book.scores(cycle.id(), null, batch.departmentId(), Paging.of(0, 1)).total() == 0) {
						book.enter(cycle.id(), batch, ACTOR);
					}
				}
				review(cycle, communities, standings);
				report(cycle, communities, standings);
				cycle = closing.close(cycle.id(), ACTOR, current(cycle));
			}
			if (cycle.status() == CycleStatus.SCORING_CLOSED) {
				if (ratings.runs(cycle.id()).isEmpty()) {
					// the formula was not running yet when scoring closed
					cycles.rerate(cycle.id(), "演示数据：插件就绪后评定", ACTOR);
				}
				if (reviews.assessments(cycle.id(), null).isEmpty()) {
					reviews.reassess(cycle.id(), ACTOR);
				}
				if (classifications.placements(cycle.id(), null).isEmpty()) {
					classifications.reclassify(cycle.id(), ACTOR);
				}
				cycle = cycles.publish(cycle.id(), ACTOR, current(cycle));
			}
			if (cycle.status() == CycleStatus.PUBLISHED) {
				if (measures.measures(cycle.id(), null).isEmpty()) {
					measures(cycle);
				}
				cycles.archive(cycle.id(), ACTOR, current(cycle));
			}
			// the model secretaries of a first half-year mentor in its year, those of a second half-year in the next
			int year = Integer.parseInt(period.substring(0, 4)) + (period.endsWith("H2") ? 1 : 0);
			if (mentoring.pairings(demo.id(), String.valueOf(year), null, null, Paging.of(0, 1)).total() == 0) {
				mentor(demo, year);
			}
		}
		if (negativeList.incidents(demo.id(), null, null, Paging.of(0, 1)).total() == 0) {
			incidents(communities);
		}
		if (useRecords.summary(demo.id(), null).total() == 0) {
			use(cycles.cycles(demo.id(), Paging.of(0, 500)).items());
		}
	}

	/**
	 * The half-year reports of the first six communities: prepared by visits, interviews and document
	 * review, scored on the spot by the three raters around the community's standing.
	 */
	private void report(Cycle cycle, List<Community> communities, double[] standing) {
		java.util.Map<String, DutyReports.DutyReport> given = new java.util.HashMap<>();
		dutyReports.reports(cycle.id()).forEach(r -> given.put(r.communityId(), r));
		LocalDate on = LocalDate.parse(cycle.period().substring(0, 4) + (cycle.period().endsWith("H1") ? "-06-20" : "-12-18"));
		for (int i = 0; i < 6 && i < communities.size(); i++) {
			Community k = communities.get(i);
			DutyReports.DutyReport r = given.get(k.id());
			if (r == null) {
				r = dutyReports.report(cycle.id(), new DutyReports.ReportInput(k.id(), on, k.name() + "党组织书记" + cycle.period()
						+ "述职：年度重点任务推进情况、存在问题和下步打算。", "实地走访居民" + (10 + i * 2) + "户、辖区单位3家",
						"个别谈话“两委”成员和网格员" + (4 + i % 3) + "人", "查阅会议记录、工作台账和民生项目资料"), ACTOR);
			}
			java.util.Set<String> scored = new java.util.HashSet<>();
			r.scores().forEach(x -> scored.add(x.rater()));
			String[] raters = { "ORGANIZATION", "CIVIL_AFFAIRS", "STREET" };
			for (int j = 0; j < raters.length; j++) {
				if (!scored.contains(raters[j])) {
					dutyReports.score(cycle.id(), k.id(), new DutyReports.ScoreInput(raters[j], score(standing[i] + j - 1), null), ACTOR);
				}
			}
		}
	}

	/**
	 * A few measures of the types: each model secretary's 书记工作室, two backbone secretaries' 书记工作法,
	 * and the one-on-one help of three helped secretaries by the cadre their classification named.
	 */
	private void measures(Cycle cycle) {
		LocalDate from = LocalDate.parse(cycle.period().substring(0, 4) + (cycle.period().endsWith("H1") ? "-07-10" : "-12-28"));
		int backbone = 0;
		int helped = 0;
		for (Classifications.Placement p : classifications.placements(cycle.id(), null)) {
			if (p.type() == SecretaryType.MODEL) {
				measures.record(cycle.id(), new Measures.MeasureInput(p.personId(), "STUDIO", "书记工作室（" + cycle.period() + "）",
						"区委组织部组织科", null, from, "挂牌运行，每月开放一次"), ACTOR);
			} else if (p.type() == SecretaryType.BACKBONE && backbone < 2) {
				backbone++;
				measures.record(cycle.id(), new Measures.MeasureInput(p.personId(), "METHOD", "社区议事“三步工作法”", "区委组织部组织科", null,
						from, null), ACTOR);
			} else if (p.type() != null && p.type().helped() && p.helperId() != null && helped < 3) {
				helped++;
				measures.record(cycle.id(), new Measures.MeasureInput(p.personId(), "ONE_ON_ONE", "一对一帮扶计划", null, null, from,
						"每月到社区指导一次，重点补齐基础工作短板"), ACTOR);
			}
		}
	}

	/** Confirms the proposed pairs of the year, and notes the first pair's progress. */
	private void mentor(District demo, int year) {
		LocalDate start = LocalDate.of(year, 1, 15);
		Mentoring.Proposal proposal = mentoring.propose(new Mentoring.ProposalRequest(demo.id(), year));
		for (Mentoring.Proposed p : proposal.pairs()) {
			Mentoring.Pairing pair = mentoring.pair(new Mentoring.PairInput(demo.id(), year, p.mentor().personId(), p.mentee().personId(),
					start), ACTOR);
			if (p == proposal.pairs().get(0)) {
				mentoring.note(pair.id(), new Mentoring.NoteInput(start.plusDays(30), "治理联抓：红领导师到社区参加居民议事会，共商停车难题"), ACTOR);
			}
		}
	}

	/** Two lighter incidents of 2025-H2, each followed up once: the first rectified, the second still being rectified. */
	private void incidents(List<Community> communities) {
		String[][] cases = { { "N01", "2025-09-12", "入户走访流于形式，走访记录与实际不符", "街道督查记录", "true" },
				{ "N05", "2025-10-20", "居民反映的楼道照明问题两周未回应", "12345热线工单", "false" } };
		for (int i = 0; i < cases.length; i++) {
			Community k = communities.get(communities.size() - 1 - i * 7);
			String person = ratings.secretaries().get(k.id());
			LocalDate occurred = LocalDate.parse(cases[i][1]);
			NegativeList.Incident incident = negativeList.record(new NegativeList.IncidentInput(person, occurred, List.of(cases[i][0]),
					cases[i][2], List.of(cases[i][3], "谈话记录"), occurred.plusDays(30), null), ACTOR);
			negativeList.followUp(incident.id(), new NegativeList.FollowUpInput(occurred.plusDays(25),
					Boolean.parseBoolean(cases[i][4]) ? "已完成整改，居民满意" : "已约谈提醒，整改推进中", Boolean.parseBoolean(cases[i][4])), ACTOR, Preconditions.tag(negativeList.require(incident.id())));
		}
	}

	/**
	 * Use records from the best of the latest half-year: honours, candidacies and nominations for its
	 * model and backbone secretaries without an open incident, and the speech's 8 recruitments.
	 */
	private void use(List<Cycle> all) {
		Cycle latest = all.stream().max(java.util.Comparator.comparing(Cycle::period)).orElseThrow();
		java.util.Map<String, java.math.BigDecimal> scores = new java.util.HashMap<>();
		reviews.assessments(latest.id(), null).stream().filter(a -> a.score() != null).forEach(a -> scores.put(a.personId(), a.score()));
		java.util.Set<String> open = new java.util.HashSet<>();
		negativeList.incidents(latest.districtId(), null, null, Paging.of(0, 500)).items().stream()
				.filter(i -> !i.status().equals("RECTIFIED")).forEach(i -> open.add(i.personId()));
		List<String> best = classifications.placements(latest.id(), null).stream().filter(p -> p.type() != null && !p.type().helped())
				.map(Classifications.Placement::personId).filter(p -> !open.contains(p))
				.sorted(java.util.Comparator.comparing((String p) -> scores.getOrDefault(p, java.math.BigDecimal.ZERO)).reversed()
						.thenComparing(p -> p))
				.toList();
		String basis = latest.period() + " 星级评定与四评结果";
		String[][] incentives = { { "HONOUR", null, "优秀社区党组织书记" }, { "HONOUR", null, "优秀社区党组织书记" },
				{ "HONOUR", null, "“最美社区书记”" }, { "DELEGATE", "PEOPLES_CONGRESS", "区人大代表人选" }, { "DELEGATE", "CPPCC", "区政协委员人选" },
				{ "TRAINING", "PROVINCE", "省级示范骨干社区书记进修班" }, { "TRAINING", "NATIONAL", "全国城市社区党组织书记示范培训" } };
		for (int i = 0; i < incentives.length && i < best.size(); i++) {
			useRecords.record(new UseRecords.UseInput(best.get(i), incentives[i][0], incentives[i][1], incentives[i][2],
					LocalDate.of(2026, 1, 20), basis), ACTOR);
		}
		for (int i = 0; i < 8 && i < best.size(); i++) {
			useRecords.record(new UseRecords.UseInput(best.get(best.size() - 1 - i), "RECRUITMENT", null, "街道事业编制人员（社区党组织书记专项招聘）",
					LocalDate.of(2025, 12, 1 + i), "从优秀社区党组织书记中选聘"), ACTOR);
		}
	}

	/** Each community's standing (60–98), which every score and review of the half-year reflects. */
	private static double[] standings(Random random, int communities) {
		double[] standing = new double[communities];
		for (int i = 0; i < standing.length; i++) {
			standing[i] = 60 + random.nextDouble() * 38;
		}
		return standing;
	}

	/**
	 * The four reviews of each secretary: self-review a little above the standing, the street and the
	 * Organization Department near it, and the minimum of residents' ballots around it. A review given
	 * already (a resumed load) is kept.
	 */
	private void review(Cycle cycle, List<Community> communities, double[] standing) {
		java.util.Set<String> given = new java.util.HashSet<>();
		reviews.reviews(cycle.id(), null).forEach(r -> given.add(r.communityId() + "/" + r.kind()));
		Random random = new Random(SEED + cycle.period().hashCode());
		for (int i = 0; i < communities.size(); i++) {
			String community = communities.get(i).id();
			double s = standing[i];
			review(cycle, given, community, "SELF", s + 4, random);
			review(cycle, given, community, "STREET", s, random);
			review(cycle, given, community, "ORGANIZATION", s - 1, random);
			if (ballots.tally(cycle.id(), community).issued() == 0) {
				for (String token : ballots.issue(cycle.id(), new Ballots.IssueRequest(community, Ballots.MINIMUM)).tokens()) {
					BigDecimal[] v = new BigDecimal[5];
					for (int k = 0; k < v.length; k++) {
						v[k] = score(s + (random.nextDouble() - 0.5) * 16);
					}
					ballots.cast(token, new Ballots.BallotInput(v[0], v[1], v[2], v[3], v[4]));
				}
			}
		}
	}

	private void review(Cycle cycle, java.util.Set<String> given, String community, String kind, double around, Random random) {
		BigDecimal score = score(around + (random.nextDouble() - 0.5) * 6);
		if (!given.contains(community + "/" + kind)) {
			reviews.review(cycle.id(), new Reviews.ReviewRequest(community, kind, score, null), ACTOR);
		}
	}

	private static BigDecimal score(double v) {
		return BigDecimal.valueOf(Math.round(Math.max(0, Math.min(100, v)) * 10), 1);
	}

	/** Every department sees a community's standing with its own spread (±6), so stars spread over the levels. */
	private static List<ScoreBatch> scores(Random random, double[] standing, List<Community> communities, List<Department> departments) {
		List<ScoreBatch> batches = new ArrayList<>();
		for (Department d : departments) {
			List<ScoreEntry> rows = new ArrayList<>();
			for (int i = 0; i < communities.size(); i++) {
				rows.add(new ScoreEntry(communities.get(i).id(), null, score(standing[i] + (random.nextDouble() - 0.5) * 12)));
			}
			batches.add(new ScoreBatch(d.id(), rows));
		}
		return batches;
	}

	/** The cycle's version as stored now: the loader is the only writer of its cycles, and reads before it moves one. */
	private String current(Cycle cycle) {
		return Preconditions.tag(cycles.require(cycle.id()));
	}
}
