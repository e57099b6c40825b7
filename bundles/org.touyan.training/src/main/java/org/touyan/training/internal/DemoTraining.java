package org.touyan.training.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.touyan.api.registry.District;
import org.touyan.api.registry.OrgUnits;
import org.touyan.api.registry.Street;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.Preconditions;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.store.DemoDataset;
import org.touyan.training.internal.Directory.Secretary;
import org.touyan.training.internal.Training.BrandInput;
import org.touyan.training.internal.Training.Course;
import org.touyan.training.internal.Training.CourseInput;
import org.touyan.training.internal.Training.Plan;
import org.touyan.training.internal.Training.PlanInput;
import org.touyan.training.internal.Training.Programme;
import org.touyan.training.internal.Training.Session;
import org.touyan.training.internal.Training.SessionInput;

/**
 * The demo district's 2026 training year with the speech's figures: the 1+1+N plan with 5 street
 * brands, attendance of the annual and quarterly trainings and of each brand's sessions, 12 forums,
 * salons and themed activities held (a 13th, a forum, still to come), 10 shadowing placements, 14 dispatches to 塘桥街道
 * (cumulative, from 2025-06: 7 of them started in 2026) and 32 experience-transfer projects in various states. Generated from a fixed seed through the
 * bundle's own services, so every record and archive entry is as real data's.
 */
@Component
public class DemoTraining implements DemoDataset {

	static final String ID = "training.year";
	static final long SEED = 20260518L;
	static final int YEAR = 2026;
	static final BigDecimal REQUIRED = new BigDecimal("24");
	private static final String ACTOR = "demo";

	/** The 5 street brands (N of 1+1+N) by street code. */
	static final List<String[]> BRANDS = List.of(new String[] { "DC", "小灶课堂" }, new String[] { "XC", "治理小剧场" },
			new String[] { "NH", "湖畔夜校" }, new String[] { "BY", "书记微讲堂" }, new String[] { "XF", "幸福工作坊" });

	/** The formats of each brand plugin the demo binds, and a course of each, by street code. */
	static final java.util.Map<String, String[]> BRAND_FORMATS = java.util.Map.of("DC", new String[] { "专题讲座", "案例研讨", "现场教学" },
			"XC", new String[] { "情景剧", "复盘研讨" }, "NH", new String[] { "夜校讲座", "小组讨论" }, "BY", new String[] { "微讲堂", "互评" },
			"XF", new String[] { "工作坊", "实地走访" });
	static final java.util.Map<String, String> BRAND_COURSES = java.util.Map.of("DC", "网格治理", "XC", "物业纠纷调解情景剧", "NH",
			"居民议事规则", "BY", "书记工作法", "XF", "老旧小区改造");

	private final OrgUnits units;
	private final Directory directory;
	private final Training training;
	private final Exchange exchange;
	private final Pairing pairing;

