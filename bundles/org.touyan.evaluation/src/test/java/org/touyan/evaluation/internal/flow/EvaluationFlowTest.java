package org.touyan.evaluation.internal.flow;

import org.touyan.evaluation.internal.Fakes;
import org.touyan.evaluation.internal.MemoryStore;

import org.touyan.evaluation.internal.cycle.Cycle;
import org.touyan.evaluation.internal.cycle.CycleInput;
import org.touyan.evaluation.internal.cycle.CycleStatus;
import org.touyan.evaluation.internal.cycle.Cycles;
import org.touyan.evaluation.internal.cycle.Rating;
import org.touyan.evaluation.internal.cycle.RatingRun;
import org.touyan.evaluation.internal.cycle.RatingRuns;
import org.touyan.evaluation.internal.cycle.ScoreBook;
import org.touyan.evaluation.internal.cycle.ScoreRecords;
import org.touyan.evaluation.internal.cycle.StarReport;
import org.touyan.evaluation.internal.manage.Classifications;
import org.touyan.evaluation.internal.review.Ballots;
import org.touyan.evaluation.internal.review.Reviews;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touyan.api.evaluation.StarLevels;
import org.touyan.api.evaluation.StarRating;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.Preconditions;
import org.touyan.api.rest.ProblemException;
import org.touyan.evaluation.internal.cycle.ScoreRecords.Completeness;
import org.touyan.evaluation.internal.cycle.ScoreRecords.CorrectionInput;
import org.touyan.evaluation.internal.cycle.ScoreRecords.EntryReport;
import org.touyan.evaluation.internal.cycle.ScoreRecords.ScoreBatch;
import org.touyan.evaluation.internal.cycle.ScoreRecords.ScoreEntry;

/** Cycles, score entry and rating on an in-memory database, with the registry and plugins faked. */
class EvaluationFlowTest {

	private Fakes fakes;
	private MemoryStore store;
	private Cycles cycles;
	private ScoreBook book;
	private RatingRuns ratings;
	private Reviews reviews;
	private Classifications classifications;
	private Ballots ballots;
	private ScoringClose closing;

	@BeforeEach
	void setUp() throws Exception {
		fakes = new Fakes();
		fakes.formula = input -> {
			BigDecimal score = StarLevels.weightedMean(input.scores(), input.parameters());
			return new StarRating(score, StarLevels.stars(score, input.parameters()), "平均 " + score);
		};
		store = new MemoryStore();
		ratings = new RatingRuns(store, fakes.policies(), fakes.people(), fakes.archive());
		cycles = new Cycles(store, fakes.units(), fakes.policies(), ratings);
		reviews = new Reviews(store, fakes.policies(), fakes.units(), fakes.people(), fakes.archive(), cycles);
		classifications = new Classifications(store, fakes.policies(), fakes.people(), fakes.archive(), ratings, reviews, cycles);
		closing = new ScoringClose(cycles, reviews, classifications);
		ballots = new Ballots(store, fakes.units(), cycles);
		book = new ScoreBook(store, fakes.units(), cycles);
	}

	private Cycle openCycle() {
		Cycle c = cycles.create(new CycleInput("d1", "2026-H1", null, null), "tester");
		assertEquals("T-2026-H1", c.pinKey());
		return cycles.open(c.id(), "tester", Preconditions.tag(cycles.require(c.id())));
	}

	private static ScoreBatch batch(String department, Object... communityAndScore) {
		List<ScoreEntry> rows = new java.util.ArrayList<>();
		for (int i = 0; i < communityAndScore.length; i += 2) {
			rows.add(new ScoreEntry((String) communityAndScore[i], null, new BigDecimal(communityAndScore[i + 1].toString())));
		}
		return new ScoreBatch(department, rows);
	}

