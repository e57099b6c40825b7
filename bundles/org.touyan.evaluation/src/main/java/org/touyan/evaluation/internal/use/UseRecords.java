package org.touyan.evaluation.internal.use;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.touyan.api.registry.Archive;
import org.touyan.api.registry.People;
import org.touyan.api.registry.Person;
import org.touyan.api.registry.PostKind;
import org.touyan.api.rest.Fields;
import org.touyan.api.rest.Nullable;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.store.Sql;
import org.touyan.api.store.Store;

/**
 * Use (精挑用): the career path of community Party secretaries — recommendations for honours,
 * candidates for 两代表一委员, nominations for advanced training and recruitment into street
 * public-institution posts (事业编制). Incentives go only to a secretary without an incident of the
 * negative list still open (激励与约束并重); each record lands in the archive in the same transaction.
 */
@Component(service = UseRecords.class)
public class UseRecords {

	/** The kinds of use, with the details a kind needs (none when empty). */
	public enum Kind {
		HONOUR("荣誉表彰推荐", Map.of()),
		DELEGATE("“两代表一委员”人选", details("PARTY_CONGRESS", "党代表", "PEOPLES_CONGRESS", "人大代表", "CPPCC", "政协委员")),
		TRAINING("示范骨干进修培训推荐", details("NATIONAL", "全国", "PROVINCE", "省级", "CITY", "市级")),
		RECRUITMENT("招录为事业编制人员", Map.of());

		final String displayName;
		final Map<String, String> details;

		Kind(String displayName, Map<String, String> details) {
			this.displayName = displayName;
			this.details = details;
		}

		public String displayName() {
			return displayName;
		}

		boolean incentive() {
			return this != RECRUITMENT;
		}
	}

	private static Map<String, String> details(String... codeAndName) {
		Map<String, String> m = new LinkedHashMap<>();
		for (int i = 0; i < codeAndName.length; i += 2) {
			m.put(codeAndName[i], codeAndName[i + 1]);
		}
		return m;
	}

	/**
	 * A record: {@code detail} is the seat of a DELEGATE (PARTY_CONGRESS, PEOPLES_CONGRESS, CPPCC) and
	 * the level of a TRAINING (NATIONAL, PROVINCE, CITY); {@code basis} why (e.g. 2025-H2 四评优秀).
	 */
	public record UseInput(String personId, String kind, @Nullable String detail, @Nullable String title, @Nullable LocalDate decidedOn, @Nullable String basis) {
	}

	public record UseRecord(String id, String districtId, String personId, String personName, String kind, String kindName,
			@Nullable String detail, @Nullable String detailName, @Nullable String title, LocalDate decidedOn, @Nullable String basis, String actor, Instant recordedAt) {
	}

	/** A district's records of a year (or all years) counted by kind, and by detail within a kind. */
	public record Summary(String districtId, @Nullable Integer year, int total, List<KindCount> kinds) {
	}

	public record KindCount(String kind, String kindName, int count, Map<String, Integer> byDetail) {
	}

	private final Store store;
	private final People people;
	private final Archive archive;

	@Activate
	public UseRecords(@Reference(target = "(touyan.schema=evaluation)") Store store, @Reference People people,
			@Reference Archive archive) {
		this.store = store;
		this.people = people;
		this.archive = archive;
	}

