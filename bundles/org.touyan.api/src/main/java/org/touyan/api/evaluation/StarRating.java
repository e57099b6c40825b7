package org.touyan.api.evaluation;

import java.math.BigDecimal;

/**
 * A formula's answer: the total score, the star level (1–5) and an explanation in words users
 * read (Chinese), e.g. which departments weighed most or which veto applied.
 */
public record StarRating(BigDecimal score, int stars, String explanation) {
}
