package org.touyan.registry.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.touyan.api.registry.Community;
import org.touyan.api.registry.Department;
import org.touyan.api.registry.DepartmentInput;
import org.touyan.api.registry.District;
import org.touyan.api.registry.DistrictSettings;
import org.touyan.api.registry.JointCommittee;
import org.touyan.api.registry.JointCommitteeInput;
import org.touyan.api.registry.OrgUnits;
import org.touyan.api.registry.Street;
import org.touyan.api.registry.UnitInput;
import org.touyan.api.rest.Fields;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.Preconditions;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.store.Sql;
import org.touyan.api.store.Store;

/** Organisation units in the registry schema: the rules of each kind of unit; every write is one transaction. */
@Component
public class OrgUnitsImpl implements OrgUnits {

	private final Store store;

	@Activate
	public OrgUnitsImpl(@Reference(target = "(touyan.schema=registry)") Store store) {
		this.store = store;
	}

	@Override
	public Page<District> districts(Paging paging) {
		return store.read(c -> Sql.page(c, "SELECT id, code, name, name_en FROM district", "code", paging, OrgUnitsImpl::district,
				List.of()));
	}

	@Override
	public Optional<District> district(String id) {
		return store.read(c -> Sql.one(c, "SELECT id, code, name, name_en FROM district WHERE id = ?", OrgUnitsImpl::district, id));
	}

	@Override
	public District createDistrict(UnitInput input) {
		UnitInput in = Validation.unit(input);
		if (in.parentId() != null) {
			throw ProblemException.invalid("parentId", "区没有上级单位", "a district has no parent");
		}
		String id = UUID.randomUUID().toString();
		store.write(c -> Sql.update(c, "INSERT INTO district (id, code, name, name_en, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
				"code", "区代码 " + in.code() + " 已被使用",
				id, in.code(), in.name(), in.nameEn(), Sql.now(), Sql.now()));
		return new District(id, in.code(), in.name(), in.nameEn());
	}

	@Override
	public District updateDistrict(String id, UnitInput input, String ifMatch) {
		UnitInput in = Validation.unit(input);
		if (in.parentId() != null) {
			throw ProblemException.invalid("parentId", "区没有上级单位", "a district has no parent");
		}
		return store.write(c -> {
			Sql.lock(c, "district", id);
			Preconditions.check(ifMatch, Sql.one(c, "SELECT id, code, name, name_en FROM district WHERE id = ?", OrgUnitsImpl::district, id)
					.orElseThrow(() -> ProblemException.notFound("区", "district", id)));
			Sql.update(c, "UPDATE district SET code = ?, name = ?, name_en = ?, updated_at = ? WHERE id = ?",
					"code", "区代码 " + in.code() + " 已被使用",
					in.code(), in.name(), in.nameEn(), Sql.now(), id);
			return new District(id, in.code(), in.name(), in.nameEn());
		});
	}

	@Override
	public Page<Street> streets(String districtId, Paging paging) {
		String where = districtId == null ? "" : " WHERE district_id = ?";
		return store.read(c -> Sql.page(c, "SELECT id, district_id, code, name, name_en FROM street" + where, "code", paging,
				OrgUnitsImpl::street, List.of(Sql.args(districtId))));
	}

	@Override
	public Optional<Street> street(String id) {
		return store.read(c -> Sql.one(c, "SELECT id, district_id, code, name, name_en FROM street WHERE id = ?", OrgUnitsImpl::street, id));
	}

	@Override
	public Street createStreet(UnitInput input) {
		UnitInput in = Validation.unit(input);
		String id = UUID.randomUUID().toString();
		store.write(c -> {
			requireDistrict(c, in.parentId());
			return Sql.update(c, "INSERT INTO street (id, district_id, code, name, name_en, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
					"code", "本区已有代码为 " + in.code() + " 的街道",
					id, in.parentId(), in.code(), in.name(), in.nameEn(), Sql.now(), Sql.now());
		});
		return new Street(id, in.parentId(), in.code(), in.name(), in.nameEn());
	}

	@Override
	public Street updateStreet(String id, UnitInput input, String ifMatch) {
		UnitInput in = Validation.unit(input);
		return store.write(c -> {
			Sql.lock(c, "street", id);
			Street current = Sql.one(c, "SELECT id, district_id, code, name, name_en FROM street WHERE id = ?", OrgUnitsImpl::street, id)
					.orElseThrow(() -> ProblemException.notFound("街道", "street", id));
			Preconditions.check(ifMatch, current);
			if (in.parentId() != null && !in.parentId().equals(current.districtId())) {
				throw ProblemException.invalid("parentId", "街道不能转到其他区", "a street cannot move to another district");
			}
			Sql.update(c, "UPDATE street SET code = ?, name = ?, name_en = ?, updated_at = ? WHERE id = ?",
					"code", "本区已有代码为 " + in.code() + " 的街道",
					in.code(), in.name(), in.nameEn(), Sql.now(), id);
			return new Street(id, current.districtId(), in.code(), in.name(), in.nameEn());
		});
	}

