package org.touyan.evaluation.internal.manage;

import org.touyan.evaluation.internal.cycle.Cycle;
import org.touyan.evaluation.internal.cycle.CycleStatus;
import org.touyan.evaluation.internal.cycle.Cycles;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.touyan.api.evaluation.SecretaryType;
import org.touyan.api.registry.Archive;
import org.touyan.api.registry.Community;
import org.touyan.api.registry.OrgUnits;
import org.touyan.api.registry.People;
import org.touyan.api.registry.Person;
import org.touyan.api.registry.PostKind;
import org.touyan.api.rest.Fields;
import org.touyan.api.rest.Nullable;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.rest.RestConstants;
import org.touyan.api.store.Sql;
import org.touyan.api.store.Store;

/**
 * The measures that follow a secretary's type in a cycle (分类施策): model and backbone secretaries
 * run a 书记工作室, write up a 书记工作法 and teach a 书记特色课, each followed by someone of the
 * Organization Department; potential and caretaker secretaries get one-on-one help from a named
 * cadre of their street (by default the one the classification named). A measure that does not fit
 * the secretary's type is refused; each kind is recorded once per secretary and cycle, in the same
 * transaction as the secretary's archive entry.
 */
@Component(service = Measures.class)
public class Measures {

	/** The kinds of measure, and whether each is for the helped types (潜力, 守摊). */
	public enum Kind {
		STUDIO("书记工作室", false), METHOD("书记工作法", false), COURSE("书记特色课", false), ONE_ON_ONE("街道干部一对一帮带", true);

		final String displayName;
		final boolean helped;

		Kind(String displayName, boolean helped) {
			this.displayName = displayName;
			this.helped = helped;
		}

		public String displayName() {
			return displayName;
		}
	}

	/**
	 * A measure recorded: for 书记工作室/工作法/特色课 who of the Organization Department follows it
	 * ({@code followedBy}); for one-on-one help the street cadre ({@code helperId}, by default the
	 * one named when the secretary was classified).
	 */
	public record MeasureInput(String personId, String kind, String title, @Nullable String followedBy, @Nullable String helperId, @Nullable LocalDate startedOn,
			@Nullable String note) {
	}

	public record Measure(String id, String cycleId, String communityId, String personId, String secretaryType, String kind,
			String kindName, String title, @Nullable String followedBy, @Nullable String helperId, @Nullable String helperName, @Nullable LocalDate startedOn, @Nullable String note,
			String actor, Instant recordedAt) {
	}

	private final Store store;
	private final Cycles cycles;
	private final Classifications classifications;
	private final OrgUnits units;
	private final People people;
	private final Archive archive;

	@Activate
	public Measures(@Reference(target = "(touyan.schema=evaluation)") Store store, @Reference Cycles cycles,
			@Reference Classifications classifications, @Reference OrgUnits units, @Reference People people,
			@Reference Archive archive) {
		this.store = store;
		this.cycles = cycles;
		this.classifications = classifications;
		this.units = units;
		this.people = people;
		this.archive = archive;
	}

	private static Cycle measuring(Cycle cycle) {
		if (cycle.status() != CycleStatus.SCORING_CLOSED && cycle.status() != CycleStatus.PUBLISHED) {
			throw new ProblemException(409, "Conflict", "跟进措施依据本周期的分类，在评分结束后、周期归档前录入，本周期为"
					+ cycle.status().displayName() + "（" + cycle.status().name() + "）",
					"Measures follow the cycle's classification: they are recorded once scoring has closed"
							+ " and until the cycle is archived; it is " + cycle.status().name() + " (" + cycle.status().displayName() + ")", null);
		}
		return cycle;
	}

