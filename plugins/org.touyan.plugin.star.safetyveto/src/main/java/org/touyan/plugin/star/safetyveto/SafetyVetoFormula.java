package org.touyan.plugin.star.safetyveto;

import java.math.BigDecimal;

import org.osgi.service.component.annotations.Component;
import org.touyan.api.evaluation.StarLevels;
import org.touyan.api.evaluation.StarRating;
import org.touyan.api.evaluation.StarRatingFormula;
import org.touyan.api.evaluation.StarRatingInput;
import org.touyan.api.policy.Policy;

/**
 * A street's variant of the district formula with a veto on safety (平安建设一票否决): however high
 * the other scores, a community whose safety score is below the line gets at most a set number of
 * stars. Parameters as {@link StarLevels}, plus {@code veto.department} (default {@code ZFW}
 * 政法委, who scores 平安建设), {@code veto.below} (default 60) and {@code veto.maxStars} (default 2).
 */
@Component(service = StarRatingFormula.class)
@Policy(id = "safety-veto", name = "平安一票否决星级评定办法", nameEn = "Star formula with a safety veto")
public class SafetyVetoFormula implements StarRatingFormula {

	@Override
	public StarRating rate(StarRatingInput input) {
		BigDecimal score = StarLevels.weightedMean(input.scores(), input.parameters());
		int stars = StarLevels.stars(score, input.parameters());
		String department = input.parameters().getOrDefault("veto.department", "ZFW");
		BigDecimal line = StarLevels.decimal(input.parameters(), "veto.below", BigDecimal.valueOf(60));
		int cap = StarLevels.decimal(input.parameters(), "veto.maxStars", BigDecimal.valueOf(2)).intValue();
		BigDecimal safety = input.scores().get(department);
		if (safety != null && safety.compareTo(line) < 0 && stars > cap) {
			return new StarRating(score, cap, "加权平均 " + score.toPlainString() + " 分，本应评为" + stars + "星；但平安建设（"
					+ department + "）得分 " + safety.stripTrailingZeros().toPlainString() + " 低于 " + line.toPlainString()
					+ " 分，一票否决，最高评为" + cap + "星。");
		}
		return new StarRating(score, stars, "加权平均 " + score.toPlainString() + " 分，评为" + stars + "星；平安建设未触发否决。");
	}
}
