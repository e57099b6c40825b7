package org.touyan.plugin.training.xiaozao;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.touyan.api.policy.Policy;
import org.touyan.api.training.Attendance;
import org.touyan.api.training.ReportField;
import org.touyan.api.training.TrainingBrand;

/**
 * 小灶课堂: a street's small-group training brand. One credit an hour attended, counted in half
 * hours, never more than the session lasted.
 */
@Component(service = TrainingBrand.class)
@Policy(id = "xiaozao-classroom", name = "小灶课堂", nameEn = "Xiaozao Classroom")
public class XiaozaoClassroom implements TrainingBrand {

	private static final List<String> FORMATS = List.of("专题讲座", "案例研讨", "现场教学");
	private static final BigDecimal HALF = new BigDecimal("0.5");

	@Override
	public List<String> courseFormats() {
		return FORMATS;
	}

	@Override
	public BigDecimal credit(Attendance a) {
		if (!FORMATS.contains(a.courseFormat())) {
			throw new IllegalArgumentException("小灶课堂没有“" + a.courseFormat() + "”这种授课形式");
		}
		if (a.attendedHours().signum() < 0 || a.attendedHours().compareTo(a.sessionHours()) > 0) {
			throw new IllegalArgumentException("参训时长应在 0 到 " + a.sessionHours().toPlainString() + " 小时之间");
		}
		// whole half hours only: a late arrival does not earn the half hour it missed
		return a.attendedHours().divide(HALF, 0, RoundingMode.FLOOR).multiply(HALF);
	}

	@Override
	public List<ReportField> reportFields() {
		return List.of(new ReportField("topic", "课程主题", "Topic", true),
				new ReportField("teacher", "授课人", "Teacher", true),
				new ReportField("participants", "参训人数", "Participants", true),
				new ReportField("feedback", "学员反馈", "Feedback", false));
	}
}
