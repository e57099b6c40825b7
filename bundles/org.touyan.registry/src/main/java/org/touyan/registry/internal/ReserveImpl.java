package org.touyan.registry.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.touyan.api.registry.AssistantCoverage;
import org.touyan.api.registry.Community;
import org.touyan.api.registry.Person;
import org.touyan.api.registry.PostKind;
import org.touyan.api.registry.Reserve;
import org.touyan.api.registry.ReserveChange;
import org.touyan.api.registry.ReserveEntry;
import org.touyan.api.registry.ReserveMember;
import org.touyan.api.registry.ReserveMembership;
import org.touyan.api.registry.ReserveTier;
import org.touyan.api.rest.Fields;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.Preconditions;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.store.Sql;
import org.touyan.api.store.Store;

/**
 * The reserve pipeline in the registry schema. A person has at most one current stay; every change
 * ends or starts a stay (never edits one) and appends to the person's archive in the same transaction.
 */
@Component
public class ReserveImpl implements Reserve {

	private static final String MEMBERSHIP = "SELECT m.id, m.person_id, m.tier, m.street_id, m.entered_on, m.entry_reason,"
			+ " m.left_on, m.leave_reason FROM reserve_membership m";

	private final Store store;

	@Activate
	public ReserveImpl(@Reference(target = "(touyan.schema=registry)") Store store) {
		this.store = store;
	}

	@Override
	public Page<ReserveMember> pool(Query query, Paging paging) {
		LocalDate asOf = query.asOf() == null ? LocalDate.now() : query.asOf();
		StringBuilder where = new StringBuilder(" JOIN person p ON p.id = m.person_id JOIN street s ON s.id = m.street_id"
				+ " WHERE m.left_on IS NULL");
		List<Object> args = new ArrayList<>();
		if (query.districtId() != null) {
			where.append(" AND s.district_id = ?");
			args.add(query.districtId());
		}
		if (query.streetId() != null) {
			where.append(" AND m.street_id = ?");
			args.add(query.streetId());
		}
		if (query.tier() != null) {
			where.append(" AND m.tier = ?");
			args.add(query.tier().name());
		}
		if (query.minAge() != null) {
			if (query.minAge() < 0) {
				throw ProblemException.invalid("minAge", "最小年龄不能小于 0", "minAge must be 0 or more");
			}
			where.append(" AND p.birth_date <= ?");
			args.add(Date.valueOf(asOf.minusYears(query.minAge())));
		}
		if (query.maxAge() != null) {
			if (query.minAge() != null && query.maxAge() < query.minAge()) {
				throw ProblemException.invalid("maxAge", "最大年龄不能小于最小年龄", "maxAge must not be below minAge");
			}
			where.append(" AND p.birth_date > ?");
			args.add(Date.valueOf(asOf.minusYears(query.maxAge() + 1L)));
		}
		String select = MEMBERSHIP.replace(" FROM", ", p.name, p.gender, p.birth_date FROM") + where;
		return store.read(c -> Sql.page(c, select, "p.birth_date DESC, m.id", paging,
				rs -> new ReserveMember(membership(rs), rs.getString(9), rs.getString(10), rs.getDate(11).toLocalDate(),
						Period.between(rs.getDate(11).toLocalDate(), asOf).getYears()), args));
	}

	@Override
	public List<ReserveMembership> memberships(String personId) {
		return store.read(c -> {
			PeopleImpl.requirePerson(c, personId);
			return Sql.query(c, MEMBERSHIP + " WHERE m.person_id = ? ORDER BY m.entered_on, m.created_at",
					ReserveImpl::membership, personId);
		});
	}

	@Override
	public Optional<ReserveMembership> membership(String id) {
		return store.read(c -> Sql.one(c, MEMBERSHIP + " WHERE m.id = ?", ReserveImpl::membership, id));
	}

