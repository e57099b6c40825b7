package org.touyan.evaluation.internal.cycle;

import static org.touyan.api.security.Role.DEPARTMENT_SCORER;
import static org.touyan.api.security.Role.DISTRICT_ADMIN;
import static org.touyan.api.security.Role.PLUGIN_ADMIN;
import static org.touyan.api.security.Role.SECRETARY;
import static org.touyan.api.security.Role.STREET_ADMIN;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Pattern;

import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.touyan.api.evaluation.StarRating;
import org.touyan.api.policy.Policies.Result;
import org.touyan.api.policy.Provenance;
import org.touyan.api.rest.Fields;
import org.touyan.api.rest.Nullable;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.rest.RestConstants;
import org.touyan.api.rest.Summary;
import org.touyan.api.security.Access;

/**
 * Star ratings over REST. The preview rates scores without storing anything: a street sees what
 * its bound formula makes of them, and which plugin version answered.
 */
@Component(service = StarRatingResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(RestConstants.APPLICATION_SELECT)
@Path("star-ratings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StarRatingResource {

	private static final Pattern PERIOD = Pattern.compile("\\d{4}-H[12]");

	/**
	 * Scores to rate: each scoring department's score (0–100) by department code; with
	 * {@code cycle}, by the formula pinned for that evaluation cycle instead of the one bound now.
	 */
	public record PreviewRequest(String communityId, @Nullable String streetId, @Nullable String period, Map<String, BigDecimal> scores,
			@Nullable String cycle) {
	}

	/** A rating and the code that made it. */
	public record PreviewAnswer(String communityId, String period, BigDecimal score, int stars, String explanation,
			Provenance provenance) {
	}

	private final StarRatings ratings;

	@Activate
	public StarRatingResource(@Reference StarRatings ratings) {
		this.ratings = ratings;
	}

	@POST
	@Path("preview")
	@Summary("Rates one community's scores with the formula bound for its street, without storing anything")
	@Access({ DISTRICT_ADMIN, STREET_ADMIN, DEPARTMENT_SCORER, SECRETARY, PLUGIN_ADMIN })
	public PreviewAnswer preview(PreviewRequest request) {
		if (request == null) {
			throw ProblemException.invalid(null, "请求须带 JSON 正文", "A JSON body is required");
		}
		if (request.streetId() == null) {
			throw Fields.missing("streetId");
		}
		if (request.period() == null || !PERIOD.matcher(request.period()).matches()) {
			throw ProblemException.invalid("period", "评价周期为半年，如 2026-H1", "period is a half-year such as 2026-H1");
		}
		if (request.scores() == null || request.scores().isEmpty()) {
			throw ProblemException.invalid("scores", "请按部门代码录入分数", "scores are required, by department code");
		}
		request.scores().forEach((department, score) -> {
			if (score == null || score.signum() < 0 || score.compareTo(BigDecimal.valueOf(100)) > 0) {
				throw ProblemException.invalid("scores." + department, "分数应为 0 至 100 的数", "a score is a number from 0 to 100");
			}
		});
		Result<StarRating> r = ratings.rate(request.communityId(), request.streetId(), request.period(), request.scores(),
				request.cycle());
		return new PreviewAnswer(request.communityId(), request.period(), r.value().score(), r.value().stars(),
				r.value().explanation(), r.provenance());
	}
}
