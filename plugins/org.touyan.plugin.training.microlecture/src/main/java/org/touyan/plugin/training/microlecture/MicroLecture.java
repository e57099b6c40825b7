package org.touyan.plugin.training.microlecture;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.touyan.api.policy.Policy;
import org.touyan.api.training.Attendance;
import org.touyan.api.training.ReportField;
import org.touyan.api.training.TrainingBrand;

/**
 * 书记微讲堂: secretaries give each other short lectures on their own work methods. A session is
 * short by design, so it earns the hours attended but never more than one credit.
 */
@Component(service = TrainingBrand.class)
@Policy(id = "micro-lecture", name = "书记微讲堂", nameEn = "Secretaries Micro Lecture")
public class MicroLecture implements TrainingBrand {

	private static final List<String> FORMATS = List.of("微讲堂", "互评");

	@Override
	public List<String> courseFormats() {
		return FORMATS;
	}

	@Override
	public BigDecimal credit(Attendance a) {
		if (!FORMATS.contains(a.courseFormat())) {
			throw new IllegalArgumentException("书记微讲堂没有“" + a.courseFormat() + "”这种授课形式");
		}
		if (a.attendedHours().signum() < 0 || a.attendedHours().compareTo(a.sessionHours()) > 0) {
			throw new IllegalArgumentException("参训时长应在 0 到 " + a.sessionHours().toPlainString() + " 小时之间");
		}
		return a.attendedHours().min(BigDecimal.ONE).setScale(1, RoundingMode.FLOOR);
	}

	@Override
	public List<ReportField> reportFields() {
		return List.of(new ReportField("speaker", "主讲书记", "Speaker", true),
				new ReportField("method", "工作法", "Work method", true));
	}
}
