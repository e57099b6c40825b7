package org.touyan.registry.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.touyan.api.registry.Community;
import org.touyan.api.registry.DepartmentInput;
import org.touyan.api.registry.District;
import org.touyan.api.registry.JointCommitteeInput;
import org.touyan.api.registry.OrgUnits;
import org.touyan.api.registry.People;
import org.touyan.api.registry.Person;
import org.touyan.api.registry.PersonInput;
import org.touyan.api.registry.Post;
import org.touyan.api.registry.PostInput;
import org.touyan.api.registry.PostKind;
import org.touyan.api.registry.ReferenceCategory;
import org.touyan.api.registry.ReferenceData;
import org.touyan.api.registry.ReferenceInput;
import org.touyan.api.registry.ReferenceKind;
import org.touyan.api.registry.Reserve;
import org.touyan.api.registry.ReserveEntry;
import org.touyan.api.registry.ReserveTier;
import org.touyan.api.registry.Street;
import org.touyan.api.registry.UnitInput;
import org.touyan.api.registry.WorkingGroupInput;
import org.touyan.api.registry.WorkingGroupMember;
import org.touyan.api.registry.WorkingGroupRole;
import org.touyan.api.rest.Paging;
import org.touyan.api.store.DemoDataset;

/**
 * The demo district's registry with the figures of the speech: 52 communities each with a
 * secretary and an assistant, 5 first secretaries, 105 reserve cadres, 4 joint committees, 11
 * scoring and 18 vetting departments, the duty list and the selection standard, and a working group
 * per street. People are generated from a fixed seed, so every demo start shows the same names.
 * Everything goes through the registry's services, so each person's archive is as real data's.
 */
@Component
public class DemoRegistry implements DemoDataset {

	static final String ID = "registry.people";
	static final long SEED = 20261127L;

	/** Community names by street code (the streets of {@link DemoDistrict}); 52 in all. */
	static final List<String[]> COMMUNITIES = List.of(
			new String[] { "DC", "东湖", "翠园", "花园", "和平", "建设", "友谊", "光明", "新村", "春晖" },
			new String[] { "XC", "西苑", "锦绣", "文化", "民主", "团结", "金桥", "银河", "丰收", "育才" },
			new String[] { "NH", "南湖", "湖滨", "碧水", "青山", "柳岸", "荷花", "滨江", "映月", "桂花" },
			new String[] { "BY", "北苑", "龙泉", "朝阳", "启明", "景苑", "兴盛", "安康", "如意", "长青" },
			new String[] { "XH", "新华", "华苑", "振兴", "繁荣", "富民", "康乐", "益民", "新星" },
			new String[] { "XF", "幸福", "福满", "和美", "悦居", "乐业", "怡景", "祥和", "宜居" });

	/** Department code, name, whether it scores star ratings, whether it vets: 11 score, 18 vet. */
	static final List<Object[]> DEPARTMENTS = List.of(
			new Object[] { "JWJW", "区纪委监委", true, true },
			new Object[] { "ZFW", "区委政法委", true, true },
			new Object[] { "TZB", "区委统战部", false, true },
			new Object[] { "XCB", "区委宣传部", true, false },
			new Object[] { "MZJ", "区民政局", true, true },
			new Object[] { "GAFJ", "区公安分局", true, true },
			new Object[] { "FY", "区人民法院", false, true },
			new Object[] { "JCY", "区人民检察院", false, true },
			new Object[] { "SFJ", "区司法局", true, true },
			new Object[] { "SJJ", "区审计局", false, true },
			new Object[] { "XFJ", "区信访局", true, true },
			new Object[] { "RSJ", "区人力资源和社会保障局", false, true },
			new Object[] { "WJW", "区卫生健康委员会", true, true },
			new Object[] { "YJJ", "区应急管理局", true, true },
			new Object[] { "SCJG", "区市场监督管理局", false, true },
			new Object[] { "SWJ", "区税务局", false, true },
			new Object[] { "ZRZY", "区自然资源局", false, true },
			new Object[] { "ZJJ", "区住房和城乡建设局", true, true },
			new Object[] { "CGJ", "区城市管理局", true, true });

