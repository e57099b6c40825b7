package org.touyan.registry.internal;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.touyan.api.registry.PostKind;
import org.touyan.api.rest.Fields;
import org.touyan.api.rest.Nullable;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.store.Sql;
import org.touyan.api.store.Store;

/**
 * The yearly recruitment of secretary assistants (书记助理): each assistant belongs to the batch of
 * one year, recruited from new graduates or from social workers, so both "recruited so far" and
 * "this year's batch" are answered. Coverage (one assistant per community) stays with the posts.
 */
@Component(service = AssistantRecruitment.class)
public class AssistantRecruitment {

	/** Where a batch's assistants come from. */
	public enum Source {
		/** 应届毕业生 */
		GRADUATE,
		/** 社区工作者 */
		SOCIAL_WORKER
	}

	public record RecruitmentInput(Integer year, String source) {
	}

	/** One assistant's recruitment: the batch's year and the source. */
	public record Recruitment(String personId, String districtId, int year, Source source) {
	}

	/** A year's batch: how many were recruited, from each source. */
	public record Batch(int year, long graduates, long socialWorkers, long total) {
	}

	/** A district's batches by year (only the given year's when asked) and how many were recruited so far. */
	public record Batches(String districtId, long recruited, List<Batch> batches) {
	}

	private final Store store;

	@Activate
	public AssistantRecruitment(@Reference(target = "(touyan.schema=registry)") Store store) {
		this.store = store;
	}

	/**
	 * Records the batch of an assistant: the person holds or held a secretary-assistant post
	 * (422 otherwise), and is recorded in one batch only (409).
	 */
	public Recruitment record(String personId, RecruitmentInput input, String actor) {
		String who = Validation.actor(actor);
		Fields.body(input);
		if (input.year() == null || input.year() < 2000 || input.year() > 2100) {
			throw ProblemException.invalid("year", "应为招录批次的年份，如 2026", "year is the batch's year, such as 2026");
		}
		Source source = source(input.source(), true);
		return store.write(c -> {
			List<String> district = Sql.query(c, "SELECT district_id FROM person WHERE id = ?", rs -> rs.getString(1), personId);
			if (district.isEmpty()) {
				throw ProblemException.notFound("人员", "person", personId);
			}
			if (Sql.query(c, "SELECT 1 FROM post WHERE person_id = ? AND kind = ?", rs -> 1, personId,
					PostKind.SECRETARY_ASSISTANT.name()).isEmpty()) {
				throw new ProblemException(422, "Not a secretary assistant", "只有担任或担任过书记助理的人员才属于招录批次",
						"only a person who holds or held a 书记助理 post (SECRETARY_ASSISTANT) belongs to a recruitment batch", "personId");
			}
			Recruitment r = new Recruitment(personId, district.get(0), input.year(), source);
			Sql.update(c, "INSERT INTO assistant_recruitment (person_id, district_id, batch_year, source, recorded_at)"
					+ " VALUES (?, ?, ?, ?, ?)", null, "该书记助理的招录批次已登记", personId, r.districtId(),
					r.year(), source.name(), Sql.now());
			ArchiveLog.append(c, personId, who, "assistant.recruited", "assistant-recruitment", null, r);
			return r;
		});
	}

	/** The district's batches, of one year when {@code year} is not null; {@code recruited} counts every year. */
	public Batches batches(String districtId, @Nullable Integer year) {
		return store.read(c -> {
			if (Sql.query(c, "SELECT id FROM district WHERE id = ?", rs -> rs.getString(1), districtId).isEmpty()) {
				throw ProblemException.notFound("区", "district", districtId);
			}
			long recruited = Sql.query(c, "SELECT COUNT(*) FROM assistant_recruitment WHERE district_id = ?",
					rs -> rs.getLong(1), districtId).get(0);
			String sql = "SELECT batch_year, SUM(CASE WHEN source = 'GRADUATE' THEN 1 ELSE 0 END),"
					+ " SUM(CASE WHEN source = 'SOCIAL_WORKER' THEN 1 ELSE 0 END), COUNT(*) FROM assistant_recruitment"
					+ " WHERE district_id = ?" + (year == null ? "" : " AND batch_year = ?") + " GROUP BY batch_year ORDER BY batch_year";
			Object[] args = year == null ? new Object[] { districtId } : new Object[] { districtId, year };
			List<Batch> batches = Sql.query(c, sql, rs -> new Batch(rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)),
					args);
			if (year != null && batches.isEmpty()) {
				batches = List.of(new Batch(year, 0, 0, 0));
			}
			return new Batches(districtId, recruited, batches);
		});
	}

	static Source source(String value, boolean required) {
		if (value == null || value.isBlank()) {
			if (required) {
				throw ProblemException.invalid("source", "请选择招录来源：应届毕业生（GRADUATE）或社区工作者（SOCIAL_WORKER）",
						"source is required: one of " + List.of(Source.values()));
			}
			return null;
		}
		try {
			return Source.valueOf(value.strip());
		} catch (IllegalArgumentException e) {
			throw ProblemException.invalid("source", "招录来源应为应届毕业生（GRADUATE）或社区工作者（SOCIAL_WORKER）",
					"source is one of " + List.of(Source.values()));
		}
	}
}