	@Test
	void theLifeOfACyclePinsRatesAndReleases() {
		Cycle c = openCycle();
		assertEquals(List.of("T-2026-H1"), fakes.pins);
		assertTrue(book.enter(c.id(), batch("dep-mzj", "c1", 95, "c2", 70, "c3", 85), "民政局").written());
		assertTrue(book.enter(c.id(), batch("dep-zfw", "c1", 91, "c2", 60), "政法委").written());

		List<Completeness> done = book.completeness(c.id());
		assertEquals(2, done.size(), "only the scoring departments of the district");
		assertTrue(done.stream().anyMatch(d -> d.code().equals("MZJ") && d.complete() && d.scored() == 3));
		assertTrue(done.stream().anyMatch(d -> d.code().equals("ZFW") && !d.complete() && d.scored() == 2 && d.communities() == 3));

		Cycle closed = closing.close(c.id(), "组织部", Preconditions.tag(cycles.require(c.id())));
		assertEquals(CycleStatus.SCORING_CLOSED, closed.status());
		assertEquals(List.of("s1@T-2026-H1", "s2@T-2026-H1"), fakes.calls.stream().sorted().toList(), "one pinned call per street");
		Rating r1 = ratings.rating(c.id(), "c1").orElseThrow();
		assertEquals(new BigDecimal("93.00"), r1.score());
		assertEquals(5, r1.stars());
		assertEquals("test.formula", r1.provenance().bundle());
		assertEquals(64, r1.inputHash().length());
		assertEquals(2, ratings.rating(c.id(), "c2").orElseThrow().stars(), "(70 + 60) / 2 = 65 is at least 60: 2 stars");
		assertEquals(List.of("p1 star-rating.rated evaluation-cycle/" + c.id() + "/rating/c1",
				"p1 classification.placed evaluation-cycle/" + c.id() + "/classification"), fakes.appended);
		List<Classifications.Placement> placed = classifications.placements(c.id(), null);
		assertEquals(1, placed.size(), "only c1 has a secretary");
		assertEquals(org.touyan.api.evaluation.SecretaryType.BACKBONE, placed.get(0).type());
		assertEquals(List.of("书记工作室", "书记工作法", "书记特色课"), placed.get(0).measures());
		assertNull(placed.get(0).helperId(), "a backbone secretary is not helped");

		StarReport report = ratings.report(cycles.require(c.id()));
		assertEquals(1, report.run());
		assertEquals(List.of(0, 1, 0, 1, 1), report.district().stars());
		assertEquals(new BigDecimal("81.00"), report.district().meanScore(), "(93 + 65 + 85) / 3");
		assertEquals(List.of("s1", "s2"), report.streets().stream().map(StarReport.StreetStars::streetId).toList());
		assertEquals(List.of(0, 0, 0, 1, 0), report.streets().get(1).stars(), "c3: 85 is 4 stars");
		String csv = ratings.csv(c.id());
		assertTrue(csv.startsWith("\uFEFFstreetId,communityId,run,score,stars,"), csv);
		assertEquals(4, csv.split("\r\n").length, "header and three communities");
		assertTrue(csv.contains("s1,c1,1,93,5,平均 93.00,,test.formula,1.0.0,test,1,"), csv);

		ProblemException late = assertThrows(ProblemException.class, () -> book.enter(c.id(), batch("dep-zfw", "c3", 80), "政法委"));
		assertEquals(409, late.status());

		cycles.publish(c.id(), "组织部", Preconditions.tag(cycles.require(c.id())));
		assertThrows(ProblemException.class, () -> cycles.rerate(c.id(), "晚了", "组织部"));
		cycles.archive(c.id(), "组织部", Preconditions.tag(cycles.require(c.id())));
		assertEquals(List.of("T-2026-H1"), fakes.released);
		assertEquals(4, cycles.transitions(c.id()).size());
	}