	/** The 7 categories and 37 items of the secretary's duty list (7类37项职责清单). */
	static final List<ReferenceCategory> DUTIES = List.of(
			new ReferenceCategory("党的建设", List.of("落实全面从严治党主体责任", "严格执行“三会一课”等组织生活制度",
					"做好党员发展、教育、管理和服务", "推进社区党组织标准化规范化建设", "抓好网格党支部和楼栋党小组建设",
					"组织在职党员到社区报到服务", "落实意识形态工作责任制")),
			new ReferenceCategory("社区治理", List.of("组织居民议事协商", "指导居委会依法自治", "推动物业服务企业、业主委员会规范运行",
					"统筹辖区单位共驻共建", "推进网格化精细化管理", "完善居民公约并督促落实")),
			new ReferenceCategory("为民服务", List.of("办好党群服务中心", "落实首问负责和全程代办", "开展“我为群众办实事”实践活动",
					"做好老年人、残疾人、困难群众关爱服务", "组织志愿服务", "回应和办理居民诉求")),
			new ReferenceCategory("平安建设", List.of("排查化解矛盾纠纷", "做好安全生产和消防隐患排查", "配合开展扫黑除恶常态化工作",
					"做好防汛、疫情等应急处置", "加强重点人群服务管理")),
			new ReferenceCategory("民生保障", List.of("落实社会救助和低保政策", "推动就业创业服务", "做好医疗保障和健康服务宣传",
					"配合开展养老托育服务", "做好退役军人服务保障")),
			new ReferenceCategory("文明创建", List.of("培育和践行社会主义核心价值观", "开展文明城市、文明家庭创建", "组织群众性文化体育活动",
					"维护社区环境卫生和公共秩序")),
			new ReferenceCategory("队伍建设", List.of("带好“两委”班子和社区工作者队伍", "培养书记助理和后备力量",
					"严格执行廉洁自律规定", "按要求述职述廉并接受评议")));

	/** 三好三强: the selection standard. */
	static final List<ReferenceCategory> STANDARD = List.of(
			new ReferenceCategory("三好", List.of("政治素质好", "道德品行好", "纪律作风好")),
			new ReferenceCategory("三强", List.of("业务能力强", "协调能力强", "服务能力强")));

	private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万严武戴孔汤";
	private static final String MALE = "建国志强伟明军磊涛斌鹏辉杰勇刚毅文博浩宇俊峰海波亮超晨阳健林永华德成立新";
	private static final String FEMALE = "秀英丽娟敏静艳芳玲霞燕红梅雪婷慧琳洁颖晶萍瑶怡倩欣悦雯岚蓉佳璐";
	private static final String AREA = "320106";
	private static final String ACTOR = "demo";

	private final OrgUnits units;
	private final People people;
	private final Reserve reserve;
	private final ReferenceData reference;
	private final AssistantRecruitment recruitment;
	private final FirstSecretaryMissions missions;