	@Override
	public DistrictSettings settings(String districtId) {
		return store.read(c -> settings(c, districtId));
	}

	private static DistrictSettings settings(Connection c, String districtId) throws SQLException {
		List<DistrictSettings> found = Sql.query(c, "SELECT joint_may_span_streets, eligibility_rule_set, committee_reserve_born_from"
				+ " FROM district WHERE id = ?", rs -> new DistrictSettings(rs.getBoolean(1), rs.getString(2), rs.getDate(3).toLocalDate()),
				districtId);
		if (found.isEmpty()) {
			throw ProblemException.notFound("区", "district", districtId);
		}
		return found.get(0);
	}

	@Override
	public DistrictSettings updateSettings(String districtId, DistrictSettings settings, String ifMatch) {
		Fields.body(settings);
		String ruleSet = Validation.text("eligibilityRuleSet", settings.eligibilityRuleSet(), 50, false);
		if (ruleSet != null && !ruleSet.matches("[a-z0-9][a-z0-9-]*")) {
			throw ProblemException.invalid("eligibilityRuleSet", "资格审查规则集应为策略 id：小写字母、数字或“-”",
					"eligibilityRuleSet is a policy id: lower-case letters, digits and '-'");
		}
		LocalDate bornFrom = settings.committeeReserveBornFrom();
		if (bornFrom != null && (bornFrom.getYear() < 1900 || bornFrom.isAfter(LocalDate.now()))) {
			throw ProblemException.invalid("committeeReserveBornFrom", "committeeReserveBornFrom（两委后备的出生日期下限）须在1900年之后且不晚于今天");
		}
		return store.write(c -> {
			Sql.lock(c, "district", districtId);
			DistrictSettings stored = settings(c, districtId);
			Preconditions.check(ifMatch, stored);
			LocalDate rule = bornFrom == null ? stored.committeeReserveBornFrom() : bornFrom;
			if (!settings.jointCommitteesMaySpanStreets()) {
				List<String> spanning = Sql.query(c, "SELECT j.code FROM joint_committee j"
						+ " JOIN joint_committee_member m ON m.committee_id = j.id JOIN community k ON k.id = m.community_id"
						+ " WHERE j.district_id = ? GROUP BY j.code HAVING COUNT(DISTINCT k.street_id) > 1 ORDER BY j.code",
						rs -> rs.getString(1), districtId);
				if (!spanning.isEmpty()) {
					throw new ProblemException(409, "Conflict", "联合党委 " + spanning + " 跨街道组建，请先调整再禁止跨街道",
							"joint committees " + spanning + " span streets; regroup them before forbidding it", "jointCommitteesMaySpanStreets");
				}
			}
			Sql.update(c, "UPDATE district SET joint_may_span_streets = ?, eligibility_rule_set = ?, committee_reserve_born_from = ?,"
					+ " updated_at = ? WHERE id = ?", null, null, settings.jointCommitteesMaySpanStreets(), ruleSet, Date.valueOf(rule), Sql.now(),
					districtId);
			return new DistrictSettings(settings.jointCommitteesMaySpanStreets(), ruleSet, rule);
		});
	}

	private static final String COMMUNITY = "SELECT k.id, k.street_id, k.code, k.name, k.name_en FROM community k";

	@Override
	public Page<Community> communities(String districtId, String streetId, Paging paging) {
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		List<Object> args = new ArrayList<>();
		if (districtId != null) {
			where.append(" AND k.street_id IN (SELECT id FROM street WHERE district_id = ?)");
			args.add(districtId);
		}
		if (streetId != null) {
			where.append(" AND k.street_id = ?");
			args.add(streetId);
		}
		return store.read(c -> Sql.page(c, COMMUNITY + where, "k.code, k.id", paging, OrgUnitsImpl::community, args));
	}

	@Override
	public Optional<Community> community(String id) {
		return store.read(c -> Sql.one(c, COMMUNITY + " WHERE k.id = ?", OrgUnitsImpl::community, id));
	}