	@Override
	public ReserveMembership enter(String personId, ReserveEntry entry, String actor) {
		String who = Validation.actor(actor);
		Fields.body(entry);
		if (entry.tier() == null) {
			throw ProblemException.invalid("tier", "请选择储备梯队：两委后备（COMMITTEE_RESERVE）或书记后备（SECRETARY_RESERVE）",
					"tier (COMMITTEE_RESERVE or SECRETARY_RESERVE) is required");
		}
		String street = Validation.required("streetId", entry.streetId());
		LocalDate date = required("date", entry.date());
		String reason = Validation.text("reason", entry.reason(), 200, true);
		return store.write(c -> {
			Person person = PeopleImpl.openPerson(c, personId);
			List<String> district = Sql.query(c, "SELECT district_id FROM street WHERE id = ?", rs -> rs.getString(1), street);
			if (district.isEmpty() || !district.get(0).equals(person.districtId())) {
				throw ProblemException.invalid("streetId", "此人所在区没有这个街道：" + street,
						"no street with id '" + street + "' in the person's district");
			}
			admissible(c, person, entry.tier(), date);
			return start(c, personId, entry.tier(), street, date, reason, who, "reserve.entered");
		});
	}

	@Override
	public ReserveMembership promote(String membershipId, ReserveChange change, String actor, String ifMatch) {
		String who = Validation.actor(actor);
		LocalDate date = required("date", change == null ? null : change.date());
		String reason = Validation.text("reason", change.reason(), 200, true);
		return store.write(c -> {
			ReserveMembership current = current(c, membershipId, date, ifMatch);
			if (current.tier() != ReserveTier.COMMITTEE_RESERVE) {
				throw new ProblemException(409, "Conflict", "只有两委后备（COMMITTEE_RESERVE）才能晋升为书记后备（SECRETARY_RESERVE）",
						"only a committee reserve (两委后备) is promoted, to the secretary reserve (书记后备)", null);
			}
			admissible(c, PeopleImpl.openPerson(c, current.personId()), ReserveTier.SECRETARY_RESERVE, date);
			end(c, current, date, "晋升为书记后备：" + reason, who, "reserve.promoted");
			return start(c, current.personId(), ReserveTier.SECRETARY_RESERVE, current.streetId(), date, reason, who, "reserve.entered");
		});
	}

	@Override
	public ReserveMembership leave(String membershipId, ReserveChange change, String actor, String ifMatch) {
		String who = Validation.actor(actor);
		LocalDate date = required("date", change == null ? null : change.date());
		String reason = Validation.text("reason", change.reason(), 200, true);
		return store.write(c -> end(c, current(c, membershipId, date, ifMatch), date, reason, who, "reserve.left"));
	}

