package org.touyan.plugin.training.theatre;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.touyan.api.policy.Policy;
import org.touyan.api.training.Attendance;
import org.touyan.api.training.ReportField;
import org.touyan.api.training.TrainingBrand;

/**
 * 治理小剧场: a street's training brand where secretaries act out governance cases (情景剧) and
 * discuss them. Playing a scene through earns one and a half credits an hour; a discussion one an
 * hour; an attendance shorter than half the session earns nothing, because the scene was missed.
 */
@Component(service = TrainingBrand.class)
@Policy(id = "governance-theatre", name = "治理小剧场", nameEn = "Governance Theatre")
public class GovernanceTheatre implements TrainingBrand {

	private static final List<String> FORMATS = List.of("情景剧", "复盘研讨");
	private static final BigDecimal SCENE = new BigDecimal("1.5");

	@Override
	public List<String> courseFormats() {
		return FORMATS;
	}

	@Override
	public BigDecimal credit(Attendance a) {
		if (!FORMATS.contains(a.courseFormat())) {
			throw new IllegalArgumentException("治理小剧场没有“" + a.courseFormat() + "”这种授课形式");
		}
		if (a.attendedHours().signum() < 0 || a.attendedHours().compareTo(a.sessionHours()) > 0) {
			throw new IllegalArgumentException("参训时长应在 0 到 " + a.sessionHours().toPlainString() + " 小时之间");
		}
		if (a.attendedHours().multiply(BigDecimal.valueOf(2)).compareTo(a.sessionHours()) < 0) {
			return BigDecimal.ZERO;
		}
		BigDecimal rate = a.courseFormat().equals("情景剧") ? SCENE : BigDecimal.ONE;
		return a.attendedHours().multiply(rate).setScale(1, RoundingMode.FLOOR);
	}

	@Override
	public List<ReportField> reportFields() {
		return List.of(new ReportField("case", "演绎案例", "Case played", true),
				new ReportField("roles", "角色分工", "Roles", true),
				new ReportField("lessons", "复盘要点", "Lessons", false));
	}
}