	@Override
	public Community createCommunity(UnitInput input) {
		UnitInput in = Validation.unit(input);
		if (in.parentId() == null) {
			throw ProblemException.invalid("parentId", "请选择社区所属街道", "parentId (the community's street) is required");
		}
		String id = UUID.randomUUID().toString();
		store.write(c -> {
			if (street(c, in.parentId()).isEmpty()) {
				throw ProblemException.invalid("parentId", "没有这个街道：" + in.parentId(), "no street with id '" + in.parentId() + "'");
			}
			return Sql.update(c, "INSERT INTO community (id, street_id, code, name, name_en, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
					"code", "本街道已有代码为 " + in.code() + " 的社区",
					id, in.parentId(), in.code(), in.name(), in.nameEn(), Sql.now(), Sql.now());
		});
		return new Community(id, in.parentId(), in.code(), in.name(), in.nameEn());
	}

	@Override
	public Community updateCommunity(String id, UnitInput input, String ifMatch) {
		UnitInput in = Validation.unit(input);
		return store.write(c -> {
			Sql.lock(c, "community", id);
			Community current = Sql.one(c, COMMUNITY + " WHERE k.id = ?", OrgUnitsImpl::community, id)
					.orElseThrow(() -> ProblemException.notFound("社区", "community", id));
			Preconditions.check(ifMatch, current);
			if (in.parentId() != null && !in.parentId().equals(current.streetId())) {
				throw ProblemException.invalid("parentId", "社区只属于一个街道，不能调整所属街道", "a community belongs to exactly one street and cannot move");
			}
			Sql.update(c, "UPDATE community SET code = ?, name = ?, name_en = ?, updated_at = ? WHERE id = ?",
					"code", "本街道已有代码为 " + in.code() + " 的社区",
					in.code(), in.name(), in.nameEn(), Sql.now(), id);
			return new Community(id, current.streetId(), in.code(), in.name(), in.nameEn());
		});
	}

	@Override
	public void deleteCommunity(String id, String ifMatch) {
		store.write(c -> {
			Sql.lock(c, "community", id);
			Preconditions.check(ifMatch, Sql.one(c, COMMUNITY + " WHERE k.id = ?", OrgUnitsImpl::community, id)
					.orElseThrow(() -> ProblemException.notFound("社区", "community", id)));
			if (Sql.count(c, "SELECT COUNT(*) FROM post WHERE unit_id = ?", id) > 0) {
				throw new ProblemException(409, "Conflict", "该社区有任职记录，历史须保留，不能删除",
						"the community has posts on record, and history is kept: it cannot be deleted", null);
			}
			return Sql.update(c, "DELETE FROM community WHERE id = ?", null,
					"该社区属于联合党委或有备案记录，不能删除", id);
		});
	}

	private static final String JOINT = "SELECT id, district_id, code, name, name_en FROM joint_committee";

	@Override
	public Page<JointCommittee> jointCommittees(String districtId, Paging paging) {
		List<Object> args = districtId == null ? List.of() : List.of(districtId);
		return store.read(c -> {
			Page<JointCommittee> p = Sql.page(c, JOINT + (districtId == null ? "" : " WHERE district_id = ?"), "code, id",
					paging, OrgUnitsImpl::jointCommittee, args);
			List<JointCommittee> items = new ArrayList<>();
			for (JointCommittee j : p.items()) {
				items.add(withMembers(c, j));
			}
			return new Page<>(items, p.total(), p.offset(), p.limit());
		});
	}

	@Override
	public Optional<JointCommittee> jointCommittee(String id) {
		return store.read(c -> {
			Optional<JointCommittee> j = Sql.one(c, JOINT + " WHERE id = ?", OrgUnitsImpl::jointCommittee, id);
			return j.isPresent() ? Optional.of(withMembers(c, j.get())) : j;
		});
	}

	@Override
	public JointCommittee createJointCommittee(JointCommitteeInput input) {
		JointCommitteeInput in = Validation.jointCommittee(input);
		String id = UUID.randomUUID().toString();
		return store.write(c -> {
			checkMembers(c, in);
			Sql.update(c, "INSERT INTO joint_committee (id, district_id, code, name, name_en, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
					"code", "本区已有代码为 " + in.code() + " 的联合党委",
					id, in.districtId(), in.code(), in.name(), in.nameEn(), Sql.now(), Sql.now());
			insertMembers(c, id, in.communityIds());
			return withMembers(c, new JointCommittee(id, in.districtId(), in.code(), in.name(), in.nameEn(), List.of()));
		});
	}

