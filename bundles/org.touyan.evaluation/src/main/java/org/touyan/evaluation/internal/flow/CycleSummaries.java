package org.touyan.evaluation.internal.flow;

import org.touyan.evaluation.internal.cycle.Cycle;
import org.touyan.evaluation.internal.cycle.CycleStatus;
import org.touyan.evaluation.internal.cycle.Cycles;
import org.touyan.evaluation.internal.cycle.RatingRuns;
import org.touyan.evaluation.internal.cycle.StarReport;
import org.touyan.evaluation.internal.manage.Classifications;
import org.touyan.evaluation.internal.manage.Mentoring;
import org.touyan.evaluation.internal.review.DutyReports;
import org.touyan.evaluation.internal.review.Reviews;
import org.touyan.evaluation.internal.use.NegativeList;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.touyan.api.evaluation.NegativeConsequence;
import org.touyan.api.evaluation.ReviewResult;
import org.touyan.api.evaluation.SecretaryType;
import org.touyan.api.tabular.Column;
import org.touyan.api.tabular.Table;
import org.touyan.api.rest.Nullable;
import org.touyan.api.rest.ProblemException;

/**
 * A cycle's report as the Organization Department reads it, per street and for the district: the
 * star distribution, the four-review grades, the types, mentoring coverage, the negative-list
 * incidents of the half-year and the half-year reports; each section also as a table (CSV or xlsx).
 */
@Component(service = CycleSummaries.class)
public class CycleSummaries {

	/** The sections a CSV export can be asked for. */
	static final List<String> SECTIONS = List.of("stars", "grades", "types", "mentoring", "incidents");
	private static final String DISTRICT = "district";

	/** Counts per key (grade, type…) of one street, or of the district when {@code streetId} is null. */
	public record Counts(@Nullable String streetId, Map<String, Integer> counts, int failed) {
	}

	public record Distribution(Counts district, List<Counts> streets) {
	}

	/** The half-year's incidents: by consequence, by item (code → count, with names), by street. */
	public record IncidentSummary(LocalDate from, LocalDate to, int total, Map<String, Integer> byConsequence,
			List<ItemCount> byItem, Map<String, Integer> byStreet) {
	}

	public record ItemCount(String code, String name, int count) {
	}

	/** How many secretaries reported, how many reports all three raters scored, and their mean result. */
	public record DutyReportSummary(int reported, int scored, @Nullable BigDecimal meanResult) {
	}

	public record CycleSummary(String cycleId, String period, CycleStatus status, StarReport stars, Distribution grades,
			Distribution types, Mentoring.Coverage mentoring, IncidentSummary incidents, DutyReportSummary dutyReports) {
	}

	private final Cycles cycles;
	private final RatingRuns ratings;
	private final Reviews reviews;
	private final Classifications classifications;
	private final Mentoring mentoring;
	private final NegativeList negativeList;
	private final DutyReports dutyReports;

	@Activate
	public CycleSummaries(@Reference Cycles cycles, @Reference RatingRuns ratings, @Reference Reviews reviews,
			@Reference Classifications classifications, @Reference Mentoring mentoring, @Reference NegativeList negativeList,
			@Reference DutyReports dutyReports) {
		this.cycles = cycles;
		this.ratings = ratings;
		this.reviews = reviews;
		this.classifications = classifications;
		this.mentoring = mentoring;
		this.negativeList = negativeList;
		this.dutyReports = dutyReports;
	}