	@Test
	void badEntriesStoreNothingAndNameTheRule() throws Exception {
		Cycle draft = cycles.create(new CycleInput("d1", "2026-H2", null, new BigDecimal("50")), "tester");
		assertEquals(409, assertThrows(ProblemException.class, () -> book.enter(draft.id(), batch("dep-mzj", "c1", 40), "x")).status(),
				"a draft cycle takes no scores");
		cycles.open(draft.id(), "tester", Preconditions.tag(cycles.require(draft.id())));

		EntryReport out = book.enter(draft.id(), batch("dep-mzj", "c1", 40, "c2", 51, "c9", 10, "c1", 30), "x");
		assertFalse(out.written());
		assertEquals(3, out.errors().size(), out.toString());
		assertTrue(out.errors().get(0).error().contains("0 至 50"), out.toString());
		assertEquals("scores[1].score", out.errors().get(0).field());
		assertTrue(out.errors().get(1).error().contains("没有社区 c9"));
		assertTrue(out.errors().get(2).error().contains("重复出现"));

		EntryReport foreign = book.enter(draft.id(), new ScoreBatch("dep-mzj", List.of(new ScoreEntry("c1", "ZFW", BigDecimal.TEN))), "x");
		assertTrue(foreign.errors().get(0).error().contains("只为本部门负责的维度评分"), foreign.toString());
		assertEquals("departmentId", assertThrows(ProblemException.class, () -> book.enter(draft.id(), batch("dep-sj", "c1", 1), "x")).field(),
				"a department that does not score");
		assertEquals("departmentId", assertThrows(ProblemException.class, () -> book.enter(draft.id(), batch("dep-x", "c1", 1), "x")).field(),
				"another district's department");
		assertEquals(0, book.scores(draft.id(), null, null, Paging.of(0, 10)).total(), "nothing stored");

		EntryReport csv = book.enterCsv(draft.id(), "dep-zfw", "communityId,score\r\nc1,45\r\nc2,abc\r\nc3,60\r\n", "x");
		assertFalse(csv.written());
		assertEquals(List.of(3, 4), csv.errors().stream().map(ScoreRecords.RowError::row).toList(), csv.toString());
		assertEquals(0, book.scores(draft.id(), null, null, Paging.of(0, 10)).total(), "all rows or none");

		// the same column as a workbook headed in Chinese: the same faults on the same rows, nothing stored
		org.touyan.tabular.internal.TabularService tabular = new org.touyan.tabular.internal.TabularService();
		java.io.ByteArrayOutputStream xlsx = new java.io.ByteArrayOutputStream();
		tabular.write(new org.touyan.api.tabular.Table("scores", ScoreBook.COLUMNS.subList(0, 2)).row("c1", 45).row("c2", "abc").row("c3", 60),
				org.touyan.api.tabular.Format.XLSX, xlsx);
		List<List<String>> rows = tabular.read(org.touyan.api.tabular.Format.XLSX, new java.io.ByteArrayInputStream(xlsx.toByteArray()));
		assertEquals(List.of("社区ID", "得分"), rows.get(0));
		EntryReport sheet = book.enterRows(draft.id(), "dep-zfw", rows, "x");
		assertEquals(csv.errors(), sheet.errors());
		assertEquals(0, book.scores(draft.id(), null, null, Paging.of(0, 10)).total(), "all rows or none");

		assertTrue(book.enterCsv(draft.id(), "dep-zfw", "\uFEFFcommunityId,score,dimension\nc1,45,ZFW\nc2,12.5,\n", "x").written());
		// the column as entered exports in the import's columns first, Chinese headers in a workbook
		org.touyan.api.tabular.Table column = book.column(draft.id(), "dep-zfw");
		assertEquals(List.of("社区ID", "得分", "维度", "街道ID", "录入人", "录入时间"),
				column.columns().stream().map(org.touyan.api.tabular.Column::label).toList());
		assertEquals(List.of(List.of("c1", "45", "ZFW"), List.of("c2", "12.5", "ZFW")),
				column.rows().stream().map(r -> List.of(String.valueOf(r.get(0)), org.touyan.api.rest.Csv.cell(r.get(1)), String.valueOf(r.get(2))))
						.toList());
		EntryReport twice = book.enter(draft.id(), batch("dep-zfw", "c1", 44), "x");
		assertTrue(twice.errors().get(0).error().contains("写明理由更正分数"), twice.toString());
	}