	@Override
	public JointCommittee updateJointCommittee(String id, JointCommitteeInput input, String ifMatch) {
		JointCommitteeInput in = Validation.jointCommittee(input);
		return store.write(c -> {
			Sql.lock(c, "joint_committee", id);
			JointCommittee current = Sql.one(c, JOINT + " WHERE id = ?", OrgUnitsImpl::jointCommittee, id)
					.orElseThrow(() -> ProblemException.notFound("联合党委", "joint committee", id));
			Preconditions.check(ifMatch, withMembers(c, current));
			if (!in.districtId().equals(current.districtId())) {
				throw ProblemException.invalid("districtId", "联合党委不能转到其他区", "a joint committee cannot move to another district");
			}
			Sql.update(c, "DELETE FROM joint_committee_member WHERE committee_id = ?", null, null, id);
			checkMembers(c, in);
			Sql.update(c, "UPDATE joint_committee SET code = ?, name = ?, name_en = ?, updated_at = ? WHERE id = ?",
					"code", "本区已有代码为 " + in.code() + " 的联合党委",
					in.code(), in.name(), in.nameEn(), Sql.now(), id);
			insertMembers(c, id, in.communityIds());
			return withMembers(c, new JointCommittee(id, in.districtId(), in.code(), in.name(), in.nameEn(), List.of()));
		});
	}

	@Override
	public void deleteJointCommittee(String id, String ifMatch) {
		store.write(c -> {
			Sql.lock(c, "joint_committee", id);
			Preconditions.check(ifMatch, withMembers(c, Sql.one(c, JOINT + " WHERE id = ?", OrgUnitsImpl::jointCommittee, id)
					.orElseThrow(() -> ProblemException.notFound("联合党委", "joint committee", id))));
			Sql.update(c, "DELETE FROM joint_committee_member WHERE committee_id = ?", null, null, id);
			Sql.update(c, "DELETE FROM joint_committee WHERE id = ?", null, null, id);
			return null;
		});
	}

	/** Every member must be a community of the district, in no other committee, in one street unless allowed. */
	private static void checkMembers(Connection c, JointCommitteeInput in) throws SQLException {
		DistrictSettings settings;
		try {
			settings = settings(c, in.districtId());
		} catch (ProblemException notFound) {
			throw ProblemException.invalid("districtId", "没有这个区：" + in.districtId(), "no district with id '" + in.districtId() + "'");
		}
		java.util.Set<String> streets = new java.util.HashSet<>();
		for (int i = 0; i < in.communityIds().size(); i++) {
			String communityId = in.communityIds().get(i);
			String field = "communityIds[" + i + "]";
			List<String[]> found = Sql.query(c, "SELECT s.district_id, s.id FROM community k JOIN street s ON s.id = k.street_id WHERE k.id = ?",
					rs -> new String[] { rs.getString(1), rs.getString(2) }, communityId);
			if (found.isEmpty() || !found.get(0)[0].equals(in.districtId())) {
				throw ProblemException.invalid(field, "本区没有这个社区：" + communityId, "no community with id '" + communityId + "' in this district");
			}
			streets.add(found.get(0)[1]);
			List<String> other = Sql.query(c, "SELECT j.code FROM joint_committee_member m JOIN joint_committee j ON j.id = m.committee_id WHERE m.community_id = ?",
					rs -> rs.getString(1), communityId);
			if (!other.isEmpty()) {
				throw new ProblemException(409, "Conflict", "社区 " + communityId + " 已属于联合党委 " + other.get(0),
						"community '" + communityId + "' already belongs to joint committee " + other.get(0), field);
			}
		}
		if (streets.size() > 1 && !settings.jointCommitteesMaySpanStreets()) {
			throw ProblemException.invalid("communityIds", "联合党委的社区须属于同一街道：本区不允许跨街道组建", "the communities of a joint committee must belong to one street; the district does not allow spanning streets");
		}
	}

	private static void insertMembers(Connection c, String committeeId, List<String> communityIds) throws SQLException {
		for (String communityId : communityIds) {
			Sql.update(c, "INSERT INTO joint_committee_member (committee_id, community_id) VALUES (?, ?)",
					"communityIds", "社区 " + communityId + " 已属于一个联合党委", committeeId, communityId);
		}
	}

	private static JointCommittee withMembers(Connection c, JointCommittee j) throws SQLException {
		List<String> members = Sql.query(c, "SELECT k.id FROM joint_committee_member m JOIN community k ON k.id = m.community_id"
				+ " WHERE m.committee_id = ? ORDER BY k.code, k.id", rs -> rs.getString(1), j.id());
		return new JointCommittee(j.id(), j.districtId(), j.code(), j.name(), j.nameEn(), List.copyOf(members));
	}

