package org.touyan.registry.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.touyan.api.registry.ReferenceCategory;
import org.touyan.api.registry.ReferenceData;
import org.touyan.api.registry.ReferenceInput;
import org.touyan.api.registry.ReferenceKind;
import org.touyan.api.registry.ReferenceVersion;
import org.touyan.api.registry.WorkingGroup;
import org.touyan.api.registry.WorkingGroupInput;
import org.touyan.api.registry.WorkingGroupMember;
import org.touyan.api.registry.WorkingGroupRole;
import org.touyan.api.rest.Fields;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.store.Sql;
import org.touyan.api.store.Store;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * Reference data in the registry schema. A list version is stored whole, as a document that never
 * changes, so a post that links to it always shows the duties it was taken up with.
 */
@Component
public class ReferenceDataImpl implements ReferenceData {

	private static final String VERSION = "SELECT id, district_id, kind, version, effective_from, content_json FROM reference_version";
	private static final Pattern TERM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,19}");
	private static final TypeReference<List<ReferenceCategory>> CATEGORIES = new TypeReference<>() {
	};

	private final Store store;

	@Activate
	public ReferenceDataImpl(@Reference(target = "(touyan.schema=registry)") Store store) {
		this.store = store;
	}

	@Override
	public List<ReferenceVersion> versions(String districtId, ReferenceKind kind) {
		return store.read(c -> {
			requireDistrict(c, districtId);
			return Sql.query(c, VERSION + " WHERE district_id = ? AND kind = ? ORDER BY version",
					ReferenceDataImpl::version, districtId, kind.name());
		});
	}

	@Override
	public Optional<ReferenceVersion> inForce(String districtId, ReferenceKind kind, LocalDate date) {
		return store.read(c -> {
			requireDistrict(c, districtId);
			return inForce(c, districtId, kind, date);
		});
	}

	/** The latest version that took effect on or before {@code date}. */
	static Optional<ReferenceVersion> inForce(Connection c, String districtId, ReferenceKind kind, LocalDate date) throws SQLException {
		return Sql.query(c, VERSION + " WHERE district_id = ? AND kind = ? AND effective_from <= ? ORDER BY effective_from DESC,"
				+ " version DESC LIMIT 1", ReferenceDataImpl::version, districtId, kind.name(), Date.valueOf(date)).stream().findFirst();
	}

	@Override
	public Optional<ReferenceVersion> version(String id) {
		return store.read(c -> Sql.one(c, VERSION + " WHERE id = ?", ReferenceDataImpl::version, id));
	}

	@Override
	public ReferenceVersion addVersion(String districtId, ReferenceKind kind, ReferenceInput input, String actor) {
		String who = Validation.actor(actor);
		Fields.body(input);
		if (input.effectiveFrom() == null) {
			throw Fields.missing("effectiveFrom");
		}
		List<ReferenceCategory> categories = categories(input.categories());
		return store.write(c -> {
			requireDistrict(c, districtId);
			// serialises new versions of one district, so two cannot take the same number
			Sql.lock(c, "district", districtId);
			List<ReferenceVersion> all = Sql.query(c, VERSION + " WHERE district_id = ? AND kind = ? ORDER BY version DESC",
					ReferenceDataImpl::version, districtId, kind.name());
			int number = 1;
			if (!all.isEmpty()) {
				ReferenceVersion latest = all.get(0);
				if (!input.effectiveFrom().isAfter(latest.effectiveFrom())) {
					throw ProblemException.invalid("effectiveFrom", "新版本的生效日期须晚于第 " + latest.version() + " 版（"
							+ latest.effectiveFrom() + " 起生效）", "a new version takes effect after version " + latest.version()
							+ " (" + latest.effectiveFrom() + ")");
				}
				number = latest.version() + 1;
			}
			ReferenceVersion v = new ReferenceVersion(UUID.randomUUID().toString(), districtId, kind, number, input.effectiveFrom(),
					categories);
			Sql.update(c, "INSERT INTO reference_version (id, district_id, kind, version, effective_from, content_json,"
					+ " created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", "effectiveFrom", "该版本号已存在",
					v.id(), districtId, kind.name(), number, Date.valueOf(v.effectiveFrom()), ArchiveLog.json(categories),
					Sql.now(), who);
			return v;
		});
	}

	private static List<ReferenceCategory> categories(List<ReferenceCategory> input) {
		if (input == null || input.isEmpty()) {
			throw ProblemException.invalid("categories", "清单至少须有一个类别", "a list has at least one category");
		}
		List<ReferenceCategory> valid = new ArrayList<>();
		for (int i = 0; i < input.size(); i++) {
			ReferenceCategory cat = input.get(i);
			String field = "categories[" + i + "]";
			if (cat == null) {
				throw Fields.missing(field);
			}
			String name = Validation.text(field + ".name", cat.name(), 100, true);
			if (cat.items() == null || cat.items().isEmpty()) {
				throw ProblemException.invalid(field + ".items", "每个类别至少须有一项内容", "a category has at least one item");
			}
			List<String> items = new ArrayList<>();
			for (int j = 0; j < cat.items().size(); j++) {
				items.add(Validation.text(field + ".items[" + j + "]", cat.items().get(j), 500, true));
			}
			valid.add(new ReferenceCategory(name, List.copyOf(items)));
		}
		return List.copyOf(valid);
	}

	@Override
	public List<WorkingGroup> workingGroups(String streetId) {
		return store.read(c -> {
			requireStreet(c, streetId);
			List<WorkingGroup> groups = new ArrayList<>();
			for (String[] g : Sql.query(c, "SELECT id, term FROM working_group WHERE street_id = ? ORDER BY term",
					rs -> new String[] { rs.getString(1), rs.getString(2) }, streetId)) {
				groups.add(new WorkingGroup(g[0], streetId, g[1], members(c, g[0])));
			}
			return groups;
		});
	}

	@Override
	public WorkingGroup createWorkingGroup(String streetId, WorkingGroupInput input, String actor) {
		String who = Validation.actor(actor);
		Fields.body(input);
		if (input.term() == null || !TERM.matcher(input.term()).matches()) {
			throw ProblemException.invalid("term", "届期应写明换届年份，如 2026：1 至 20 位字母、数字或“-”",
					"term names the election, e.g. 2026: 1 to 20 letters, digits or '-'");
		}
		List<WorkingGroupMember> members = input.members() == null ? List.of() : input.members();
		if (members.size() != WorkingGroupRole.values().length) {
			throw ProblemException.invalid("members", "五人工作小组须有五名成员，每种分工一人",
					"the working group has exactly five members, one for each role");
		}
		Set<WorkingGroupRole> roles = new HashSet<>();
		Set<String> people = new HashSet<>();
		for (int i = 0; i < members.size(); i++) {
			WorkingGroupMember m = members.get(i);
			if (m == null || m.role() == null || !roles.add(m.role())) {
				throw ProblemException.invalid("members[" + i + "].role", "五种分工须各由一人担任，不能缺少或重复",
						"each of the five roles is filled once");
			}
			if (m.personId() == null || !people.add(m.personId())) {
				throw ProblemException.invalid("members[" + i + "].personId", "五种分工须由五名不同的人员担任",
						"five different people fill the five roles");
			}
		}
		String id = UUID.randomUUID().toString();
		return store.write(c -> {
			String districtId = requireStreet(c, streetId);
			Sql.update(c, "INSERT INTO working_group (id, street_id, term, created_at) VALUES (?, ?, ?, ?)", "term",
					"本街道已组建 " + input.term() + " 届五人工作小组", id, streetId, input.term(), Sql.now());
			for (int i = 0; i < members.size(); i++) {
				WorkingGroupMember m = members.get(i);
				List<String> home = Sql.query(c, "SELECT district_id FROM person WHERE id = ?", rs -> rs.getString(1), m.personId());
				if (home.isEmpty() || !home.get(0).equals(districtId)) {
					throw ProblemException.invalid("members[" + i + "].personId", "本区没有这名人员：" + m.personId(),
							"no person with id '" + m.personId() + "' in the district");
				}
				Sql.update(c, "INSERT INTO working_group_member (group_id, role, person_id) VALUES (?, ?, ?)", null, null,
						id, m.role().name(), m.personId());
				ArchiveLog.append(c, m.personId(), who, "working-group.appointed", "working-group/" + id, null,
						java.util.Map.of("streetId", streetId, "term", input.term(), "role", m.role().name(),
								"holder", m.role().holder(), "duty", m.role().duty()));
			}
			return new WorkingGroup(id, streetId, input.term(), members(c, id));
		});
	}

	private static List<WorkingGroupMember> members(Connection c, String groupId) throws SQLException {
		List<WorkingGroupMember> members = new ArrayList<>(Sql.query(c, "SELECT role, person_id FROM working_group_member WHERE group_id = ?",
				rs -> new WorkingGroupMember(WorkingGroupRole.valueOf(rs.getString(1)), rs.getString(2)), groupId));
		members.sort((a, b) -> a.role().compareTo(b.role()));
		return members;
	}

	private static void requireDistrict(Connection c, String districtId) throws SQLException {
		if (Sql.query(c, "SELECT id FROM district WHERE id = ?", rs -> rs.getString(1), districtId).isEmpty()) {
			throw ProblemException.notFound("区", "district", districtId);
		}
	}

	/** The street's district; 404 for an unknown street. */
	private static String requireStreet(Connection c, String streetId) throws SQLException {
		return Sql.query(c, "SELECT district_id FROM street WHERE id = ?", rs -> rs.getString(1), streetId).stream()
				.findFirst().orElseThrow(() -> ProblemException.notFound("街道", "street", streetId));
	}

	private static ReferenceVersion version(ResultSet rs) throws SQLException {
		return new ReferenceVersion(rs.getString(1), rs.getString(2), ReferenceKind.valueOf(rs.getString(3)), rs.getInt(4),
				rs.getDate(5).toLocalDate(), ArchiveLog.read(rs.getString(6), CATEGORIES));
	}
}