	@Test
	void correctionsNeedAReasonAndKeepTheOldScore() {
		Cycle c = openCycle();
		book.enter(c.id(), batch("dep-mzj", "c1", 80), "x");
		String read = Preconditions.tag(book.score(c.id(), "c1", "dep-mzj"));
		assertEquals("reason", assertThrows(ProblemException.class,
				() -> book.correct(c.id(), "c1", "dep-mzj", new CorrectionInput(new BigDecimal("85"), " "), "x", read)).field());
		assertEquals("score", assertThrows(ProblemException.class,
				() -> book.correct(c.id(), "c1", "dep-mzj", new CorrectionInput(new BigDecimal("101"), "录入错误"), "x", read)).field());
		assertEquals(404, assertThrows(ProblemException.class,
				() -> book.correct(c.id(), "c2", "dep-mzj", new CorrectionInput(new BigDecimal("85"), "录入错误"), "x", read)).status());
		assertEquals(428, assertThrows(ProblemException.class,
				() -> book.correct(c.id(), "c1", "dep-mzj", new CorrectionInput(new BigDecimal("85"), "录入错误"), "x", null)).status());
		book.correct(c.id(), "c1", "dep-mzj", new CorrectionInput(new BigDecimal("85"), "录入错误"), "民政局", read);
		assertEquals(412, assertThrows(ProblemException.class,
				() -> book.correct(c.id(), "c1", "dep-mzj", new CorrectionInput(new BigDecimal("90"), "再次更正"), "x", read)).status(),
				"a second correction made from the same reading would overwrite the first unseen");
		assertEquals(new BigDecimal("85.00"), book.scores(c.id(), "c1", null, Paging.of(0, 10)).items().get(0).score());
		var corrections = book.corrections(c.id());
		assertEquals(1, corrections.size());
		assertEquals(new BigDecimal("80.00"), corrections.get(0).oldScore());
		assertEquals("录入错误", corrections.get(0).reason());
	}

	@Test
	void theRatingReadsEveryDepartmentsScoreAsCorrected() {
		Cycle c = openCycle();
		book.enter(c.id(), batch("dep-mzj", "c1", 80, "c2", 70), "x");
		book.enter(c.id(), batch("dep-zfw", "c1", 60.5), "x");
		book.correct(c.id(), "c1", "dep-mzj", new CorrectionInput(new BigDecimal("99.25"), "录入错误"), "民政局",
				Preconditions.tag(book.score(c.id(), "c1", "dep-mzj")));
		closing.close(c.id(), "x", Preconditions.tag(cycles.require(c.id())));

		assertEquals(new BigDecimal("79.88"), ratings.rating(c.id(), "c1").orElseThrow().score(), "the mean of 99.25 and 60.5");
		assertEquals(new BigDecimal("70.00"), ratings.rating(c.id(), "c2").orElseThrow().score(), "c2 has one department's score");
	}

	@Test
	void aFormulaThatFailsForOneCommunityFailsThatCommunityOnly() {
		Cycle c = openCycle();
		book.enter(c.id(), batch("dep-mzj", "c1", 95, "c2", 70, "c3", 85), "x");
		fakes.formula = input -> {
			if (input.communityId().equals("c2")) {
				throw new IllegalStateException("坏了");
			}
			return input.communityId().equals("c3") ? new StarRating(BigDecimal.ONE, 6, "六星") : new StarRating(BigDecimal.TEN, 1, "一星");
		};
		closing.close(c.id(), "x", Preconditions.tag(cycles.require(c.id())));
		assertEquals(1, ratings.rating(c.id(), "c1").orElseThrow().stars());
		Rating failed = ratings.rating(c.id(), "c2").orElseThrow();
		assertNull(failed.stars());
		assertTrue(failed.failure().contains("坏了"), failed.failure());
		assertTrue(ratings.rating(c.id(), "c3").orElseThrow().failure().contains("答复了 6 星，不在 1–5 星之间"));
		RatingRun run = ratings.runs(c.id()).get(0);
		assertEquals(1, run.rated());
		assertEquals(2, run.failed());
		// a page of one level: the table's filter and the chart's counts of a street
		assertEquals(List.of("c1"), ratings.ratings(c.id(), null, "1", Paging.of(0, 10)).items().stream().map(Rating::communityId).toList());
		assertEquals(List.of("c2", "c3"), ratings.ratings(c.id(), null, "failed", Paging.of(0, 10)).items().stream().map(Rating::communityId).toList());
		assertEquals(1, ratings.ratings(c.id(), "s1", "failed", Paging.of(0, 10)).total());
		assertEquals(0, ratings.ratings(c.id(), null, "5", Paging.of(0, 10)).total());
	}

