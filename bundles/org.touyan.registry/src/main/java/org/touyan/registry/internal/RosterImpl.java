package org.touyan.registry.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.touyan.api.registry.ImportReport;
import org.touyan.api.registry.ImportReport.RowError;
import org.touyan.api.registry.Person;
import org.touyan.api.registry.PersonInput;
import org.touyan.api.registry.Post;
import org.touyan.api.registry.PostInput;
import org.touyan.api.registry.PostKind;
import org.touyan.api.registry.Roster;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.security.Masking;
import org.touyan.api.store.Sql;
import org.touyan.api.store.Store;
import org.touyan.api.tabular.Column;
import org.touyan.api.tabular.Table;

/**
 * Roster import and export, as tables whatever their format (the resource reads and writes CSV or
 * xlsx through {@code Tabular}). An import runs every row through the same rules and archive as single
 * writes, in one transaction; a fault in any row rolls all of it back and comes back in the report.
 */
@Component
public class RosterImpl implements Roster {

	static final List<String> HEADER = Arrays.asList(COLUMNS.split(","));

	/** Request fields the shared rules name, as the CSV columns that carry them. */
	private static final Map<String, String> COLUMN_OF = Map.of("kind", "postKind", "unitId", "unit", "startDate", "postStart",
			"endDate", "postEnd", "endReason", "postEndReason");

	private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("uuuu/M/d");

	private final Store store;

	@Activate
	public RosterImpl(@Reference(target = "(touyan.schema=registry)") Store store) {
		this.store = store;
	}

	/** Carries a rejected import's report out of the transaction, which rolls back. */
	private static final class Rejected extends RuntimeException {
		private static final long serialVersionUID = 1L;
		final transient ImportReport report;

		Rejected(ImportReport report) {
			super("import rejected", null, false, false);
			this.report = report;
		}
	}

	@Override
	public ImportReport importRows(String districtId, List<List<String>> table, String actor) {
		String who = Validation.actor(actor);
		List<List<String>> rows = Column.keyed(table, TABLE);
		if (rows.isEmpty()) {
			throw ProblemException.invalid(null, "表格为空；第一行应为列名：" + COLUMNS,
					"the table is empty; its first row names the columns: " + COLUMNS);
		}
		Map<String, Integer> index = new HashMap<>();
		List<RowError> headerErrors = new ArrayList<>();
		for (int i = 0; i < rows.get(0).size(); i++) {
			String column = rows.get(0).get(i).strip();
			if (!HEADER.contains(column)) {
				headerErrors.add(new RowError(1, column, "未知的列；可用的列为：" + COLUMNS + "（或其中文列名）"));
			} else if (index.put(column, i) != null) {
				headerErrors.add(new RowError(1, column, "该列重复出现"));
			}
		}
		for (String required : List.of("name", "idNumber")) {
			if (!index.containsKey(required)) {
				headerErrors.add(new RowError(1, required, "缺少必需的列"));
			}
		}
		int dataRows = rows.size() - 1;
		if (!headerErrors.isEmpty()) {
			return new ImportReport(dataRows, false, 0, 0, headerErrors);
		}
		try {
			return store.write(c -> {
				if (Sql.query(c, "SELECT id FROM district WHERE id = ?", rs -> rs.getString(1), districtId).isEmpty()) {
					throw ProblemException.notFound("区", "district", districtId);
				}
				List<RowError> errors = new ArrayList<>();
				Map<String, Person> known = new HashMap<>();
				int people = 0;
				int posts = 0;
				for (int r = 1; r < rows.size(); r++) {
					Row row = new Row(r + 1, rows.get(r), index);
					if (row.blank()) {
						continue;
					}
					try {
						String idNumber = row.get("idNumber") == null ? null : row.get("idNumber").toUpperCase();
						Person person = idNumber == null ? null : known.get(idNumber);
						if (person == null && idNumber != null) {
							person = Sql.query(c, PeopleImpl.PERSON + " WHERE district_id = ? AND id_number = ?", PeopleImpl::person,
									districtId, idNumber).stream().findFirst().orElse(null);
						}
						if (person == null) {
							person = PeopleImpl.validPerson(UUID.randomUUID().toString(), new PersonInput(districtId, row.get("name"),
									row.get("gender"), row.date("birthDate"), row.get("idNumber"), row.get("phone"), row.get("education"),
									row.date("partyMemberSince")));
							PeopleImpl.insertPerson(c, person, who);
							people++;
						} else {
							row.agrees(person);
						}
						known.put(person.idNumber(), person);
						if (row.get("postKind") != null) {
							PostKind kind = row.kind();
							String unit = unit(c, districtId, kind, row.get("unit"));
							Post post = PeopleImpl.validPost(UUID.randomUUID().toString(), person.id(), new PostInput(kind, unit,
									row.date("postStart"), row.date("postEnd"), row.get("postEndReason")));
							PeopleImpl.addPost(c, post, who);
							posts++;
						}
					} catch (ProblemException e) {
						String field = e.field() == null ? null : COLUMN_OF.getOrDefault(e.field(), e.field());
						errors.add(new RowError(row.number, field, e.detail()));
					}
				}
				if (!errors.isEmpty()) {
					throw new Rejected(new ImportReport(dataRows, false, 0, 0, List.copyOf(errors)));
				}
				return new ImportReport(dataRows, true, people, posts, List.of());
			});
		} catch (Rejected rejected) {
			return rejected.report;
		}
	}