	private static final String DEPARTMENT = "SELECT id, district_id, code, name, name_en, scores, vets FROM department";

	@Override
	public Page<Department> departments(String districtId, Boolean scores, Boolean vets, Paging paging) {
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		List<Object> args = new ArrayList<>();
		if (districtId != null) {
			where.append(" AND district_id = ?");
			args.add(districtId);
		}
		if (scores != null) {
			where.append(" AND scores = ?");
			args.add(scores);
		}
		if (vets != null) {
			where.append(" AND vets = ?");
			args.add(vets);
		}
		return store.read(c -> Sql.page(c, DEPARTMENT + where, "code, id", paging, OrgUnitsImpl::department, args));
	}

	@Override
	public Optional<Department> department(String id) {
		return store.read(c -> Sql.one(c, DEPARTMENT + " WHERE id = ?", OrgUnitsImpl::department, id));
	}

	@Override
	public Department createDepartment(DepartmentInput input) {
		Department d = Validation.department(UUID.randomUUID().toString(), input);
		store.write(c -> {
			if (Sql.one(c, "SELECT id FROM district WHERE id = ?", rs -> rs.getString(1), d.districtId()).isEmpty()) {
				throw ProblemException.invalid("districtId", "没有这个区：" + d.districtId(), "no district with id '" + d.districtId() + "'");
			}
			return Sql.update(c, "INSERT INTO department (id, district_id, code, name, name_en, scores, vets, created_at, updated_at)"
					+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", "code", "本区已有代码为 " + d.code() + " 的部门",
					d.id(), d.districtId(), d.code(), d.name(), d.nameEn(), d.scores(), d.vets(), Sql.now(), Sql.now());
		});
		return d;
	}

	@Override
	public Department updateDepartment(String id, DepartmentInput input, String ifMatch) {
		Department d = Validation.department(id, input);
		return store.write(c -> {
			Sql.lock(c, "department", id);
			Department current = Sql.one(c, DEPARTMENT + " WHERE id = ?", OrgUnitsImpl::department, id)
					.orElseThrow(() -> ProblemException.notFound("部门", "department", id));
			Preconditions.check(ifMatch, current);
			if (!current.districtId().equals(d.districtId())) {
				throw ProblemException.invalid("districtId", "部门不能转到其他区", "a department cannot move to another district");
			}
			Sql.update(c, "UPDATE department SET code = ?, name = ?, name_en = ?, scores = ?, vets = ?, updated_at = ? WHERE id = ?",
					"code", "本区已有代码为 " + d.code() + " 的部门",
					d.code(), d.name(), d.nameEn(), d.scores(), d.vets(), Sql.now(), id);
			return d;
		});
	}

	@Override
	public void deleteDepartment(String id, String ifMatch) {
		store.write(c -> {
			Sql.lock(c, "department", id);
			Preconditions.check(ifMatch, Sql.one(c, DEPARTMENT + " WHERE id = ?", OrgUnitsImpl::department, id)
					.orElseThrow(() -> ProblemException.notFound("部门", "department", id)));
			Sql.update(c, "DELETE FROM department WHERE id = ?", null,
					"该部门已登记联查联审意见，意见须保留，不能删除", id);
			return null;
		});
	}

	private static Optional<Street> street(Connection c, String id) throws SQLException {
		return Sql.one(c, "SELECT id, district_id, code, name, name_en FROM street WHERE id = ?", OrgUnitsImpl::street, id);
	}

	private static Community community(ResultSet rs) throws SQLException {
		return new Community(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
	}

	private static JointCommittee jointCommittee(ResultSet rs) throws SQLException {
		return new JointCommittee(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), List.of());
	}

	private static Department department(ResultSet rs) throws SQLException {
		return new Department(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getBoolean(6), rs.getBoolean(7));
	}

	private static void requireDistrict(Connection c, String districtId) throws SQLException {
		if (districtId == null) {
			throw ProblemException.invalid("parentId", "请选择街道所属的区", "parentId (the street's district) is required");
		}
		if (Sql.one(c, "SELECT id, code, name, name_en FROM district WHERE id = ?", OrgUnitsImpl::district, districtId).isEmpty()) {
			throw ProblemException.invalid("parentId", "没有这个区：" + districtId, "no district with id '" + districtId + "'");
		}
	}

	private static District district(ResultSet rs) throws SQLException {
		return new District(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
	}

	private static Street street(ResultSet rs) throws SQLException {
		return new Street(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
	}
}