	@Test
	void aSheetPageReadsTheStoredScoresOfItsCommunitiesInOneRequest() {
		Cycle c = openCycle();
		book.enter(c.id(), batch("dep-mzj", "c1", 95, "c2", 70, "c3", 85), "x");
		book.enter(c.id(), batch("dep-zfw", "c1", 91), "x");
		var page = book.scoresOf(c.id(), List.of("c1", "c3", "c1"), "dep-mzj", Paging.of(0, 10));
		assertEquals(List.of("c1", "c3"), page.items().stream().map(s -> s.communityId()).toList());
		assertEquals(3, book.scoresOf(c.id(), List.of("c1", "c3"), null, Paging.of(0, 10)).total(), "every department's unless one is named");
		assertEquals(4, book.scoresOf(c.id(), List.of(), null, Paging.of(0, 10)).total(), "none named: all");
		assertEquals(0, book.scoresOf(c.id(), List.of("elsewhere"), null, Paging.of(0, 10)).total());
	}

	@Test
	void reRatingIsExplicitRecordedAndRepeatable() {
		Cycle c = openCycle();
		book.enter(c.id(), batch("dep-mzj", "c1", 95, "c2", 70), "x");
		closing.close(c.id(), "x", Preconditions.tag(cycles.require(c.id())));
		Rating first = ratings.rating(c.id(), "c1").orElseThrow();
		assertEquals("reason", assertThrows(ProblemException.class, () -> cycles.rerate(c.id(), "", "x")).field());

		RatingRun again = cycles.rerate(c.id(), "复核", "组织部");
		assertEquals(2, again.run());
		Rating second = ratings.rating(c.id(), "c1").orElseThrow();
		assertEquals(2, second.run());
		assertEquals(first.inputHash(), second.inputHash(), "the same input hashes the same");
		assertEquals(first.stars(), second.stars());
		assertEquals(List.of("首次", "复核"), ratings.runs(c.id()).stream().map(r -> r.reason().startsWith("评分结束") ? "首次" : r.reason()).toList());
		assertTrue(fakes.appended.contains("p1 star-rating.rerated evaluation-cycle/" + c.id() + "/rating/c1 (replacing)"), fakes.appended.toString());
		assertNotEquals(first.inputHash(), ratings.rating(c.id(), "c2").orElseThrow().inputHash());
	}

	@Test
	void cyclesAreCheckedWhenCreatedAndOnePerHalfYear() {
		assertEquals("districtId", assertThrows(ProblemException.class, () -> cycles.create(new CycleInput("nope", "2026-H1", null, null), "x")).field());
		assertEquals("period", assertThrows(ProblemException.class, () -> cycles.create(new CycleInput("d1", "2026-Q1", null, null), "x")).field());
		assertEquals("scoreMax", assertThrows(ProblemException.class,
				() -> cycles.create(new CycleInput("d1", "2026-H1", BigDecimal.TEN, BigDecimal.ONE), "x")).field());
		cycles.create(new CycleInput("d1", "2026-H1", null, null), "x");
		assertEquals(409, assertThrows(ProblemException.class, () -> cycles.create(new CycleInput("d1", "2026-H1", null, null), "x")).status());
		assertEquals(1, cycles.cycles("d1", Paging.of(0, 10)).total());
	}

