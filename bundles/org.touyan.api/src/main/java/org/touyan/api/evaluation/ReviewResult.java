package org.touyan.api.evaluation;

import java.math.BigDecimal;
import java.util.List;

/**
 * A weighting's answer: the combined score, the grade (one of {@link #GRADES}) and an explanation
 * in words users read (Chinese): which reviews counted with which weights.
 */
public record ReviewResult(BigDecimal score, String grade, String explanation) {

	/** The assessment grades, best first: 优秀, 称职, 基本称职, 不称职. */
	public static final List<String> GRADES = List.of("优秀", "称职", "基本称职", "不称职");
}