	public UseRecord record(UseInput input, String actor) {
		if (input == null) {
			throw ProblemException.invalid(null, "请求须带 JSON 正文：personId、kind、title、decidedOn",
					"A JSON body is required: personId, kind, title, decidedOn");
		}
		Kind kind;
		try {
			kind = Kind.valueOf(input.kind() == null ? "" : input.kind().strip().toUpperCase(Locale.ROOT));
		} catch (IllegalArgumentException e) {
			throw ProblemException.invalid("kind", "类型为荣誉表彰推荐（HONOUR）、“两代表一委员”人选（DELEGATE）、"
					+ "示范骨干进修培训推荐（TRAINING）或招录为事业编制人员（RECRUITMENT）",
					"kind is HONOUR (荣誉表彰推荐), DELEGATE (两代表一委员人选), TRAINING (进修培训推荐)"
					+ " or RECRUITMENT (事业编制招录)");
		}
		String personId = Fields.paragraph("personId", input.personId(), 36, true);
		Person person = people.person(personId).orElseThrow(() -> ProblemException.invalid("personId", "没有这名人员：" + personId,
				"No person with id '" + personId + "'"));
		if (people.posts(personId).stream().noneMatch(p -> p.kind() == PostKind.COMMUNITY_SECRETARY)) {
			throw new ProblemException(422, "Not a secretary", "精挑用记录只为社区党组织书记建立，" + person.name() + " 从未担任此职",
					"精挑用 records are kept for community Party secretaries; " + person.name() + " has never held that post", "personId");
		}
		String detail = Fields.paragraph("detail", input.detail(), 20, false);
		if (kind.details.isEmpty() && detail != null) {
			throw ProblemException.invalid("detail", kind.displayName + "不分类别，不填 detail", kind.displayName + " has no detail");
		}
		if (!kind.details.isEmpty() && (detail == null || !kind.details.containsKey(detail.toUpperCase(Locale.ROOT)))) {
			throw ProblemException.invalid("detail", kind.displayName + "须注明类别：" + String.join("、", kind.details.entrySet().stream()
					.map(e -> e.getValue() + "（" + e.getKey() + "）").toList()), kind.displayName + " names its detail: one of " + kind.details.keySet());
		}
		String code = detail == null ? null : detail.toUpperCase(Locale.ROOT);
		String title = Fields.paragraph("title", input.title(), 200, true);
		if (input.decidedOn() == null) {
			throw Fields.missing("decidedOn");
		}
		if (input.decidedOn().isAfter(LocalDate.now())) {
			throw ProblemException.invalid("decidedOn", "决定日期不能晚于今天", "decidedOn is in the future");
		}
		String basis = Fields.paragraph("basis", input.basis(), 1000, false);
		UseRecord record = new UseRecord(UUID.randomUUID().toString(), person.districtId(), personId, person.name(), kind.name(),
				kind.displayName, code, code == null ? null : kind.details.get(code), title, input.decidedOn(), basis, actor,
				Sql.now().toInstant());
		store.write(c -> {
			// the append locks the person's row: an incident recorded meanwhile is seen by the check below
			archive.append(c, personId, actor, "use." + kind.name().toLowerCase(Locale.ROOT), "use-record/" + record.id(), null, record);
			if (kind.incentive() && NegativeList.open(c, personId)) {
				throw new ProblemException(409, "Conflict", "激励与约束并重：" + person.name() + " 有负面清单事件尚在整改或调整中，"
						+ kind.displayName + "须待其办结后再录入", "激励与约束并重: " + person.name() + " has an incident of the negative list still being"
						+ " rectified or adjusted; " + kind.displayName + " waits until it is closed", null);
			}
			if (kind == Kind.RECRUITMENT && Sql.query(c, "SELECT COUNT(*) FROM eval_use_record WHERE person_id = ? AND kind = ?",
					rs -> rs.getInt(1), personId, kind.name()).get(0) > 0) {
				throw new ProblemException(409, "Conflict", person.name() + " 已招录为事业编制人员",
						person.name() + " has been recruited into a 事业编制 post already", null);
			}
			Sql.insert(c, "INSERT INTO eval_use_record (id, district_id, person_id, kind, detail, title, decided_on, basis, actor, recorded_at)"
					+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new Sql.Conflict("该条" + kind.displayName + "记录已存在",
							"this " + kind.displayName + " is recorded already"), record.id(),
					record.districtId(), personId, kind.name(), code, title, Date.valueOf(input.decidedOn()), basis, actor,
					java.sql.Timestamp.from(record.recordedAt()));
			return null;
		});
		return record;
	}