	@Test
	void aCycleThatCannotPinStaysADraft() {
		Cycle c = cycles.create(new CycleInput("d1", "2026-H1", null, null), "x");
		fakes.pins.add(c.pinKey());
		assertEquals(409, assertThrows(ProblemException.class, () -> cycles.open(c.id(), "x", Preconditions.tag(cycles.require(c.id())))).status());
		assertEquals(CycleStatus.DRAFT, cycles.require(c.id()).status());
		assertEquals(409, assertThrows(ProblemException.class, () -> cycles.publish(c.id(), "x", Preconditions.tag(cycles.require(c.id())))).status());
	}

	@Test
	void longStreetsAreRatedInChunks() {
		for (int i = 0; i < RatingRuns.CHUNK + 5; i++) {
			fakes.communities.add(new org.touyan.api.registry.Community("n" + i, "s3", "n" + i, "新" + i, null));
		}
		Cycle c = openCycle();
		List<ScoreEntry> rows = new java.util.ArrayList<>();
		fakes.communities.forEach(x -> rows.add(new ScoreEntry(x.id(), null, new BigDecimal("75.5"))));
		assertTrue(book.enter(c.id(), new ScoreBatch("dep-mzj", rows), "x").written());
		closing.close(c.id(), "x", Preconditions.tag(cycles.require(c.id())));
		assertEquals(List.of("s1@T-2026-H1", "s2@T-2026-H1", "s3@T-2026-H1", "s3@T-2026-H1"), fakes.calls.stream().sorted().toList());
		assertEquals(RatingRuns.CHUNK + 8, ratings.runs(c.id()).get(0).rated());
		assertEquals(3, ratings.rating(c.id(), "n1004").orElseThrow().stars());
	}