	/** Records a measure for a secretary classified in the cycle, once scoring has closed and until the cycle is archived. */
	public Measure record(String cycleId, MeasureInput input, String actor) {
		Cycle cycle = measuring(cycles.require(cycleId));
		if (input == null) {
			throw ProblemException.invalid(null, "请求须带 JSON 正文：personId、kind、title、startedOn",
					"A JSON body is required: personId, kind, title, startedOn");
		}
		Kind kind;
		try {
			kind = Kind.valueOf(input.kind() == null ? "" : input.kind().strip().toUpperCase(Locale.ROOT));
		} catch (IllegalArgumentException e) {
			throw ProblemException.invalid("kind", "措施类型为书记工作室（STUDIO）、书记工作法（METHOD）、书记特色课（COURSE）"
					+ "或街道干部一对一帮带（ONE_ON_ONE）", "kind is STUDIO (书记工作室), METHOD (书记工作法), COURSE (书记特色课) or"
					+ " ONE_ON_ONE (街道干部一对一帮带)");
		}
		String personId = Fields.paragraph("personId", input.personId(), 36, true);
		Classifications.Placement placed = classifications.placement(cycleId, personId)
				.orElseThrow(() -> new ProblemException(422, "Not classified", "分类施策：人员 " + personId + " 在 " + cycle.period()
						+ " 尚未分类，不能录入措施", "Measures follow the type: " + personId + " has no type in " + cycle.period(), "personId"));
		SecretaryType type = placed.type();
		if (kind.helped != type.helped()) {
			throw new ProblemException(422, "Measure does not fit the type", kind.displayName + "是对"
					+ (kind.helped ? "潜力、守摊" : "示范、骨干") + "书记的措施，该书记在 " + cycle.period() + " 为" + type.displayName()
					+ "书记（分类施策）", kind.displayName + " is a measure for "
					+ (kind.helped ? "潜力 and 守摊" : "示范 and 骨干") + " secretaries; this secretary is " + type.displayName()
					+ " in " + cycle.period() + " (分类施策: measures follow the type)", "kind");
		}
		String title = Fields.paragraph("title", input.title(), 200, true);
		if (input.startedOn() == null) {
			throw Fields.missing("startedOn");
		}
		String note = Fields.paragraph("note", input.note(), 2000, false);
		String followedBy = null;
		Person helper = null;
		if (kind.helped) {
			if (input.followedBy() != null) {
				throw ProblemException.invalid("followedBy", "一对一帮带填写帮带的街道干部（helperId），不填 followedBy",
						"one-on-one help names its street cadre (helperId), not followedBy");
			}
			String helperId = input.helperId() == null || input.helperId().isBlank() ? placed.helperId() : input.helperId().strip();
			if (helperId == null) {
				throw ProblemException.invalid("helperId", "请填写帮带的街道干部：分类时未指定街道干部",
						"helperId is required: the classification named no street cadre");
			}
			Community community = units.community(placed.communityId()).orElseThrow();
			boolean cadre = people.posts(community.streetId(), null, PostKind.STREET_CADRE, true, Paging.of(0, RestConstants.MAX_LIMIT)).items()
					.stream().anyMatch(p -> p.personId().equals(helperId));
			if (!cadre) {
				throw new ProblemException(422, "Not a street cadre", "一对一帮带由书记所在街道的在职机关干部承担，" + helperId
						+ " 不是该街道的在职机关干部", "one-on-one help is given by a serving cadre of the secretary's"
						+ " own street; " + helperId + " is not one", "helperId");
			}
			helper = people.person(helperId).orElseThrow();
		} else {
			if (input.helperId() != null) {
				throw ProblemException.invalid("helperId", kind.displayName + "由组织部门跟踪培养（followedBy），不由街道干部帮带",
						kind.displayName + " is followed by the Organization Department (followedBy), not a street cadre");
			}
			followedBy = Fields.paragraph("followedBy", input.followedBy(), 100, true);
		}
		Measure measure = new Measure(UUID.randomUUID().toString(), cycleId, placed.communityId(), personId, type.name(), kind.name(),
				kind.displayName, title, followedBy, helper == null ? null : helper.id(), helper == null ? null : helper.name(),
				input.startedOn(), note, actor, Sql.now().toInstant());
		store.write(c -> {
			// read again in the write: a cycle archived meanwhile takes no measure
			measuring(Cycles.find(c, cycleId).orElseThrow(() -> ProblemException.notFound("评价周期", "evaluation cycle", cycleId)));
			Sql.insert(c, "INSERT INTO eval_measure (id, cycle_id, community_id, person_id, kind, title, followed_by, helper_id, helper_name,"
					+ " started_on, note, actor, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
					new Sql.Conflict("该书记本周期已有" + kind.displayName, "the secretary has a " + kind.displayName + " in this cycle already"),
					measure.id(), cycleId, measure.communityId(),
					personId, kind.name(), title, measure.followedBy(), measure.helperId(), measure.helperName(), Date.valueOf(input.startedOn()),
					note, actor, java.sql.Timestamp.from(measure.recordedAt()));
			archive.append(c, personId, actor, "measure.recorded", "evaluation-cycle/" + cycleId + "/measure/"
					+ kind.name().toLowerCase(Locale.ROOT), null, measure);
			return null;
		});
		return measure;
	}

	/** The cycle's measures, of one secretary ({@code personId}) or all. */
	public List<Measure> measures(String cycleId, String personId) {
		cycles.require(cycleId);
		List<Object> args = new ArrayList<>(List.of(cycleId));
		String where = "m.cycle_id = ?";
		if (personId != null && !personId.isBlank()) {
			where += " AND m.person_id = ?";
			args.add(personId);
		}
		String sql = "SELECT m.id, m.cycle_id, m.community_id, m.person_id, k.secretary_type, m.kind, m.title, m.followed_by, m.helper_id,"
				+ " m.helper_name, m.started_on, m.note, m.actor, m.recorded_at FROM eval_measure m LEFT JOIN eval_classification k"
				+ " ON k.cycle_id = m.cycle_id AND k.community_id = m.community_id WHERE " + where + " ORDER BY m.community_id, m.kind";
		return store.read(c -> Sql.query(c, sql, Measures::measure, args.toArray()));
	}

	/** One measure row, with the type its secretary has in the cycle. */
	static Measure measure(ResultSet rs) throws SQLException {
		Kind kind = Kind.valueOf(rs.getString(6));
		return new Measure(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), kind.name(),
				kind.displayName, rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getDate(11).toLocalDate(),
				rs.getString(12), rs.getString(13), rs.getTimestamp(14).toInstant());
	}
}
