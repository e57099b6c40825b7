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
 * 52 communities from a fixed seed, rated, published and archived, so that ratings exist from the
 * first start. Each step looks at where the cycle stands, so a load interrupted (a plugin still
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

	@Activate
	public DemoCycles(@Reference OrgUnits units, @Reference Cycles cycles, @Reference ScoreBook book,
			@Reference RatingRuns ratings) {
		this.units = units;
		this.cycles = cycles;
		this.book = book;
		this.ratings = ratings;
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
			List<ScoreBatch> batches = scores(random, communities, departments);
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
				cycle = cycles.closeScoring(cycle.id(), ACTOR);
			}
			if (cycle.status() == CycleStatus.SCORING_CLOSED) {
				if (ratings.runs(cycle.id()).isEmpty()) {
					// the formula was not running yet when scoring closed
					cycles.rerate(cycle.id(), "演示数据：插件就绪后评定", ACTOR);
				}
				cycle = cycles.publish(cycle.id(), ACTOR);
			}
			if (cycle.status() == CycleStatus.PUBLISHED) {
				cycles.archive(cycle.id(), ACTOR);
			}
		}
	}

	/**
	 * Each community has a standing (60–98) that every department sees with its own spread (±6), so
	 * stars spread over the levels as in a real district.
	 */
	private static List<ScoreBatch> scores(Random random, List<Community> communities, List<Department> departments) {
		double[] standing = new double[communities.size()];
		for (int i = 0; i < standing.length; i++) {
			standing[i] = 60 + random.nextDouble() * 38;
		}
		List<ScoreBatch> batches = new ArrayList<>();
		for (Department d : departments) {
			List<ScoreEntry> rows = new ArrayList<>();
			for (int i = 0; i < communities.size(); i++) {
				double score = Math.max(0, Math.min(100, standing[i] + (random.nextDouble() - 0.5) * 12));
				rows.add(new ScoreEntry(communities.get(i).id(), null, BigDecimal.valueOf(Math.round(score * 10), 1)));
			}
			batches.add(new ScoreBatch(d.id(), rows));
		}
		return batches;
	}
}
