package cn.example.street.star.welfare;

import java.math.BigDecimal;

import org.osgi.service.component.annotations.Component;
import org.touyan.api.evaluation.StarLevels;
import org.touyan.api.evaluation.StarRating;
import org.touyan.api.evaluation.StarRatingFormula;
import org.touyan.api.evaluation.StarRatingInput;
import org.touyan.api.policy.Policy;

/** The district formula, one star less for a community whose 民生福祉 score is below 70. */
@Component(service = StarRatingFormula.class)
@Policy(id = "welfare-floor", name = "民生底线星级评定办法", nameEn = "Star formula with a welfare floor")
public class WelfareFloorFormula implements StarRatingFormula {

	@Override
	public StarRating rate(StarRatingInput input) {
		BigDecimal score = StarLevels.weightedMean(input.scores(), input.parameters());
		int stars = StarLevels.stars(score, input.parameters());
		BigDecimal welfare = input.scores().get("MZJ");
		if (welfare != null && welfare.compareTo(BigDecimal.valueOf(70)) < 0 && stars > 1) {
			return new StarRating(score, stars - 1, "民生福祉低于 70 分，降一星为" + (stars - 1) + "星。");
		}
		return new StarRating(score, stars, "加权平均 " + score + " 分，评为" + stars + "星。");
	}
}