	@Activate
	public DemoTraining(@Reference OrgUnits units, @Reference Directory directory, @Reference Training training,
			@Reference Exchange exchange, @Reference Pairing pairing) {
		this.units = units;
		this.directory = directory;
		this.training = training;
		this.exchange = exchange;
		this.pairing = pairing;
	}

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
		District demo = units.districts(Paging.of(0, 500)).items().stream().filter(d -> d.code().equals("DEMO")).findFirst().orElse(null);
		if (demo == null) {
			return;
		}
		// fails (and the loader tries again) until the Tangqiao programme is bound; nothing is written before
		pairing.programme(demo.id());
		new Generator(demo).run();
	}

	/** One run over a fresh random sequence from the seed. */
	private final class Generator {

		private final District district;
		private final Random random = new Random(SEED);
		private final List<Secretary> secretaries;
		private final List<Street> streets;

		Generator(District district) {
			this.district = district;
			this.secretaries = directory.secretaries(district.id());
			this.streets = units.streets(district.id(), Paging.of(0, 500)).items();
		}

		/**
		 * Each part is completed where a previous run stopped (the platform may restart a
		 * component under a load, e.g. when plugin configuration changes): what exists is kept.
		 */
		void run() {
			List<BrandInput> brands = BRANDS.stream().map(b -> new BrandInput(street(b[0]).id(), b[1])).toList();
			Plan plan = training.plan(district.id(), YEAR)
					.orElseGet(() -> training.createPlan(new PlanInput(district.id(), YEAR, REQUIRED, brands, null)));
			List<String> all = secretaries.stream().map(Secretary::personId).toList();
			for (Programme p : plan.programmes()) {
				if (p.kind().equals(Training.ANNUAL)) {
					// 头雁领航: one week in May, a 3-hour session a day, one course kind each
					for (int i = 0; i < p.courses().size(); i++) {
						Course k = p.courses().get(i);
						Session s = session(k, new SessionInput(LocalDate.of(YEAR, 5, 11 + i), "区委党校报告厅", TEACHERS[i],
								i == 3 ? "情景模拟" : i == 2 ? "案例分析" : "专家辅导", new BigDecimal("3")));
						attend(k, s, all, 0.92, false);
					}
				} else if (p.kind().equals(Training.QUARTERLY)) {
					// 精治社工: a lecture a quarter (新闻写作, 沟通协调, 活动摄影, 新媒体运营); the fourth is still to come
					for (int q = 0; q < p.courses().size(); q++) {
						Course k = p.courses().get(q);
						Session s = session(k, new SessionInput(LocalDate.of(YEAR, 3 * q + 3, 20), "区党群服务中心", "精治社工讲师团",
								"专题讲座", new BigDecimal("4")));
						attend(k, s, all, 0.85, false);
					}
				} else {
					brandSessions(p);
				}
			}
			events();
			shadowing();
			projects(dispatches());
		}

		/** The course's session on that date, scheduled if it is not there yet. */
		private Session session(Course k, SessionInput input) {
			return training.sessions(k.id()).stream().filter(s -> s.date().equals(input.date())).findFirst()
					.orElseGet(() -> training.addSession(k.id(), input));
		}

		/** Sessions of each street brand, in the formats of the brand plugin bound for the street. */
		private void brandSessions(Programme p) {
			String code = streets.stream().filter(x -> x.id().equals(p.streetId())).findFirst().orElseThrow().code();
			String[] formats = BRAND_FORMATS.get(code);
			String title = p.name() + "·" + BRAND_COURSES.get(code);
			Course k = p.courses().isEmpty() ? training.addCourse(p.id(), new CourseInput(null, title)) : p.courses().get(0);
			List<String> local = secretaries.stream().filter(x -> x.streetId().equals(p.streetId())).map(Secretary::personId).toList();
			for (int i = 0; i < formats.length; i++) {
				Session s = session(k, new SessionInput(LocalDate.of(YEAR, 4 + 2 * i, 8), "街道党群服务中心", "街道工委讲师",
						formats[i], new BigDecimal("2")));
				attend(k, s, local, 0.9, true);
			}
		}

		private static final String[] TEACHERS = { "区委党校 王教授", "区民政局 业务骨干", "优秀社区书记 代表", "区委组织部 讲师", "区纪委监委 讲师" };

		/** Enrols everyone and records who came; at brand sessions some leave early, which each brand credits its own way. */
		private void attend(Course k, Session s, List<String> people, double rate, boolean partly) {
			training.enrol(k.id(), people, ACTOR);
			if (s.date().isAfter(LocalDate.now()) || !training.attendance(s.id()).isEmpty()) {
				return;
			}
			StringBuilder csv = new StringBuilder("personId,hours\n");
			for (String person : people) {
				if (random.nextDouble() < rate) {
					BigDecimal hours = partly && random.nextInt(4) == 0 ? s.hours().subtract(new BigDecimal("0.7")) : s.hours();
					csv.append(person).append(',').append(hours.toPlainString()).append('\n');
				}
			}
			Training.ImportReport report = training.importCsv(s.id(), csv.toString(), ACTOR, anyone -> {
				// the demo district is loaded by the platform itself, for every street
			});
			if (!report.written()) {
				throw new IllegalStateException("demo attendance refused: " + report.errors());
			}
		}

		/** 12 held: 6 monthly forums, 2 quarterly salons, one activity of each of the 4 themes; one forum still to come. */
		private void events() {
			Set<String> held = new java.util.HashSet<>();
			exchange.events(district.id(), YEAR, null, Paging.of(0, 500)).items().forEach(e -> held.add(e.title()));
			for (int m = 1; m <= 6; m++) {
				event("FORUM", null, "幸福论坛第" + m + "期", LocalDate.of(YEAR, m + 4, 16), "区党群服务中心", 8, 2,
						"书记们围绕社区治理难点交流经验。", held);
			}
			// the next forum is always still to come, so the count held stays the speech's 12
			event("FORUM", null, "幸福论坛第7期", LocalDate.now().plusMonths(1), "区党群服务中心", 8, 2, null, held);
			for (int q = 1; q <= 2; q++) {
				event("SALON", null, "书记沙龙（第" + "一二".charAt(q - 1) + "季）", LocalDate.of(YEAR, 3 * q + 3, 28), "书记工作室", 10, 3,
						"圆桌座谈，分享工作法。", held);
			}
			for (int t = 0; t < Exchange.THEMES.size(); t++) {
				event("ACTIVITY", Exchange.THEMES.get(t), Exchange.THEMES.get(t), LocalDate.of(YEAR, 7 + t, 9), "示范社区", 12, 2,
						"现场观摩、经验分享。", held);
			}
		}

		private void event(String kind, String theme, String title, LocalDate date, String place, int participants, int speakers,
				String record, Set<String> held) {
			if (!held.contains(title)) {
				exchange.createEvent(new Exchange.EventInput(district.id(), kind, theme, title, date, place, sample(participants),
						sample(speakers), record), ACTOR);
			}
		}

		/** 10 secretaries for a month in 上海 or 厦门; those back have reported. */
		private void shadowing() {
			List<Exchange.Placement> placed = new ArrayList<>(exchange.placements(district.id(), null, YEAR));
			List<Secretary> others = new ArrayList<>(secretaries);
			others.removeIf(s -> placed.stream().anyMatch(p -> p.personId().equals(s.personId())));
			java.util.Collections.shuffle(others, random);
			for (int i = placed.size(); i < 10; i++) {
				boolean shanghai = i % 2 == 0;
				LocalDate start = LocalDate.of(YEAR, 3 + i, 1);
				placed.add(exchange.place(new Exchange.PlacementInput(district.id(), others.get(i).personId(),
						shanghai ? "上海市" : "厦门市", shanghai ? "上海市浦东新区塘桥街道" : "厦门市思明区嘉莲街道", start,
						start.plusMonths(1).minusDays(1)), ACTOR));
			}
			for (Exchange.Placement p : placed) {
				if (p.report() == null && !p.endDate().isAfter(LocalDate.now())) {
					exchange.report(p.id(), new Exchange.ReportInput("跟班学习一个月，学习网格化治理和社区服务经验。"), ACTOR, Preconditions.tag(p));
				}
			}
		}

		/** 14 secretaries dispatched to 塘桥街道 since last year, a month each; the programme refuses some, who are passed over. */
		private List<Secretary> dispatches() {
			List<String> contents = pairing.programme(district.id()).contents().stream().map(x -> x.code()).toList();
			List<Pairing.Dispatch> made = new ArrayList<>(pairing.dispatches(district.id(), null, Paging.of(0, 500)).items());
			List<Secretary> candidates = new ArrayList<>(secretaries);
			java.util.Collections.shuffle(candidates, random);
			for (Secretary s : candidates) {
				if (made.size() >= 14) {
					break;
				}
				if (made.stream().anyMatch(d -> d.personId().equals(s.personId()))) {
					continue;
				}
				LocalDate start = LocalDate.of(YEAR - 1, 6, 1).plusMonths(made.size());
				try {
					made.add(pairing.dispatch(new Pairing.DispatchInput(district.id(), s.personId(),
							contents.get(made.size() % contents.size()), start, start.plusMonths(1).minusDays(1)), ACTOR));
				} catch (ProblemException refused) {
					if (refused.status() != 422) {
						throw refused;
					}
				}
			}
			for (Pairing.Dispatch d : made) {
				if (d.report() == null && !d.endDate().isAfter(LocalDate.now())) {
					pairing.report(d.id(), new Pairing.DispatchReport(java.util.Map.of("learned", "学习了塘桥街道的社区治理经验。",
							"practices", "“家门口”服务体系、楼组自治。", "plan", "结合本社区实际，形成转化项目。")), ACTOR, Preconditions.tag(pairing.dispatch(d.id())));
				}
			}
			return made.stream().map(d -> secretaries.stream().filter(s -> s.personId().equals(d.personId())).findFirst().orElseThrow())
					.toList();
		}

		/** 32 projects owned by the dispatched secretaries, in various states, each graded by the programme. */
		private void projects(List<Secretary> owners) {
			String[] themes = { "“家门口”服务站", "楼组自治", "睦邻中心", "社区规划师", "党建服务站点", "居民议事会", "邻里互助", "社区基金" };
			for (Pairing.Project p : pairing.projects(district.id(), null, null, Paging.of(0, 500)).items()) {
				if (p.grade() == null) {
					pairing.assess(p.id(), ACTOR, Preconditions.tag(pairing.project(p.id())));
				}
			}
			for (int i = (int) pairing.projects(district.id(), null, null, Paging.of(0, 1)).total(); i < 32; i++) {
				Secretary owner = owners.get(i % owners.size());
				int milestones = 3 + random.nextInt(4);
				Pairing.Project p = pairing.createProject(new Pairing.ProjectInput(district.id(), owner.communityName() + themes[i % themes.length]
						+ "经验转化", owner.personId(), owner.communityId(), milestones), ACTOR);
				switch (i % 4) {
					case 0 -> pairing.progress(p.id(), new Pairing.ProgressInput(milestones, "COMPLETED", "形成可复制的工作法，居民满意度提升。"), ACTOR, Preconditions.tag(pairing.project(p.id())));
					case 1 -> pairing.progress(p.id(), new Pairing.ProgressInput(1 + random.nextInt(milestones - 1), "IN_PROGRESS", null), ACTOR, Preconditions.tag(pairing.project(p.id())));
					case 2 -> pairing.progress(p.id(), new Pairing.ProgressInput(0, "IN_PROGRESS", null), ACTOR, Preconditions.tag(pairing.project(p.id())));
					default -> {
						// still being planned
					}
				}
				pairing.assess(p.id(), ACTOR, Preconditions.tag(pairing.project(p.id())));
			}
		}

		private Street street(String code) {
			return streets.stream().filter(s -> s.code().equals(code)).findFirst()
					.orElseThrow(() -> new IllegalStateException("the demo street " + code + " is not there"));
		}

		private List<Secretary> pick(int n) {
			List<Secretary> copy = new ArrayList<>(secretaries);
			java.util.Collections.shuffle(copy, random);
			return copy.subList(0, Math.min(n, copy.size()));
		}

		private List<String> sample(int n) {
			return pick(n).stream().map(Secretary::personId).toList();
		}
	}
}
