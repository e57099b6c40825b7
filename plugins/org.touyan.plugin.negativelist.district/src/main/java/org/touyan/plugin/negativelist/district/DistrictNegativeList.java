package org.touyan.plugin.negativelist.district;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Component;
import org.touyan.api.evaluation.NegativeConsequence;
import org.touyan.api.evaluation.NegativeItem;
import org.touyan.api.evaluation.NegativeListCatalogue;
import org.touyan.api.evaluation.NegativeListInput;
import org.touyan.api.evaluation.NegativeSeverity;
import org.touyan.api.evaluation.NegativeVerdict;
import org.touyan.api.evaluation.StarLevels;
import org.touyan.api.policy.Policy;

/**
 * The district's negative list of 15 situations (履职负面清单). The speech names six of them: 作风不实,
 * 工作干劲不足 and 履职评估结果较差 call for criticism and rectification; 岗位目标任务完成差, 以权谋私 and
 * 群众反映强烈 for adjustment. The other nine are the district's own reading of the secretary's duty
 * list (organisational life, residents' requests, disputes, the eight-point rules…).
 *
 * <p>Verdict: an incident with a serious situation leads to adjustment and exit; a lighter one to
 * rectification within {@code rectification.days} (30), unless the secretary has had
 * {@code repeat.limit} (2) incidents in the year before, which makes it adjustment too (屡教不改).
 */
@Component(service = NegativeListCatalogue.class)
@Policy(id = "district-negative-list-15", name = "区级履职负面清单", nameEn = "District negative list")
public class DistrictNegativeList implements NegativeListCatalogue {

	private static final NegativeSeverity LIGHTER = NegativeSeverity.LIGHTER;
	private static final NegativeSeverity SERIOUS = NegativeSeverity.SERIOUS;

	static final List<NegativeItem> ITEMS = List.of(
			new NegativeItem("N01", "作风不实", "Superficial work style", LIGHTER),
			new NegativeItem("N02", "工作干劲不足", "Lack of drive", LIGHTER),
			new NegativeItem("N03", "履职评估结果较差", "Poor performance assessment", LIGHTER),
			new NegativeItem("N04", "不按要求落实“三会一课”等组织生活制度", "Party organisational life not held as required", LIGHTER),
			new NegativeItem("N05", "居民诉求回应办理不及时", "Residents' requests not handled in time", LIGHTER),
			new NegativeItem("N06", "无故缺席区、街道组织的培训和会议", "Absent from trainings and meetings without reason", LIGHTER),
			new NegativeItem("N07", "矛盾纠纷排查化解不力", "Disputes not identified or resolved", LIGHTER),
			new NegativeItem("N08", "社区工作台账管理混乱", "Work records kept in disorder", LIGHTER),
			new NegativeItem("N09", "不服从街道工委工作安排", "Disregarding the street committee's arrangements", LIGHTER),
			new NegativeItem("N10", "岗位目标任务完成差", "Post targets badly missed", SERIOUS),
			new NegativeItem("N11", "以权谋私", "Abuse of power for personal gain", SERIOUS),
			new NegativeItem("N12", "群众反映强烈", "Strong public complaints", SERIOUS),
			new NegativeItem("N13", "违反中央八项规定精神", "Breach of the eight-point rules", SERIOUS),
			new NegativeItem("N14", "弄虚作假、虚报工作成效", "Falsified work results", SERIOUS),
			new NegativeItem("N15", "对辖区重大安全事故或群体性事件负有责任", "Responsible for a major accident or mass incident", SERIOUS));

	@Override
	public List<NegativeItem> items() {
		return ITEMS;
	}

	@Override
	public NegativeVerdict judge(NegativeListInput input) {
		String named = input.items().stream().map(i -> "“" + i.name() + "”（" + i.severity().displayName() + "）")
				.collect(Collectors.joining("、"));
		int repeatLimit = StarLevels.decimal(input.parameters(), "repeat.limit", BigDecimal.valueOf(2)).intValue();
		int days = StarLevels.decimal(input.parameters(), "rectification.days", BigDecimal.valueOf(30)).intValue();
		if (input.items().stream().anyMatch(i -> i.severity() == SERIOUS)) {
			return new NegativeVerdict(NegativeConsequence.ADJUSTMENT, 0, "涉及" + named + "，属严重情形：及时调整并严肃处理。");
		}
		if (input.earlierIncidents() >= repeatLimit) {
			return new NegativeVerdict(NegativeConsequence.ADJUSTMENT, 0, "涉及" + named + "，一年内已有" + input.earlierIncidents()
					+ "次负面情形，屡教不改：予以调整。");
		}
		return new NegativeVerdict(NegativeConsequence.RECTIFICATION, days, "涉及" + named + "，属较轻情形：批评教育，" + days + "日内整改。");
	}
}
