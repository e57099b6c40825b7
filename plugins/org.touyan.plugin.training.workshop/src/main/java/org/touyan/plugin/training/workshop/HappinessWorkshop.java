package org.touyan.plugin.training.workshop;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.touyan.api.policy.Policy;
import org.touyan.api.training.Attendance;
import org.touyan.api.training.ReportField;
import org.touyan.api.training.TrainingBrand;

/**
 * 幸福工作坊: hands-on workshops and field visits where a case is worked through to the end.
 * Credit is the hours attended in half hours; staying the whole session earns half a credit more,
 * because the workshop's result comes at its end.
 */
@Component(service = TrainingBrand.class)
@Policy(id = "happiness-workshop", name = "幸福工作坊", nameEn = "Happiness Workshop")
public class HappinessWorkshop implements TrainingBrand {

	private static final List<String> FORMATS = List.of("工作坊", "实地走访");
	private static final BigDecimal HALF = new BigDecimal("0.5");

	@Override
	public List<String> courseFormats() {
		return FORMATS;
	}

	@Override
	public BigDecimal credit(Attendance a) {
		if (!FORMATS.contains(a.courseFormat())) {
			throw new IllegalArgumentException("幸福工作坊没有“" + a.courseFormat() + "”这种授课形式");
		}
		if (a.attendedHours().signum() < 0 || a.attendedHours().compareTo(a.sessionHours()) > 0) {
			throw new IllegalArgumentException("参训时长应在 0 到 " + a.sessionHours().toPlainString() + " 小时之间");
		}
		BigDecimal credit = a.attendedHours().divide(HALF, 0, RoundingMode.FLOOR).multiply(HALF);
		return a.attendedHours().compareTo(a.sessionHours()) == 0 ? credit.add(HALF) : credit;
	}

	@Override
	public List<ReportField> reportFields() {
		return List.of(new ReportField("case", "工作坊案例", "Case", true),
				new ReportField("result", "形成成果", "Result", true),
				new ReportField("photos", "活动照片", "Photos", false));
	}
}
