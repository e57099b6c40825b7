package org.touyan.evaluation.internal.flow;

import org.touyan.evaluation.internal.cycle.Cycle;
import org.touyan.evaluation.internal.cycle.Cycles;
import org.touyan.evaluation.internal.manage.Classifications;
import org.touyan.evaluation.internal.review.Reviews;

import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Closing a cycle's scoring, in the order each step needs the one before: the cycle freezes and
 * every scored community is rated (评), every reviewed secretary is assessed (the four reviews),
 * then every rated community's secretary is classified (管), which reads both. A step that cannot
 * run at all (nothing bound) leaves the cycle closed; the explicit re-rating, re-assessment or
 * re-classification does it once the cause is fixed.
 */
@Component(service = ScoringClose.class)
public class ScoringClose {

	private final Cycles cycles;
	private final Reviews reviews;
	private final Classifications classifications;

	@Activate
	public ScoringClose(@Reference Cycles cycles, @Reference Reviews reviews, @Reference Classifications classifications) {
		this.cycles = cycles;
		this.reviews = reviews;
		this.classifications = classifications;
	}

	public Cycle close(String id, String actor, String ifMatch) {
		Cycle closed = cycles.closeScoring(id, actor, ifMatch);
		List<Reviews.Review> given = reviews.reviews(id, null);
		if (!given.isEmpty()) {
			reviews.assess(closed, actor);
		}
		classifications.classify(closed, actor);
		return cycles.require(id);
	}
}
