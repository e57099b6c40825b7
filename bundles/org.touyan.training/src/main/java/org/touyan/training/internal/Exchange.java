package org.touyan.training.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.touyan.api.registry.Archive;
import org.touyan.api.rest.Nullable;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.Preconditions;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.store.Sql;
import org.touyan.api.store.Store;

/**
 * Exchange events (交流互鉴): the monthly 幸福论坛, the quarterly 书记沙龙 and the 4 themed
 * activity kinds, with participants, speakers and a short record; and benchmark shadowing
 * (对标实训), a month's placement in another city with a report on return. Both are in the
 * archives of the people who take part.
 */
@Component(service = Exchange.class)
public class Exchange {

	/** Event kinds and their display names. */
	static final Map<String, String> KINDS = Map.of("FORUM", "幸福论坛", "SALON", "书记沙龙", "ACTIVITY", "主题活动");
	/** The 4 themes of the activities. */
	static final List<String> THEMES = List.of("社区活动我来谈", "社区阵地我来学", "社区治理我来讲", "社区服务我来评");

	public record EventInput(String districtId, String kind, @Nullable String theme, String title, LocalDate date, String place,
			@Nullable List<String> participantIds, @Nullable List<String> speakerIds, @Nullable String record) {
	}

	public record Event(String id, String districtId, String kind, String kindName, @Nullable String theme, String title, LocalDate date,
			String place, List<String> participantIds, List<String> speakerIds, @Nullable String record) {
	}

	public record RecordInput(String record) {
	}

	public record PlacementInput(String districtId, String personId, String city, String host, LocalDate startDate,
			@Nullable LocalDate endDate) {
	}

	public record Placement(String id, String districtId, String personId, int year, String city, String host,
			LocalDate startDate, @Nullable LocalDate endDate, @Nullable String report) {
	}

	public record ReportInput(String report) {
	}

	private final Store store;
	private final Directory directory;
	private final Archive archive;

	@Activate
	public Exchange(@Reference(target = "(touyan.schema=training)") Store store, @Reference Directory directory,
			@Reference Archive archive) {
		this.store = store;
		this.directory = directory;
		this.archive = archive;
	}

	// ---- events --------------------------------------------------------------------------------

