package org.touyan.api.exchange;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;
import org.touyan.api.training.ReportField;

/**
 * A cross-city pairing programme: who the partner is, what the cooperation covers, who may be
 * dispatched, what a dispatch must report, and how experience-transfer projects (经验转化项目)
 * are assessed.
 */
@ConsumerType
public interface PairingProgramme {

	/** The partner, e.g. 上海市浦东新区塘桥街道. */
	Partner partner();

	/** The cooperation contents, e.g. 挂职交流, 双向培训, 互动研修, 资源联享. */
	List<CooperationContent> contents();

	/** Whether a candidate may be dispatched, and why not when not. */
	DispatchVerdict dispatchable(DispatchCandidate candidate);

	/** Fields a dispatch report must carry. */
	List<ReportField> dispatchReportFields();

	/** Assessment of an experience-transfer project from its milestones. */
	ProjectAssessment assess(TransferProject project);

	/** The partner organisation. */
	record Partner(String name, String nameEn, String city) {
	}

	/** One cooperation content, with a code stable across versions. */
	record CooperationContent(String code, String name, String nameEn) {
	}

	/** What the programme knows of a candidate for dispatch. */
	record DispatchCandidate(String personId, int age, int yearsAsSecretary, String secretaryType) {
	}

	/** A dispatch verdict: {@code reasons} says why not when {@code allowed} is false. */
	record DispatchVerdict(boolean allowed, List<String> reasons) {
	}

	/** An experience-transfer project as the programme sees it. */
	record TransferProject(String id, String title, int milestones, int milestonesDone, boolean outcomeRecorded) {
	}

	/** The programme's assessment: a grade and the words behind it. */
	record ProjectAssessment(String grade, String explanation) {
	}
}
