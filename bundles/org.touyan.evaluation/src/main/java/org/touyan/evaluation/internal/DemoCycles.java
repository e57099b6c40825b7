package org.touyan.evaluation.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.touyan.api.registry.Community;
import org.touyan.api.registry.Department;
import org.touyan.api.registry.District;
import org.touyan.api.registry.OrgUnits;
import org.touyan.api.rest.Paging;
import org.touyan.api.store.DemoDataset;
import org.touyan.evaluation.internal.ScoreRecords.ScoreBatch;
import org.touyan.evaluation.internal.ScoreRecords.ScoreEntry;

/**
 * The demo district's two past half-years (2025-H1, 2025-H2), scored by its 11 departments for all
 * 52 communities and reviewed four ways (self, residents' ballots, street, Organization Department)
 * from a fixed seed, rated, assessed, classified, published and archived, so that ratings, grades
 * and types exist from the first start. Each step looks at where the cycle stands, so a load interrupted (a plugin still
 * starting) resumes where it stopped; a district that has other cycles is left alone.
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

	@Activate
	public DemoCycles(@Reference OrgUnits units, @Reference Cycles cycles, @Reference ScoreBook book,
			@Reference RatingRuns ratings, @Reference Reviews reviews, @Reference Ballots ballots,
			@Reference Classifications classifications) {
		this.classifications = classifications;
		this.units = units;
		this.cycles = cycles;
		this.book = book;
		this.ratings = ratings;
		this.reviews = reviews;
		this.ballots = ballots;
	}

	@Override
	public String id() {
		return "evaluation.cycles";
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
				cycle = cycles.open(cycle.id(), ACTOR);
			}
			if (cycle.status() == CycleStatus.OPEN) {
				for (ScoreBatch batch : batches) {
					if (book.scores(cycle.id(), null, batch.departmentId(), Paging.of(0, 1)).total() == 0) {
						book.enter(cycle.id(), batch, ACTOR);
					}
				}
				review(cycle, communities, standings);
				cycle = cycles.closeScoring(cycle.id(), ACTOR);
			}
			if (cycle.status() == CycleStatus.SCORING_CLOSED) {
				if (ratings.runs(cycle.id()).isEmpty()) {
					// the formula was not running yet when scoring closed
					cycles.rerate(cycle.id(), "演示数据：插件就绪后评定", ACTOR);
				}
				if (reviews.assessments(cycle.id(), null).isEmpty()) {
					cycles.reassess(cycle.id(), ACTOR);
				}
				if (classifications.placements(cycle.id(), null).isEmpty()) {
					cycles.reclassify(cycle.id(), ACTOR);
				}
				cycle = cycles.publish(cycle.id(), ACTOR);
			}
			if (cycle.status() == CycleStatus.PUBLISHED) {
				cycles.archive(cycle.id(), ACTOR);
			}
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
}