	public Event createEvent(EventInput input, String actor) {
		Input.body(input);
		String districtId = directory.district("districtId", input.districtId()).id();
		String kind = Input.required("kind", input.kind());
		if (!KINDS.containsKey(kind)) {
			throw ProblemException.invalid("kind", "活动类型应为幸福论坛（FORUM）、书记沙龙（SALON）或主题活动（ACTIVITY）",
					"kind is one of FORUM (幸福论坛), SALON (书记沙龙), ACTIVITY (主题活动)");
		}
		String theme = Input.text("theme", input.theme(), 20, false);
		if ("ACTIVITY".equals(kind) != (theme != null)) {
			throw ProblemException.invalid("theme", "主题活动须选择主题：" + String.join("、", THEMES) + "；论坛和沙龙不设主题",
					"an activity has one of the themes " + THEMES + "; forums and salons have none");
		}
		if (theme != null && !THEMES.contains(theme)) {
			throw ProblemException.invalid("theme", "主题应为以下之一：" + String.join("、", THEMES), "theme is one of " + THEMES);
		}
		String title = Input.text("title", input.title(), 200, true);
		if (input.date() == null) {
			throw ProblemException.invalid("date", "请填写活动日期", "date is required");
		}
		String place = Input.text("place", input.place(), 200, true);
		String record = Input.text("record", input.record(), 2000, false);
		if (record != null && input.date().isAfter(LocalDate.now())) {
			throw ProblemException.invalid("record", "活动举办后方可填写纪要", "an event is recorded after it has taken place");
		}
		Set<String> speakers = people("speakerIds", input.speakerIds(), districtId);
		Set<String> participants = people("participantIds", input.participantIds(), districtId);
		participants.addAll(speakers);
		String id = UUID.randomUUID().toString();
		store.write(c -> {
			Sql.update(c, "INSERT INTO exchange_event (id, district_id, kind, theme, title, event_date, place, record_text, created_at)"
					+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", null, null, id, districtId, kind, theme, title, input.date(), place, record, Sql.now());
			for (String person : participants) {
				boolean speaker = speakers.contains(person);
				Sql.update(c, "INSERT INTO exchange_participant (event_id, person_id, speaker) VALUES (?, ?, ?)", null, null, id, person, speaker);
				archive.append(c, person, actor, "exchange.participation", "exchange-event:" + id, null,
						Map.of("event", KINDS.get(kind) + (theme == null ? "" : "·" + theme) + " " + title, "date", input.date().toString(),
								"speaker", speaker));
			}
			return null;
		});
		return event(id);
	}

	private Set<String> people(String field, List<String> ids, String districtId) {
		Set<String> out = new LinkedHashSet<>();
		for (int i = 0; ids != null && i < ids.size(); i++) {
			out.add(directory.person(field + "[" + i + "]", ids.get(i), districtId).id());
		}
		return out;
	}

	/** Adds or replaces the short record of an event that has taken place. */
	public Event record(String id, RecordInput input, String ifMatch) {
		Input.body(input);
		String record = Input.text("record", input.record(), 2000, true);
		Event e = event(id);
		if (e.date().isAfter(LocalDate.now())) {
			throw ProblemException.invalid("record", "活动举办后方可填写纪要", "an event is recorded after it has taken place");
		}
		return store.write(c -> {
			// under the row lock, so two records of one event compare one after the other
			Sql.update(c, "UPDATE exchange_event SET record_text = record_text WHERE id = ?", null, null, id);
			Preconditions.check(ifMatch, event(c, id));
			Sql.update(c, "UPDATE exchange_event SET record_text = ? WHERE id = ?", null, null, record, id);
			return event(c, id);
		});
	}

	private static final String EVENT = "SELECT id, district_id, kind, theme, title, event_date, place, record_text FROM exchange_event";

	public Event event(String id) {
		return store.read(c -> event(c, id));
	}

	private static Event event(java.sql.Connection c, String id) throws SQLException {
		return withPeople(c, Sql.one(c, EVENT + " WHERE id = ?", Exchange::event, id).orElseThrow(() -> ProblemException.notFound("交流活动", "event", id)));
	}

	private static Event withPeople(java.sql.Connection c, Event e) throws SQLException {
		List<String> all = new ArrayList<>();
		List<String> speakers = new ArrayList<>();
		Sql.query(c, "SELECT person_id, speaker FROM exchange_participant WHERE event_id = ? ORDER BY person_id", rs -> {
			all.add(rs.getString(1));
			if (rs.getBoolean(2)) {
				speakers.add(rs.getString(1));
			}
			return null;
		}, e.id());
		return new Event(e.id(), e.districtId(), e.kind(), e.kindName(), e.theme(), e.title(), e.date(), e.place(), all, speakers,
				e.record());
	}

	private static Event event(ResultSet rs) throws SQLException {
		return new Event(rs.getString(1), rs.getString(2), rs.getString(3), KINDS.get(rs.getString(3)), rs.getString(4),
				rs.getString(5), rs.getDate(6).toLocalDate(), rs.getString(7), List.of(), List.of(), rs.getString(8));
	}

	/** A district's events of a year (or all), of a kind (or all), newest first. */
	public Page<Event> events(String districtId, Integer year, String kind, Paging paging) {
		directory.district("district", districtId);
		StringBuilder where = new StringBuilder(" WHERE district_id = ?");
		List<Object> args = new ArrayList<>(List.of(districtId));
		if (year != null) {
			// EXTRACT is standard SQL, which HSQLDB and PostgreSQL both run (HSQLDB's YEAR() is not PostgreSQL's)
			where.append(" AND EXTRACT(YEAR FROM event_date) = ?");
			args.add(year);
		}
		if (kind != null) {
			where.append(" AND kind = ?");
			args.add(kind);
		}
		return store.read(c -> {
			Page<Event> page = Sql.page(c, EVENT + where, "event_date DESC, id", paging, Exchange::event, args);
			List<Event> items = new ArrayList<>();
			for (Event e : page.items()) {
				items.add(withPeople(c, e));
			}
			return new Page<>(items, page.total(), page.offset(), page.limit());
		});
	}

	/** Events held (dated today or before) by kind, and in all: the report figure. */
	public Map<String, Long> held(String districtId, Integer year) {
		Map<String, Long> counts = new LinkedHashMap<>();
		store.read(c -> {
			for (String kind : List.of("FORUM", "SALON", "ACTIVITY")) {
				counts.put(kind, Sql.count(c, "SELECT COUNT(*) FROM exchange_event WHERE district_id = ? AND kind = ? AND event_date <= ?"
						+ (year == null ? "" : " AND EXTRACT(YEAR FROM event_date) = " + year.intValue()), districtId, kind, LocalDate.now()));
			}
			return null;
		});
		counts.put("total", counts.values().stream().mapToLong(Long::longValue).sum());
		return counts;
	}

	// ---- benchmark shadowing -------------------------------------------------------------------

	/** Selects a secretary for a placement; once a year per person; in the person's archive. */
	public Placement place(PlacementInput input, String actor) {
		Input.body(input);
		String districtId = directory.district("districtId", input.districtId()).id();
		String personId = directory.person("personId", input.personId(), districtId).id();
		String city = Input.text("city", input.city(), 50, true);
		String host = Input.text("host", input.host(), 200, true);
		if (input.startDate() == null) {
			throw ProblemException.invalid("startDate", "请填写实训开始日期", "startDate is required");
		}
		if (input.endDate() == null || !input.endDate().isAfter(input.startDate()) || input.endDate().isAfter(input.startDate().plusDays(92))) {
			throw ProblemException.invalid("endDate", "结束日期应晚于开始日期，且在开始后三个月内", "endDate is after startDate and within three months of it");
		}
		String id = UUID.randomUUID().toString();
		int year = input.startDate().getYear();
		Placement p = new Placement(id, districtId, personId, year, city, host, input.startDate(), input.endDate(), null);
		store.write(c -> {
			Sql.update(c, "INSERT INTO shadowing_placement (id, district_id, person_id, plan_year, city, host, start_date, end_date)"
					+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", null, "该人员 " + year + " 年已有对标实训安排", id, districtId,
					personId, year, city, host, input.startDate(), input.endDate());
			return archive.append(c, personId, actor, "shadowing.placement", "shadowing:" + id, null, p);
		});
		return p;
	}

	/** The report on return: only once the placement has ended. */
	public Placement report(String id, ReportInput input, String actor, String ifMatch) {
		Input.body(input);
		String report = Input.text("report", input.report(), 4000, true);
		Placement read = placement(id);
		if (read.endDate().isAfter(LocalDate.now())) {
			throw ProblemException.invalid("report", "对标实训于 " + read.endDate() + " 结束，返回后方可提交报告",
					"the placement ends on " + read.endDate() + "; the report comes on return");
		}
		return store.write(c -> {
			// under the row lock, so two reports of one placement compare one after the other
			Sql.update(c, "UPDATE shadowing_placement SET report_text = report_text WHERE id = ?", null, null, id);
			Placement before = placement(c, id);
			Preconditions.check(ifMatch, before);
			Placement after = new Placement(before.id(), before.districtId(), before.personId(), before.year(), before.city(),
					before.host(), before.startDate(), before.endDate(), report);
			Sql.update(c, "UPDATE shadowing_placement SET report_text = ? WHERE id = ?", null, null, report, id);
			archive.append(c, before.personId(), actor, "shadowing.report", "shadowing:" + id, before, after);
			return after;
		});
	}

	private static final String PLACEMENT = "SELECT id, district_id, person_id, plan_year, city, host, start_date, end_date, report_text"
			+ " FROM shadowing_placement";

	private static Placement placement(ResultSet rs) throws SQLException {
		return new Placement(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5), rs.getString(6),
				rs.getDate(7).toLocalDate(), rs.getDate(8).toLocalDate(), rs.getString(9));
	}

	public Placement placement(String id) {
		return store.read(c -> placement(c, id));
	}

	private static Placement placement(java.sql.Connection c, String id) throws SQLException {
		return Sql.one(c, PLACEMENT + " WHERE id = ?", Exchange::placement, id)
				.orElseThrow(() -> ProblemException.notFound("跟班学习安排", "shadowing placement", id));
	}

	/** One person's placements of every year, newest first: what a secretary reads of their own. */
	public Page<Placement> placementsOf(String personId, Paging paging) {
		return store.read(c -> Sql.page(c, PLACEMENT + " WHERE person_id = ?", "start_date DESC, id", paging, Exchange::placement,
				List.of(personId)));
	}

	/** A district's placements of a year, of the people of one street when {@code streetId} is not null. */
	public List<Placement> placements(String districtId, String streetId, int year) {
		directory.district("district", districtId);
		List<Object> args = new ArrayList<>(List.of(districtId, year));
		String street = streetId == null ? "" : Sql.in("person_id", directory.members(streetId).people(), args);
		return store.read(c -> Sql.query(c, PLACEMENT + " WHERE district_id = ? AND plan_year = ?" + street + " ORDER BY start_date, id",
				Exchange::placement, args.toArray()));
	}
}