	public CycleSummary summary(String cycleId) {
		Cycle cycle = cycles.require(cycleId);
		Map<String, String> streetOf = mentoring.streets(cycle.districtId());
		Distribution grades = distribution(ReviewResult.GRADES, reviews.assessments(cycleId, null), a -> streetOf.get(a.communityId()),
				Reviews.Assessment::grade);
		Distribution types = distribution(Arrays.stream(SecretaryType.values()).map(SecretaryType::displayName).toList(),
				classifications.placements(cycleId, null), p -> streetOf.get(p.communityId()), Classifications.Placement::typeName);
		List<DutyReports.DutyReport> reports = dutyReports.reports(cycleId);
		List<BigDecimal> results = reports.stream().map(DutyReports.DutyReport::result).filter(r -> r != null).toList();
		BigDecimal mean = results.isEmpty() ? null
				: results.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(results.size()), 2, RoundingMode.HALF_UP);
		return new CycleSummary(cycle.id(), cycle.period(), cycle.status(), ratings.report(cycle), grades, types, mentoring.coverage(cycle),
				incidents(cycle), new DutyReportSummary(reports.size(), results.size(), mean));
	}

	/** The first and last day of a cycle's half-year. */
	static LocalDate[] halfYear(String period) {
		int year = Integer.parseInt(period.substring(0, 4));
		return period.endsWith("H1") ? new LocalDate[] { LocalDate.of(year, 1, 1), LocalDate.of(year, 6, 30) }
				: new LocalDate[] { LocalDate.of(year, 7, 1), LocalDate.of(year, 12, 31) };
	}

	private IncidentSummary incidents(Cycle cycle) {
		LocalDate[] range = halfYear(cycle.period());
		Map<String, Integer> byConsequence = new LinkedHashMap<>();
		for (NegativeConsequence c : NegativeConsequence.values()) {
			byConsequence.put(c.name(), 0);
		}
		Map<String, ItemCount> byItem = new TreeMap<>();
		Map<String, Integer> byStreet = new TreeMap<>();
		List<NegativeList.Incident> all = negativeList.between(cycle.districtId(), range[0], range[1]);
		for (NegativeList.Incident i : all) {
			byConsequence.merge(i.consequence(), 1, Integer::sum);
			byStreet.merge(i.streetId(), 1, Integer::sum);
			for (NegativeList.Item item : i.items()) {
				ItemCount was = byItem.get(item.code());
				byItem.put(item.code(), new ItemCount(item.code(), item.name(), was == null ? 1 : was.count() + 1));
			}
		}
		return new IncidentSummary(range[0], range[1], all.size(), byConsequence, new ArrayList<>(byItem.values()), byStreet);
	}

	/** Counts of {@code key} (null is a failure) per street and for the district, with every one of {@code keys} shown. */
	private static <T> Distribution distribution(List<String> keys, List<T> rows, Function<T, String> street, Function<T, String> key) {
		Map<String, Counts> streets = new TreeMap<>();
		Counts district = empty(null, keys);
		for (T row : rows) {
			String s = String.valueOf(street.apply(row));
			Counts c = streets.computeIfAbsent(s, k -> empty(k, keys));
			String k = key.apply(row);
			streets.put(s, add(c, k));
			district = add(district, k);
		}
		return new Distribution(district, new ArrayList<>(streets.values()));
	}

	private static Counts empty(String street, List<String> keys) {
		Map<String, Integer> m = new LinkedHashMap<>();
		keys.forEach(k -> m.put(k, 0));
		return new Counts(street, m, 0);
	}

	private static Counts add(Counts c, String key) {
		if (key == null) {
			return new Counts(c.streetId(), c.counts(), c.failed() + 1);
		}
		c.counts().merge(key, 1, Integer::sum);
		return c;
	}

	/** One section of the summary as CSV (UTF-8 with a byte order mark, so spreadsheets read the Chinese). */
	public String csv(String cycleId, String section) {
		return table(cycleId, section).csv();
	}

	/** One section of the summary as a table, its columns with their Chinese headers. */
	public Table table(String cycleId, String section) {
		if (!SECTIONS.contains(section)) {
			throw new ProblemException(404, "Not found", "未找到 id 为 '" + section + "' 的报告章节（可选：" + String.join("、", SECTIONS) + "）",
					"No report section with id '" + section + " (one of " + SECTIONS + ")'", null);
		}
		String name = "cycle-" + section;
		if (section.equals("incidents")) {
			Cycle cycle = cycles.require(cycleId);
			LocalDate[] range = halfYear(cycle.period());
			Table out = new Table(name, c("id", "编号"), c("occurredOn", "发生日期"), c("streetId", "街道ID"), c("communityId", "社区ID"),
					c("personId", "人员ID"), c("items", "负面情形代码"), c("itemNames", "负面情形"), c("severity", "严重程度"),
					c("consequence", "处理方式"), c("status", "状态"), c("deadline", "整改期限"), c("filingId", "备案ID"),
					c("explanation", "认定说明"), c("pluginBundle", "清单插件"), c("pluginVersion", "插件版本"));
			for (NegativeList.Incident i : negativeList.between(cycle.districtId(), range[0], range[1])) {
				out.row(i.id(), i.occurredOn(), i.streetId(), i.communityId(), i.personId(),
						String.join(" ", i.items().stream().map(NegativeList.Item::code).toList()),
						String.join("、", i.items().stream().map(NegativeList.Item::name).toList()), i.severity(), i.consequence(), i.status(),
						i.deadline(), i.filingId(), i.explanation(), i.provenance().bundle(), i.provenance().version());
			}
			return out;
		}
		CycleSummary s = summary(cycleId);
		switch (section) {
		case "stars" -> {
			Table out = new Table(name, c("scope", "范围"), c("rated", "已评定"), c("failed", "评定失败"), c("stars1", "一星"),
					c("stars2", "二星"), c("stars3", "三星"), c("stars4", "四星"), c("stars5", "五星"), c("meanScore", "平均分"));
			List<StarReport.StreetStars> rows = new ArrayList<>(s.stars().streets());
			rows.add(s.stars().district());
			for (StarReport.StreetStars r : rows) {
				List<Object> cells = new ArrayList<>(List.of(r.streetId() == null ? DISTRICT : r.streetId(), r.rated(), r.failed()));
				cells.addAll(r.stars());
				cells.add(r.meanScore());
				out.row(cells);
			}
			return out;
		}
		case "grades", "types" -> {
			Distribution d = section.equals("grades") ? s.grades() : s.types();
			List<Column> header = new ArrayList<>(List.of(c("scope", "范围")));
			d.district().counts().keySet().forEach(k -> header.add(Column.of(k)));
			header.add(c("failed", "未能评定"));
			Table out = new Table(name, header);
			List<Counts> rows = new ArrayList<>(d.streets());
			rows.add(d.district());
			for (Counts c : rows) {
				List<Object> cells = new ArrayList<>(List.of(c.streetId() == null ? DISTRICT : c.streetId()));
				cells.addAll(c.counts().values());
				cells.add(c.failed());
				out.row(cells);
			}
			return out;
		}
		default -> {
			Mentoring.Coverage m = s.mentoring();
			Table out = new Table(name, c("scope", "范围"), c("helped", "应帮带人数"), c("mentored", "已结对人数"), c("share", "覆盖率"));
			for (Mentoring.StreetCoverage c : m.streets()) {
				out.row(c.streetId(), c.helped(), c.mentored(), c.share());
			}
			out.row(DISTRICT, m.helped(), m.mentored(), m.share());
			return out;
		}
		}
	}

	private static Column c(String key, String label) {
		return Column.of(key, label);
	}
}