	@Activate
	public DemoRegistry(@Reference OrgUnits units, @Reference People people, @Reference Reserve reserve,
			@Reference ReferenceData reference, @Reference AssistantRecruitment recruitment, @Reference FirstSecretaryMissions missions) {
		this.units = units;
		this.people = people;
		this.reserve = reserve;
		this.reference = reference;
		this.recruitment = recruitment;
		this.missions = missions;
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public Set<String> requires() {
		return Set.of(DemoDistrict.ID);
	}

	@Override
	public void load() {
		District demo = units.districts(Paging.of(0, 500)).items().stream().filter(d -> d.code().equals(DemoDistrict.CODE))
				.findFirst().orElse(null);
		if (demo == null || units.communities(demo.id(), null, Paging.of(0, 1)).total() > 0) {
			return;
		}
		new Generator(demo).run();
	}

	/** One run over a fresh random sequence from the seed. */
	private final class Generator {

		private final District district;
		private final Random random = new Random(SEED);
		private final Set<String> idNumbers = new HashSet<>();
		private final Set<String> names = new HashSet<>();

		Generator(District district) {
			this.district = district;
		}

		void run() {
			for (Object[] d : DEPARTMENTS) {
				units.createDepartment(new DepartmentInput(district.id(), (String) d[0], (String) d[1], null, (Boolean) d[2], (Boolean) d[3]));
			}
			reference.addVersion(district.id(), ReferenceKind.DUTY_LIST, new ReferenceInput(LocalDate.of(2021, 1, 1), DUTIES), ACTOR);
			reference.addVersion(district.id(), ReferenceKind.SELECTION_STANDARD, new ReferenceInput(LocalDate.of(2021, 1, 1), STANDARD), ACTOR);

			List<Street> streets = units.streets(district.id(), Paging.of(0, 50)).items();
			List<List<Community>> byStreet = new ArrayList<>();
			for (String[] row : COMMUNITIES) {
				Street street = street(streets, row[0]);
				List<Community> communities = new ArrayList<>();
				for (int i = 1; i < row.length; i++) {
					communities.add(units.createCommunity(new UnitInput(street.id(), row[0] + String.format("%02d", i), row[i] + "社区", null)));
				}
				byStreet.add(communities);
				workingGroup(street);
			}
			int[] jointSizes = { 4, 3, 4, 3 };
			for (int j = 0; j < jointSizes.length; j++) {
				List<String> members = byStreet.get(j).subList(0, jointSizes[j]).stream().map(Community::id).toList();
				units.createJointCommittee(new JointCommitteeInput(district.id(), "PQ" + (j + 1),
						"第" + "一二三四".charAt(j) + "片区联合党委", null, members));
			}
			for (int s = 0; s < byStreet.size(); s++) {
				for (Community k : byStreet.get(s)) {
					Person secretary = person(1968, 1990, LocalDate.of(2019, 6, 1));
					people.addPost(secretary.id(), new PostInput(PostKind.COMMUNITY_SECRETARY, k.id(), date(2021, 2024), null, null), ACTOR);
					Person assistant = person(1996, 2003, null);
					LocalDate recruited = date(2023, 2025);
					people.addPost(assistant.id(), new PostInput(PostKind.SECRETARY_ASSISTANT, k.id(), recruited, null, null), ACTOR);
					// the yearly batch: new graduates, and social workers of the communities
					recruitment.record(assistant.id(), new AssistantRecruitment.RecruitmentInput(recruited.getYear(),
							byStreet.get(s).indexOf(k) % 3 == 2 ? "SOCIAL_WORKER" : "GRADUATE"), ACTOR);
				}
			}
			// first secretaries: street cadres dispatched to five communities of weaker service
			for (int f = 0; f < 5; f++) {
				Street street = street(streets, COMMUNITIES.get(f)[0]);
				Person cadre = person(1982, 1992, LocalDate.of(2014, 7, 1));
				people.addPost(cadre.id(), new PostInput(PostKind.STREET_CADRE, street.id(), LocalDate.of(2016, 9, 1), null, null), ACTOR);
				Community k = byStreet.get(f).get(byStreet.get(f).size() - 1);
				Post sent = people.addPost(cadre.id(), new PostInput(PostKind.FIRST_SECRETARY, k.id(), LocalDate.of(2025, 3, 1), null, null),
						ACTOR);
				// a two-year term, for the speech's reason
				missions.record(sent.id(), new FirstSecretaryMissions.MissionInput(null, LocalDate.of(2027, 2, 28)), ACTOR);
			}
			// 105 reserve cadres: 60 post-1995 community workers for the committee, 45 committee members for secretary
			for (int r = 0; r < 105; r++) {
				int s = r % byStreet.size();
				Street street = street(streets, COMMUNITIES.get(s)[0]);
				if (r < 60) {
					Person p = person(1995, 2001, null);
					reserve.enter(p.id(), new ReserveEntry(ReserveTier.COMMITTEE_RESERVE, street.id(), date(2023, 2025), "“95后”优秀社区工作者"), ACTOR);
				} else {
					Person p = person(1985, 1995, LocalDate.of(2018, 7, 1));
					Community k = byStreet.get(s).get(r % byStreet.get(s).size());
					people.addPost(p.id(), new PostInput(PostKind.COMMITTEE_MEMBER, k.id(), LocalDate.of(2021, 1, 15), null, null), ACTOR);
					reserve.enter(p.id(), new ReserveEntry(ReserveTier.SECRETARY_RESERVE, street.id(), date(2023, 2025), "优秀“两委”成员"), ACTOR);
				}
			}
		}

		private static Street street(List<Street> streets, String code) {
			return streets.stream().filter(s -> s.code().equals(code)).findFirst().orElseThrow();
		}

		private void workingGroup(Street street) {
			List<WorkingGroupMember> members = new ArrayList<>();
			for (WorkingGroupRole role : WorkingGroupRole.values()) {
				Person official = person(1968, 1985, LocalDate.of(2012, 7, 1));
				people.addPost(official.id(), new PostInput(PostKind.STREET_CADRE, street.id(), LocalDate.of(2015, 3, 1), null, null), ACTOR);
				members.add(new WorkingGroupMember(role, official.id()));
			}
			reference.createWorkingGroup(street.id(), new WorkingGroupInput("2026", members), ACTOR);
		}

		/** A person born between the years given, with a valid ID number and a name not used before. */
		private Person person(int fromYear, int toYear, LocalDate partyBy) {
			boolean male = random.nextBoolean();
			LocalDate birth = LocalDate.of(fromYear, 1, 1).plusDays(random.nextInt(365 * (toYear - fromYear + 1)));
			String name;
			do {
				String given = male ? MALE : FEMALE;
				name = "" + SURNAMES.charAt(random.nextInt(SURNAMES.length())) + given.charAt(random.nextInt(given.length()))
						+ (random.nextInt(3) == 0 ? "" : "" + given.charAt(random.nextInt(given.length())));
			} while (!names.add(name));
			String idNumber;
			do {
				int seq = random.nextInt(500) * 2 + (male ? 1 : 0);
				String first17 = AREA + birth.toString().replace("-", "") + String.format("%03d", seq);
				idNumber = first17 + IdNumber.checkCharacter(first17);
			} while (!idNumbers.add(idNumber));
			LocalDate joined = null;
			if (partyBy != null) {
				LocalDate earliest = birth.plusYears(20);
				joined = earliest.isBefore(partyBy) ? earliest.plusDays(random.nextInt((int) (partyBy.toEpochDay() - earliest.toEpochDay()) + 1)) : null;
			}
			String phone = "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
			String education = switch (random.nextInt(4)) {
				case 0 -> "大学专科";
				case 1, 2 -> "大学本科";
				default -> "硕士研究生";
			};
			return people.createPerson(new PersonInput(district.id(), name, null, null, idNumber, phone, education, joined), ACTOR);
		}

		private LocalDate date(int fromYear, int toYear) {
			return LocalDate.of(fromYear, 1, 1).plusDays(random.nextInt(365 * (toYear - fromYear + 1)));
		}
	}
}