	/** Records of a district or of one person, of a kind and year when given, newest first. */
	public Page<UseRecord> records(String districtId, String personId, String kind, String year, Paging paging) {
		List<Object> args = new ArrayList<>();
		String where = where(districtId, personId, kind, year, args);
		String select = "SELECT id, district_id, person_id, kind, detail, title, decided_on, basis, actor, recorded_at FROM eval_use_record"
				+ where;
		Map<String, String> names = new java.util.HashMap<>();
		return store.read(c -> Sql.page(c, select, "decided_on DESC, id", paging, rs -> record(rs, names), args));
	}

	public Summary summary(String districtId, String year) {
		if (districtId == null || districtId.isBlank()) {
			throw Fields.missing("district");
		}
		List<Object> args = new ArrayList<>();
		String where = where(districtId, null, null, year, args);
		Map<Kind, Map<String, Integer>> counts = new LinkedHashMap<>();
		Map<Kind, Integer> totals = new LinkedHashMap<>();
		for (Kind k : Kind.values()) {
			counts.put(k, new LinkedHashMap<>());
			totals.put(k, 0);
		}
		store.read(c -> Sql.query(c, "SELECT kind, detail, COUNT(*) FROM eval_use_record" + where + " GROUP BY kind, detail", rs -> {
			Kind k = Kind.valueOf(rs.getString(1));
			totals.merge(k, rs.getInt(3), Integer::sum);
			if (rs.getString(2) != null) {
				counts.get(k).put(k.details.get(rs.getString(2)), rs.getInt(3));
			}
			return null;
		}, args.toArray()));
		List<KindCount> kinds = new ArrayList<>();
		totals.forEach((k, n) -> kinds.add(new KindCount(k.name(), k.displayName, n, counts.get(k))));
		return new Summary(districtId, year == null || year.isBlank() ? null : Integer.valueOf(year.strip()),
				totals.values().stream().mapToInt(Integer::intValue).sum(), kinds);
	}

	private static String where(String districtId, String personId, String kind, String year, List<Object> args) {
		List<String> where = new ArrayList<>();
		if (districtId != null && !districtId.isBlank()) {
			where.add("district_id = ?");
			args.add(districtId);
		}
		if (personId != null && !personId.isBlank()) {
			where.add("person_id = ?");
			args.add(personId);
		}
		if (where.isEmpty()) {
			throw ProblemException.invalid("district", "请指定区（district）或人员（person）", "district or person is required");
		}
		if (kind != null && !kind.isBlank()) {
			try {
				args.add(Kind.valueOf(kind.strip().toUpperCase(Locale.ROOT)).name());
			} catch (IllegalArgumentException e) {
				throw ProblemException.invalid("kind", "类型为 HONOUR、DELEGATE、TRAINING 或 RECRUITMENT", "kind is HONOUR, DELEGATE, TRAINING or RECRUITMENT");
			}
			where.add("kind = ?");
		}
		if (year != null && !year.isBlank()) {
			int y;
			try {
				y = Integer.parseInt(year.strip());
			} catch (NumberFormatException e) {
				throw ProblemException.invalid("year", "应为年份，如 2026", "year is a year such as 2026");
			}
			if (y < 1900 || y > 2100) {
				throw ProblemException.invalid("year", "应为年份，如 2026", "year is a year such as 2026");
			}
			where.add("decided_on BETWEEN ? AND ?");
			args.add(Date.valueOf(LocalDate.of(y, 1, 1)));
			args.add(Date.valueOf(LocalDate.of(y, 12, 31)));
		}
		return " WHERE " + String.join(" AND ", where);
	}

	private UseRecord record(ResultSet rs, Map<String, String> names) throws SQLException {
		Kind kind = Kind.valueOf(rs.getString(4));
		String detail = rs.getString(5);
		String person = rs.getString(3);
		String name = names.computeIfAbsent(person, p -> people.person(p).map(Person::name).orElse(null));
		return new UseRecord(rs.getString(1), rs.getString(2), person, name, kind.name(), kind.displayName, detail,
				detail == null ? null : kind.details.get(detail), rs.getString(6), rs.getDate(7).toLocalDate(), rs.getString(8),
				rs.getString(9), rs.getTimestamp(10).toInstant());
	}
}