	@Override
	public AssistantCoverage assistantCoverage(String districtId) {
		return store.read(c -> {
			if (Sql.query(c, "SELECT id FROM district WHERE id = ?", rs -> rs.getString(1), districtId).isEmpty()) {
				throw ProblemException.notFound("区", "district", districtId);
			}
			long all = Sql.query(c, "SELECT COUNT(*) FROM community k JOIN street s ON s.id = k.street_id WHERE s.district_id = ?",
					rs -> rs.getLong(1), districtId).get(0);
			List<Community> lacking = Sql.query(c, "SELECT k.id, k.street_id, k.code, k.name, k.name_en FROM community k"
					+ " JOIN street s ON s.id = k.street_id WHERE s.district_id = ? AND NOT EXISTS (SELECT 1 FROM post p"
					+ " WHERE p.unit_id = k.id AND p.kind = ? AND p.end_date IS NULL) ORDER BY s.code, k.code",
					rs -> new Community(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
					districtId, PostKind.SECRETARY_ASSISTANT.name());
			return new AssistantCoverage(districtId, (int) all, (int) all - lacking.size(), lacking);
		});
	}

	/**
	 * The entry rule of a tier on a date (雏雁储备): the committee reserve takes community workers born
	 * on or after the district's {@code committeeReserveBornFrom}; the secretary reserve takes people
	 * holding a current 两委 post ({@code COMMITTEE_MEMBER}). A refusal is a 422 naming the rule.
	 */
	static void admissible(Connection c, Person person, ReserveTier tier, LocalDate date) throws SQLException {
		if (tier == ReserveTier.COMMITTEE_RESERVE) {
			LocalDate bornFrom = Sql.query(c, "SELECT committee_reserve_born_from FROM district WHERE id = ?",
					rs -> rs.getDate(1).toLocalDate(), person.districtId()).get(0);
			if (person.birthDate().isBefore(bornFrom)) {
				throw new ProblemException(422, "Committee reserve age rule", "两委后备只吸纳本区年龄条件内的社区工作者：须在 " + bornFrom
						+ " 及以后出生（区设置 committeeReserveBornFrom），" + person.name() + " 生于 " + person.birthDate(), "tier");
			}
		} else {
			long serving = Sql.query(c, "SELECT COUNT(*) FROM post WHERE person_id = ? AND kind = ? AND start_date <= ?"
					+ " AND (end_date IS NULL OR end_date > ?)", rs -> rs.getLong(1), person.id(), PostKind.COMMITTEE_MEMBER.name(),
					Date.valueOf(date), Date.valueOf(date)).get(0);
			if (serving == 0) {
				throw new ProblemException(422, "Secretary reserve needs a committee post", "书记后备只吸纳现任社区“两委”成员（COMMITTEE_MEMBER）："
						+ person.name() + " 在 " + date + " 没有现任两委职务", "tier");
			}
		}
	}

	/** The current stay, locked, that a change on {@code date} applies to. */
	private static ReserveMembership current(Connection c, String id, LocalDate date, String ifMatch) throws SQLException {
		if (Sql.update(c, "UPDATE reserve_membership SET updated_at = updated_at WHERE id = ?", null, null, id) == 0) {
			throw ProblemException.notFound("储备记录", "reserve membership", id);
		}
		ReserveMembership m = Sql.one(c, MEMBERSHIP + " WHERE m.id = ?", ReserveImpl::membership, id).orElseThrow();
		// under the row lock just taken: a second change of this stay compares with what the first wrote
		Preconditions.check(ifMatch, m);
		if (m.leftOn() != null) {
			throw new ProblemException(409, "Conflict", "该储备记录已于 " + m.leftOn() + " 结束",
					"this stay in the reserve ended on " + m.leftOn() + " already", null);
		}
		PeopleImpl.openPerson(c, m.personId());
		if (date.isBefore(m.enteredOn())) {
			throw ProblemException.invalid("date", "日期 " + date + " 早于入库日期 " + m.enteredOn(),
					"date " + date + " is before the stay began on " + m.enteredOn());
		}
		return m;
	}

	private static ReserveMembership start(Connection c, String personId, ReserveTier tier, String street, LocalDate date,
			String reason, String who, String action) throws SQLException {
		ReserveMembership m = new ReserveMembership(UUID.randomUUID().toString(), personId, tier, street, date, reason, null, null);
		// appending first takes the person row's lock, which serialises the check below with other writers for the person
		ArchiveLog.append(c, personId, who, action, "reserve/" + m.id(), null, m);
		List<ReserveMembership> open = Sql.query(c, MEMBERSHIP + " WHERE m.person_id = ? AND m.left_on IS NULL",
				ReserveImpl::membership, personId);
		if (!open.isEmpty()) {
			throw new ProblemException(409, "Conflict", "此人自 " + open.get(0).enteredOn() + " 起已是" + open.get(0).tier().displayName()
					+ "（" + open.get(0).tier().name() + "），请先办理晋升或退出储备", "the person is in the " + open.get(0).tier() + " since "
					+ open.get(0).enteredOn() + " already; promote or leave that stay first", null);
		}
		Sql.update(c, "INSERT INTO reserve_membership (id, person_id, tier, street_id, entered_on, entry_reason, created_at, updated_at)"
				+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", null, null, m.id(), personId, tier.name(), street, Date.valueOf(date), reason,
				Sql.now(), Sql.now());
		return m;
	}

	private static ReserveMembership end(Connection c, ReserveMembership m, LocalDate date, String reason, String who, String action)
			throws SQLException {
		ReserveMembership ended = new ReserveMembership(m.id(), m.personId(), m.tier(), m.streetId(), m.enteredOn(), m.entryReason(),
				date, reason);
		ArchiveLog.append(c, m.personId(), who, action, "reserve/" + m.id(), m, ended);
		Sql.update(c, "UPDATE reserve_membership SET left_on = ?, leave_reason = ?, updated_at = ? WHERE id = ?", null, null,
				Date.valueOf(date), reason, Sql.now(), m.id());
		return ended;
	}

	private static LocalDate required(String field, LocalDate value) {
		if (value == null) {
			throw Fields.missing(field);
		}
		return value;
	}

	private static ReserveMembership membership(ResultSet rs) throws SQLException {
		Date left = rs.getDate(7);
		return new ReserveMembership(rs.getString(1), rs.getString(2), ReserveTier.valueOf(rs.getString(3)), rs.getString(4),
				rs.getDate(5).toLocalDate(), rs.getString(6), left == null ? null : left.toLocalDate(), rs.getString(8));
	}
}
