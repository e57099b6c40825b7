package org.touyan.plugin.review.district;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.touyan.api.evaluation.ReviewInput;
import org.touyan.api.evaluation.ReviewResult;
import org.touyan.api.evaluation.ReviewWeighting;
import org.touyan.api.evaluation.StarLevels;
import org.touyan.api.policy.Policy;

/**
 * The district's four-review weighting (四评): self-review 10%, residents' review 30%, street
 * re-review 30%, Organization Department final review 30%. A review not given (or a residents'
 * review below the minimum of ballots) has its weight shared out among the others in proportion.
 * Grades: 优秀 from 90, 称职 from 75, 基本称职 from 60, else 不称职.
 *
 * <p>Parameters: {@code weight.self}, {@code weight.residents}, {@code weight.street},
 * {@code weight.organization}; {@code grade.excellent}, {@code grade.competent},
 * {@code grade.basic} (the lowest score of 优秀, 称职, 基本称职).
 */
@Component(service = ReviewWeighting.class)
@Policy(id = "district-four-reviews", name = "区级四评权重", nameEn = "District four-review weighting")
public class DistrictReviewWeighting implements ReviewWeighting {

	@Override
	public ReviewResult combine(ReviewInput input) {
		Map<String, String> p = input.parameters();
		Map<String, BigDecimal[]> parts = new LinkedHashMap<>();
		put(parts, "自评", input.self(), StarLevels.decimal(p, "weight.self", new BigDecimal("0.1")));
		put(parts, "群众评议", input.residents(), StarLevels.decimal(p, "weight.residents", new BigDecimal("0.3")));
		put(parts, "街道复评", input.street(), StarLevels.decimal(p, "weight.street", new BigDecimal("0.3")));
		put(parts, "组织部终评", input.organization(), StarLevels.decimal(p, "weight.organization", new BigDecimal("0.3")));
		BigDecimal weights = BigDecimal.ZERO;
		BigDecimal sum = BigDecimal.ZERO;
		List<String> used = new ArrayList<>();
		for (Map.Entry<String, BigDecimal[]> e : parts.entrySet()) {
			sum = sum.add(e.getValue()[0].multiply(e.getValue()[1]));
			weights = weights.add(e.getValue()[1]);
			used.add(e.getKey() + " " + e.getValue()[0].stripTrailingZeros().toPlainString());
		}
		BigDecimal score = weights.signum() == 0 ? BigDecimal.ZERO.setScale(2) : sum.divide(weights, 2, RoundingMode.HALF_UP);
		String grade = grade(score, p);
		String missing = input.residents() == null ? "；群众评议票数 " + input.ballots() + " 张，不足最低票数，未计入" : "";
		return new ReviewResult(score, grade, String.join("，", used) + " 加权得 " + score.toPlainString() + " 分，评为" + grade + missing + "。");
	}

	private static void put(Map<String, BigDecimal[]> parts, String name, BigDecimal score, BigDecimal weight) {
		if (score != null && weight.signum() > 0) {
			parts.put(name, new BigDecimal[] { score, weight });
		}
	}

	private static String grade(BigDecimal score, Map<String, String> p) {
		if (score.compareTo(StarLevels.decimal(p, "grade.excellent", BigDecimal.valueOf(90))) >= 0) {
			return ReviewResult.GRADES.get(0);
		}
		if (score.compareTo(StarLevels.decimal(p, "grade.competent", BigDecimal.valueOf(75))) >= 0) {
			return ReviewResult.GRADES.get(1);
		}
		if (score.compareTo(StarLevels.decimal(p, "grade.basic", BigDecimal.valueOf(60))) >= 0) {
			return ReviewResult.GRADES.get(2);
		}
		return ReviewResult.GRADES.get(3);
	}
}
