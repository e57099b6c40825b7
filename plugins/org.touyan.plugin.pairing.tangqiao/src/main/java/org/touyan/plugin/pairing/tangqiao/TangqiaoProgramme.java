package org.touyan.plugin.pairing.tangqiao;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.touyan.api.exchange.PairingProgramme;
import org.touyan.api.policy.Policy;
import org.touyan.api.training.ReportField;

/**
 * The pairing agreement (结对共建协议) with 上海市浦东新区塘桥街道: four cooperation contents,
 * who may be dispatched for benchmark shadowing there, what a dispatch reports, and how an
 * experience-transfer project (经验转化项目) is graded.
 */
@Component(service = PairingProgramme.class)
@Policy(id = "tangqiao", name = "塘桥街道结对共建", nameEn = "Tangqiao pairing programme")
public class TangqiaoProgramme implements PairingProgramme {

	/** Dispatches go to serving secretaries young enough for a month away and a year in post. */
	static final int MAX_AGE = 55;
	static final int MIN_YEARS = 1;

	@Override
	public Partner partner() {
		return new Partner("上海市浦东新区塘桥街道", "Tangqiao Subdistrict, Pudong New Area", "上海市");
	}

	@Override
	public List<CooperationContent> contents() {
		return List.of(new CooperationContent("secondment", "挂职交流", "Secondment"),
				new CooperationContent("two-way-training", "双向培训", "Two-way training"),
				new CooperationContent("joint-study", "互动研修", "Joint study"),
				new CooperationContent("resource-sharing", "资源联享", "Resource sharing"));
	}

	@Override
	public DispatchVerdict dispatchable(DispatchCandidate c) {
		List<String> reasons = new ArrayList<>();
		if (c.age() > MAX_AGE) {
			reasons.add("年龄超过 " + MAX_AGE + " 岁");
		}
		if (c.yearsAsSecretary() < MIN_YEARS) {
			reasons.add("任社区党组织书记不满 " + MIN_YEARS + " 年");
		}
		return new DispatchVerdict(reasons.isEmpty(), reasons);
	}

	@Override
	public List<ReportField> dispatchReportFields() {
		return List.of(new ReportField("learned", "学习收获", "What was learned", true),
				new ReportField("practices", "可借鉴做法", "Practices to adopt", true),
				new ReportField("plan", "转化计划", "Transfer plan", true));
	}

	@Override
	public ProjectAssessment assess(TransferProject p) {
		if (p.milestones() <= 0) {
			return new ProjectAssessment("未启动", "项目尚未设定节点。");
		}
		double done = (double) p.milestonesDone() / p.milestones();
		if (done >= 1 && p.outcomeRecorded()) {
			return new ProjectAssessment("优秀", "全部 " + p.milestones() + " 个节点完成并已记录成效。");
		}
		if (done >= 0.6) {
			return new ProjectAssessment("良好", "已完成 " + p.milestonesDone() + "/" + p.milestones() + " 个节点。");
		}
		if (done > 0) {
			return new ProjectAssessment("推进中", "已完成 " + p.milestonesDone() + "/" + p.milestones() + " 个节点。");
		}
		return new ProjectAssessment("滞后", "尚无节点完成。");
	}
}