	@Test
	void theFourReviewsMakeAnAssessmentWithProvenance() {
		fakes.weighting = input -> {
			BigDecimal sum = BigDecimal.ZERO;
			int n = 0;
			for (BigDecimal v : new BigDecimal[] { input.self(), input.residents(), input.street(), input.organization() }) {
				if (v != null) {
					sum = sum.add(v);
					n++;
				}
			}
			BigDecimal score = sum.divide(BigDecimal.valueOf(n), 2, java.math.RoundingMode.HALF_UP);
			return new org.touyan.api.evaluation.ReviewResult(score, score.compareTo(BigDecimal.valueOf(85)) >= 0 ? "优秀" : "称职",
					n + " 项平均 " + score);
		};
		Cycle c = openCycle();
		assertEquals("kind", assertThrows(ProblemException.class,
				() -> reviews.review(c.id(), new Reviews.ReviewRequest("c1", "RESIDENTS", BigDecimal.TEN, null), "x")).field());
		assertEquals("score", assertThrows(ProblemException.class,
				() -> reviews.review(c.id(), new Reviews.ReviewRequest("c1", "SELF", new BigDecimal("100.5"), null), "x")).field());
		assertEquals(409, assertThrows(ProblemException.class,
				() -> reviews.review(c.id(), new Reviews.ReviewRequest("c2", "SELF", BigDecimal.TEN, null), "x")).status(),
				"c2 has no secretary");
		reviews.review(c.id(), new Reviews.ReviewRequest("c1", "self", new BigDecimal("90"), "自评"), "周书记");
		assertEquals(409, assertThrows(ProblemException.class,
				() -> reviews.review(c.id(), new Reviews.ReviewRequest("c1", "SELF", new BigDecimal("95"), null), "x")).status());
		reviews.review(c.id(), new Reviews.ReviewRequest("c1", "STREET", new BigDecimal("80"), null), "街道");
		reviews.review(c.id(), new Reviews.ReviewRequest("c1", "ORGANIZATION", new BigDecimal("85"), null), "组织部");
		List<String> tokens = ballots.issue(c.id(), new Ballots.IssueRequest("c1", Ballots.MINIMUM)).tokens();
		tokens.forEach(t -> ballots.cast(t, new Ballots.BallotInput(BigDecimal.valueOf(90), BigDecimal.valueOf(90), BigDecimal.valueOf(90),
				BigDecimal.valueOf(90), BigDecimal.valueOf(90))));
		book.enter(c.id(), batch("dep-mzj", "c1", 95), "x");

		closing.close(c.id(), "x", Preconditions.tag(cycles.require(c.id())));
		List<Reviews.Assessment> done = reviews.assessments(c.id(), null);
		assertEquals(1, done.size());
		Reviews.Assessment a = done.get(0);
		assertEquals("p1", a.personId());
		assertEquals(new BigDecimal("90.00"), a.residents());
		assertEquals(Ballots.MINIMUM, a.ballots());
		assertEquals(new BigDecimal("86.25"), a.score(), "(90 + 90 + 80 + 85) / 4");
		assertEquals("优秀", a.grade());
		assertEquals("test.formula", a.provenance().bundle());
		assertEquals(64, a.inputHash().length());
		assertTrue(fakes.appended.contains("p1 review.self evaluation-cycle/" + c.id() + "/review/self"), fakes.appended.toString());
		assertTrue(fakes.appended.contains("p1 assessment.graded evaluation-cycle/" + c.id() + "/assessment"), fakes.appended.toString());

		fakes.weighting = input -> new org.touyan.api.evaluation.ReviewResult(BigDecimal.ONE, "很好", "坏答案");
		Reviews.Assessment bad = reviews.reassess(c.id(), "x").get(0);
		assertNull(bad.grade());
		assertTrue(bad.failure().contains("not one of"), bad.failure());
		assertTrue(fakes.appended.contains("p1 assessment.graded evaluation-cycle/" + c.id() + "/assessment (replacing)"));

		// a helped type gets the street's cadre by name
		fakes.classification = input -> new org.touyan.api.evaluation.Classification(org.touyan.api.evaluation.SecretaryType.CARETAKER, "守摊");
		Classifications.Placement helped = classifications.reclassify(c.id(), "x").get(0);
		assertEquals("守摊", helped.typeName());
		assertEquals("h1", helped.helperId());
		assertEquals("王街道", helped.helperName());
		assertEquals(List.of("街道干部一对一帮带"), helped.measures());
		cycles.publish(c.id(), "x", Preconditions.tag(cycles.require(c.id())));
		assertEquals(409, assertThrows(ProblemException.class, () -> classifications.reclassify(c.id(), "x")).status());
	}

	@Test
	void aTransitionFromAnOlderVersionOfTheCycleIsRefusedAndMovesNothing() {
		Cycle draft = cycles.create(new CycleInput("d1", "2026-H1", null, null), "tester");
		String read = Preconditions.tag(draft);
		Cycle open = cycles.open(draft.id(), "tester", read);
		assertEquals(412, assertThrows(ProblemException.class, () -> closing.close(draft.id(), "x", read)).status());
		assertEquals(428, assertThrows(ProblemException.class, () -> closing.close(draft.id(), "x", null)).status());
		assertEquals(CycleStatus.OPEN, cycles.require(draft.id()).status());
		assertEquals(1, cycles.transitions(draft.id()).size());
		assertTrue(ratings.runs(draft.id()).isEmpty());
		assertEquals(Preconditions.tag(open), Preconditions.tag(cycles.require(draft.id())), "the answer of a transition is the cycle as stored");
	}

	@Test
	void aStaleOpenIsRefusedBeforeThePinIsTaken() {
		Cycle draft = cycles.create(new CycleInput("d1", "2026-H1", null, null), "tester");
		assertEquals(412, assertThrows(ProblemException.class, () -> cycles.open(draft.id(), "x", "\"older\"")).status());
		assertTrue(fakes.pins.isEmpty(), fakes.pins.toString());
		assertEquals(CycleStatus.DRAFT, cycles.require(draft.id()).status());
	}
}
