package org.touyan.plugin.classification.district;

import java.math.BigDecimal;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.touyan.api.evaluation.Classification;
import org.touyan.api.evaluation.ClassificationInput;
import org.touyan.api.evaluation.ClassificationPolicy;
import org.touyan.api.evaluation.SecretaryType;
import org.touyan.api.evaluation.StarLevels;
import org.touyan.api.policy.Policy;

/**
 * The district's classification (分类管理) from the half-year's star rating and four-review grade:
 * 示范 with 5 stars and 优秀; 骨干 with at least 4 stars and 优秀 or 称职; 潜力 with at least 3 stars or
 * 优秀/称职; 守摊 otherwise.
 *
 * <p>Parameters: {@code model.stars} (5), {@code backbone.stars} (4), {@code potential.stars} (3).
 */
@Component(service = ClassificationPolicy.class)
@Policy(id = "district-classification", name = "区级分类管理办法", nameEn = "District classification")
public class DistrictClassification implements ClassificationPolicy {

	@Override
	public Classification classify(ClassificationInput input) {
		Map<String, String> p = input.parameters();
		int stars = input.stars() == null ? 0 : input.stars();
		boolean excellent = "优秀".equals(input.grade());
		boolean good = excellent || "称职".equals(input.grade());
		String results = (input.stars() == null ? "未评星" : stars + "星") + "，四评" + (input.grade() == null ? "未定等次" : "为" + input.grade());
		SecretaryType type;
		String why;
		if (stars >= level(p, "model.stars", 5) && excellent) {
			type = SecretaryType.MODEL;
			why = "星级与四评均为最高档";
		} else if (stars >= level(p, "backbone.stars", 4) && good) {
			type = SecretaryType.BACKBONE;
			why = "星级较高且四评称职以上";
		} else if (stars >= level(p, "potential.stars", 3) || good) {
			type = SecretaryType.POTENTIAL;
			why = "星级或四评达到基本要求，有提升空间";
		} else {
			type = SecretaryType.CARETAKER;
			why = "星级与四评均偏低";
		}
		return new Classification(type, results + "：" + why + "，归为" + type.displayName() + "型。");
	}

	private static int level(Map<String, String> p, String key, int otherwise) {
		return StarLevels.decimal(p, key, BigDecimal.valueOf(otherwise)).intValue();
	}
}
