package org.touyan.plugin.star.district;

import java.math.BigDecimal;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.touyan.api.evaluation.StarLevels;
import org.touyan.api.evaluation.StarRating;
import org.touyan.api.evaluation.StarRatingFormula;
import org.touyan.api.evaluation.StarRatingInput;
import org.touyan.api.policy.Policy;

/**
 * The district guidance (区级评定意见) as a formula: the weighted mean of the scoring departments'
 * scores, cut into five star levels. Parameters: see {@link StarLevels}.
 */
@Component(service = StarRatingFormula.class)
@Policy(id = "district-default", name = "区级默认星级评定办法", nameEn = "District default star formula")
public class DistrictDefaultFormula implements StarRatingFormula {

	@Override
	public StarRating rate(StarRatingInput input) {
		BigDecimal score = StarLevels.weightedMean(input.scores(), input.parameters());
		int stars = StarLevels.stars(score, input.parameters());
		String lowest = input.scores().entrySet().stream().min(Map.Entry.comparingByValue())
				.map(e -> "，最低为 " + e.getKey() + " " + e.getValue().stripTrailingZeros().toPlainString() + " 分").orElse("");
		return new StarRating(score, stars, input.scores().size() + " 个部门加权平均 " + score.toPlainString() + " 分，评为"
				+ stars + "星" + lowest + "。");
	}
}