	/** A unit written by code: {@code STREET} for a street cadre, {@code STREET/COMMUNITY} otherwise. */
	private static String unit(Connection c, String districtId, PostKind kind, String code) throws SQLException {
		if (code == null) {
			throw ProblemException.invalid("unit", "填写岗位类别（postKind）时，任职单位（unit）必填", "unit is required with a postKind");
		}
		String[] parts = code.split("/", -1);
		List<String> found;
		if (kind.inStreet()) {
			found = parts.length != 1 ? List.of() : Sql.query(c, "SELECT id FROM street WHERE district_id = ? AND code = ?",
					rs -> rs.getString(1), districtId, parts[0].strip());
		} else {
			found = parts.length != 2 ? List.of() : Sql.query(c, "SELECT k.id FROM community k JOIN street s ON s.id = k.street_id"
					+ " WHERE s.district_id = ? AND s.code = ? AND k.code = ?", rs -> rs.getString(1), districtId, parts[0].strip(), parts[1].strip());
		}
		if (found.isEmpty()) {
			throw ProblemException.invalid("unit", "本区没有代码为 " + code + " 的" + (kind.inStreet() ? "街道（应写作 STREET）"
					: "社区（应写作 STREET/COMMUNITY）"), "no " + (kind.inStreet() ? "street 'STREET'" : "community 'STREET/COMMUNITY'")
					+ " with code '" + code + "' in the district");
		}
		return found.get(0);
	}

	/** One data row, read by column name; blank cells are absent. */
	private static final class Row {
		final int number;
		private final List<String> cells;
		private final Map<String, Integer> index;

		Row(int number, List<String> cells, Map<String, Integer> index) {
			this.number = number;
			this.cells = cells;
			this.index = index;
		}

		boolean blank() {
			return cells.stream().allMatch(String::isBlank);
		}

		String get(String column) {
			Integer i = index.get(column);
			if (i == null || i >= cells.size() || cells.get(i).isBlank()) {
				return null;
			}
			return cells.get(i).strip();
		}

		LocalDate date(String column) {
			String v = get(column);
			if (v == null) {
				return null;
			}
			try {
				return v.contains("/") ? LocalDate.parse(v, SLASHED) : LocalDate.parse(v);
			} catch (DateTimeParseException e) {
				throw ProblemException.invalid(column, column + " 应为日期，如 2021-01-10 或 2021/1/10，所填为“" + v + "”",
						column + " must be a date like 2021-01-10 or 2021/1/10, was '" + v + "'");
			}
		}

		PostKind kind() {
			try {
				return PostKind.valueOf(get("postKind"));
			} catch (IllegalArgumentException e) {
				throw ProblemException.invalid("postKind", "岗位类别应为以下之一：" + Arrays.stream(PostKind.values())
						.map(k -> k.displayName() + "（" + k.name() + "）").collect(java.util.stream.Collectors.joining("、")),
						"postKind must be one of " + List.of(PostKind.values()));
			}
		}

		/** A row for someone already registered may repeat the person's fields, but not contradict them. */
		void agrees(Person p) {
			check("name", p.name());
			check("gender", p.gender());
			check("birthDate", p.birthDate() == null ? null : p.birthDate().toString(), date("birthDate"));
			check("phone", p.phone());
			check("education", p.education());
			check("partyMemberSince", p.partyMemberSince() == null ? null : p.partyMemberSince().toString(), date("partyMemberSince"));
		}

		private void check(String column, String registered) {
			String v = get(column);
			if (v != null && !v.equals(registered)) {
				throw ProblemException.invalid(column, column + " 为“" + v + "”，与已登记人员的“" + registered + "”不一致",
						column + " '" + v + "' differs from the registered person's '" + registered + "'");
			}
		}

		private void check(String column, String registered, LocalDate given) {
			if (given != null && !Objects.equals(given.toString(), registered)) {
				throw ProblemException.invalid(column, column + " 为 " + given + "，与已登记人员的 " + registered + " 不一致",
						column + " " + given + " differs from the registered person's " + registered);
			}
		}
	}

	@Override
	public Table export(String districtId) {
		return store.read(c -> {
			if (Sql.query(c, "SELECT id FROM district WHERE id = ?", rs -> rs.getString(1), districtId).isEmpty()) {
				throw ProblemException.notFound("区", "district", districtId);
			}
			Map<String, String> units = new HashMap<>();
			Sql.query(c, "SELECT id, code FROM street WHERE district_id = ?", rs -> units.put(rs.getString(1), rs.getString(2)), districtId);
			Sql.query(c, "SELECT k.id, s.code || '/' || k.code FROM community k JOIN street s ON s.id = k.street_id WHERE s.district_id = ?",
					rs -> units.put(rs.getString(1), rs.getString(2)), districtId);
			Table out = new Table("roster", TABLE);
			for (Person p : Sql.query(c, PeopleImpl.PERSON + " WHERE district_id = ? ORDER BY name, id", PeopleImpl::person, districtId)) {
				List<Post> posts = Sql.query(c, PeopleImpl.POST + " WHERE person_id = ? ORDER BY start_date, id", PeopleImpl::post, p.id());
				if (posts.isEmpty()) {
					out.row(cells(p, null, null));
				}
				for (Post post : posts) {
					out.row(cells(p, post, units.get(post.unitId())));
				}
			}
			return out;
		});
	}

	/** A row of the export; ID numbers and phones leave masked, like every answer that carries them. */
	private static List<String> cells(Person p, Post post, String unit) {
		return Arrays.asList(p.name(), Masking.mask("idNumber", p.idNumber()), p.gender(), text(p.birthDate()),
				Masking.mask("phone", p.phone()), p.education(), text(p.partyMemberSince()),
				post == null ? null : post.kind().name(), unit, post == null ? null : text(post.startDate()),
				post == null ? null : text(post.endDate()), post == null ? null : post.endReason());
	}

	private static String text(LocalDate d) {
		return d == null ? null : d.toString();
	}
}
