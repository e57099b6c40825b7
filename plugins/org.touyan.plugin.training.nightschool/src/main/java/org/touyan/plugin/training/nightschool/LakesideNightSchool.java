package org.touyan.plugin.training.nightschool;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.touyan.api.policy.Policy;
import org.touyan.api.training.Attendance;
import org.touyan.api.training.ReportField;
import org.touyan.api.training.TrainingBrand;

/**
 * 湖畔夜校: a street's evening school for secretaries after the working day. Credit is one an hour
 * attended, counted in whole hours: an evening class is planned in hours, and a part hour is not
 * a class attended.
 */
@Component(service = TrainingBrand.class)
@Policy(id = "lakeside-night-school", name = "湖畔夜校", nameEn = "Lakeside Night School")
public class LakesideNightSchool implements TrainingBrand {

	private static final List<String> FORMATS = List.of("夜校讲座", "小组讨论");

	@Override
	public List<String> courseFormats() {
		return FORMATS;
	}

	@Override
	public BigDecimal credit(Attendance a) {
		if (!FORMATS.contains(a.courseFormat())) {
			throw new IllegalArgumentException("湖畔夜校没有“" + a.courseFormat() + "”这种授课形式");
		}
		if (a.attendedHours().signum() < 0 || a.attendedHours().compareTo(a.sessionHours()) > 0) {
			throw new IllegalArgumentException("参训时长应在 0 到 " + a.sessionHours().toPlainString() + " 小时之间");
		}
		return a.attendedHours().setScale(0, RoundingMode.FLOOR);
	}

	@Override
	public List<ReportField> reportFields() {
		return List.of(new ReportField("topic", "夜校主题", "Topic", true),
				new ReportField("questions", "学员提问", "Questions raised", false));
	}
}
