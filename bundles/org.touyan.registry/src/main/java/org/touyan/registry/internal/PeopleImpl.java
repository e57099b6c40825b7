package org.touyan.registry.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.touyan.api.registry.ArchiveSeal;
import org.touyan.api.registry.People;
import org.touyan.api.registry.Person;
import org.touyan.api.registry.PersonInput;
import org.touyan.api.registry.Post;
import org.touyan.api.registry.PostEnding;
import org.touyan.api.registry.PostInput;
import org.touyan.api.registry.PostKind;
import org.touyan.api.registry.ReferenceKind;
import org.touyan.api.registry.ReferenceVersion;
import org.touyan.api.registry.SealInput;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Fields;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.Preconditions;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.security.Masking;
import org.touyan.api.store.Sql;
import org.touyan.api.store.Store;

/**
 * People and posts in the registry schema. Each write validates first, then changes the rows and
 * appends the archive entry in one transaction, so a change and its entry exist together or not at
 * all, and a sealed archive stops the change.
 */
@Component
public class PeopleImpl implements People {

	private static final Pattern PHONE = Pattern.compile("[0-9+()\\- ]{5,20}");
	static final String PERSON = "SELECT id, district_id, name, gender, birth_date, id_number, phone, education,"
			+ " party_member_since, sealed_at, sealed_by, seal_reason FROM person";
	static final String POST = "SELECT id, person_id, kind, unit_id, start_date, end_date, end_reason, duty_list_id FROM post";

	private final Store store;

	@Activate
	public PeopleImpl(@Reference(target = "(touyan.schema=registry)") Store store) {
		this.store = store;
	}

	@Override
	public Page<Person> people(String districtId, String streetId, Paging paging) {
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		List<Object> args = new ArrayList<>();
		if (districtId != null) {
			where.append(" AND district_id = ?");
			args.add(districtId);
		}
		if (streetId != null) {
			// a current post in the street itself (street cadre) or in one of its communities
			where.append(" AND id IN (SELECT p.person_id FROM post p LEFT JOIN community k ON k.id = p.unit_id"
					+ " WHERE p.end_date IS NULL AND COALESCE(k.street_id, p.unit_id) = ?)");
			args.add(streetId);
		}
		return store.read(c -> Sql.page(c, PERSON + where, "name, id", paging, PeopleImpl::person, args));
	}

	@Override
	public Optional<Person> person(String id) {
		return store.read(c -> Sql.one(c, PERSON + " WHERE id = ?", PeopleImpl::person, id));
	}

	@Override
	public Person createPerson(PersonInput input, String actor) {
		String who = Validation.actor(actor);
		Person p = validPerson(UUID.randomUUID().toString(), input);
		return store.write(c -> {
			if (Sql.query(c, "SELECT id FROM district WHERE id = ?", rs -> rs.getString(1), p.districtId()).isEmpty()) {
				throw ProblemException.invalid("districtId", "没有这个区：" + p.districtId(), "no district with id '" + p.districtId() + "'");
			}
			return insertPerson(c, p, who);
		});
	}

	/** Registers a validated person on the caller's transaction and opens the archive; imports use it too. */
	static Person insertPerson(Connection c, Person p, String who) throws SQLException {
		Sql.update(c, "INSERT INTO person (id, district_id, name, gender, birth_date, id_number, phone, education,"
				+ " party_member_since, archive_seq, archive_head, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)",
				"idNumber", "本区已登记此身份证号的人员",
				p.id(), p.districtId(), p.name(), p.gender(), Date.valueOf(p.birthDate()), p.idNumber(), p.phone(),
				p.education(), date(p.partyMemberSince()), ArchiveLog.GENESIS, Sql.now(), Sql.now());
		ArchiveLog.append(c, p.id(), who, "person.created", "person", null, p);
		return p;
	}

	@Override
	public Person updatePerson(String id, PersonInput input, String actor, String ifMatch) {
		String who = Validation.actor(actor);
		return store.write(c -> {
			locked(c, id, ifMatch);
			Person current = openPerson(c, id);
			PersonInput in = input == null ? null
					: new PersonInput(input.districtId() == null ? current.districtId() : input.districtId(), input.name(),
							input.gender(), input.birthDate(), unmasked("idNumber", input.idNumber(), current.idNumber()),
							unmasked("phone", input.phone(), current.phone()), input.education(), input.partyMemberSince());
			Person p = validPerson(id, in);
			if (!p.districtId().equals(current.districtId())) {
				throw ProblemException.invalid("districtId", "人员不能转入其他区的名册", "a person cannot move to another district's registry");
			}
			ArchiveLog.append(c, id, who, "person.updated", "person", current, p);
			Sql.update(c, "UPDATE person SET name = ?, gender = ?, birth_date = ?, id_number = ?, phone = ?, education = ?,"
					+ " party_member_since = ?, updated_at = ? WHERE id = ?",
					"idNumber", "本区已登记此身份证号的人员",
					p.name(), p.gender(), Date.valueOf(p.birthDate()), p.idNumber(), p.phone(), p.education(),
					date(p.partyMemberSince()), Sql.now(), id);
			return p;
		});
	}

	/**
	 * The number a correction means: a client reads numbers masked and may send them back unchanged,
	 * which keeps the stored number rather than storing the mask.
	 */
	private static String unmasked(String field, String sent, String stored) {
		return Masking.isMaskOf(field, sent, stored) ? stored : sent;
	}

	@Override
	public List<Post> posts(String personId) {
		return store.read(c -> {
			requirePerson(c, personId);
			return Sql.query(c, POST + " WHERE person_id = ? ORDER BY start_date, created_at, id", PeopleImpl::post, personId);
		});
	}

	@Override
	public Page<Post> posts(String districtId, String unitId, String streetId, PostKind kind, boolean current, Paging paging) {
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		List<Object> args = new ArrayList<>();
		if (districtId != null) {
			where.append(" AND person_id IN (SELECT id FROM person WHERE district_id = ?)");
			args.add(districtId);
		}
		if (unitId != null) {
			where.append(" AND unit_id = ?");
			args.add(unitId);
		}
		if (streetId != null) {
			where.append(" AND (unit_id = ? OR unit_id IN (SELECT id FROM community WHERE street_id = ?))");
			args.add(streetId);
			args.add(streetId);
		}
		if (kind != null) {
			where.append(" AND kind = ?");
			args.add(kind.name());
		}
		if (current) {
			where.append(" AND end_date IS NULL");
		}
		return store.read(c -> Sql.page(c, POST + where, "start_date, id", paging, PeopleImpl::post, args));
	}

	@Override
	public Optional<Post> post(String id) {
		return store.read(c -> Sql.one(c, POST + " WHERE id = ?", PeopleImpl::post, id));
	}

	@Override
	public Post addPost(String personId, PostInput input, String actor) {
		String who = Validation.actor(actor);
		Post post = validPost(UUID.randomUUID().toString(), personId, input);
		return store.write(c -> addPost(c, post, who));
	}

	/** Records {@code post} on the caller's transaction, with its archive entry; filings use it too. */
	static Post addPost(Connection c, Post input, String who) throws SQLException {
		String personId = input.personId();
		Person person = openPerson(c, personId);
		checkUnit(c, person, input);
		Post post = input.kind() != PostKind.COMMUNITY_SECRETARY ? input
				: new Post(input.id(), personId, input.kind(), input.unitId(), input.startDate(), input.endDate(), input.endReason(),
						ReferenceDataImpl.inForce(c, person.districtId(), ReferenceKind.DUTY_LIST, input.startDate())
								.map(ReferenceVersion::id).orElse(null));
		if (post.kind().exclusive()) {
			// serialises writers of one community's exclusive posts, so two cannot both pass the check below
			Sql.lock(c, "community", post.unitId());
		}
		List<Post> overlapping = Sql.query(c, POST + " WHERE unit_id = ? AND kind = ? AND (person_id = ? OR CAST(? AS BOOLEAN))"
				+ " AND (CAST(? AS DATE) IS NULL OR start_date < ?) AND (end_date IS NULL OR end_date > ?)", PeopleImpl::post,
				post.unitId(), post.kind().name(), personId, post.kind().exclusive(),
				date(post.endDate()), date(post.endDate()), Date.valueOf(post.startDate()));
		if (!overlapping.isEmpty()) {
			Post other = overlapping.get(0);
			String holder = other.personId().equals(personId) ? "this person holds"
					: "person '" + other.personId() + "' holds";
			String term = other.startDate() + (other.endDate() == null ? " 起（现任）" : " 至 " + other.endDate());
			throw new ProblemException(409, "Conflict", "该单位同一时间只有一名" + post.kind().displayName() + "，"
					+ (other.personId().equals(personId) ? "此人" : "人员 " + other.personId()) + " 自 " + term + " 任此职",
					"the unit has one " + post.kind().displayName() + " at a time and " + holder + " that post from "
							+ other.startDate() + (other.endDate() == null ? " (current)" : " to " + other.endDate()), "unitId");
		}
		if (post.kind() == PostKind.FIRST_SECRETARY && Sql.query(c, "SELECT id FROM post WHERE person_id = ? AND kind = ?"
				+ " AND start_date <= ? AND (end_date IS NULL OR end_date > ?)", rs -> rs.getString(1), personId,
				PostKind.STREET_CADRE.name(), Date.valueOf(post.startDate()), Date.valueOf(post.startDate())).isEmpty()) {
			throw new ProblemException(409, "Conflict", "第一书记从街道机关干部中选派，此人在 " + post.startDate() + " 没有"
					+ PostKind.STREET_CADRE.displayName() + "任职", "a 第一书记 is a street cadre dispatched to a community, and this"
					+ " person holds no " + PostKind.STREET_CADRE.displayName() + " post on " + post.startDate(), "kind");
		}
		Sql.update(c, "INSERT INTO post (id, person_id, kind, unit_id, start_date, end_date, end_reason, duty_list_id,"
				+ " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", null, null, post.id(), personId, post.kind().name(),
				post.unitId(), Date.valueOf(post.startDate()), date(post.endDate()), post.endReason(), post.dutyListId(),
				Sql.now(), Sql.now());
		ArchiveLog.append(c, personId, who, post.endDate() == null ? "post.started" : "post.recorded",
				"post/" + post.id(), null, post);
		return post;
	}

	@Override
	public Post endPost(String postId, PostEnding ending, String actor, String ifMatch) {
		String who = Validation.actor(actor);
		Fields.body(ending);
		if (ending.endDate() == null) {
			throw Fields.missing("endDate");
		}
		String reason = Validation.text("reason", ending.reason(), 200, false);
		return store.write(c -> {
			Sql.lock(c, "post", postId);
			Preconditions.check(ifMatch, Sql.one(c, POST + " WHERE id = ?", PeopleImpl::post, postId)
					.orElseThrow(() -> ProblemException.notFound("任职", "post", postId)));
			return endPost(c, postId, ending.endDate(), reason, who);
		});
	}

	/** Ends a current post on the caller's transaction, with its archive entry; filings use it too. */
	static Post endPost(Connection c, String postId, LocalDate endDate, String reason, String who) throws SQLException {
		Post current = Sql.one(c, POST + " WHERE id = ?", PeopleImpl::post, postId)
				.orElseThrow(() -> ProblemException.notFound("任职", "post", postId));
		if (current.endDate() != null) {
			throw new ProblemException(409, "Conflict", "该任职已于 " + current.endDate() + " 结束，已结束的任职不再更改",
					"the post ended on " + current.endDate() + " already; an ended post is never changed", null);
		}
		openPerson(c, current.personId());
		if (endDate.isBefore(current.startDate())) {
			throw ProblemException.invalid("endDate", "离任日期 " + endDate + " 早于任职开始日期 " + current.startDate(),
					"endDate " + endDate + " is before the post's startDate " + current.startDate());
		}
		Post ended = new Post(current.id(), current.personId(), current.kind(), current.unitId(), current.startDate(),
				endDate, reason, current.dutyListId());
		ArchiveLog.append(c, current.personId(), who, "post.ended", "post/" + postId, current, ended);
		Sql.update(c, "UPDATE post SET end_date = ?, end_reason = ?, updated_at = ? WHERE id = ?", null, null,
				Date.valueOf(ended.endDate()), reason, Sql.now(), postId);
		return ended;
	}

	@Override
	public Person seal(String personId, SealInput input, String actor, String ifMatch) {
		String who = Validation.actor(actor);
		String reason = Validation.text("reason", input == null ? null : input.reason(), 200, true);
		return store.write(c -> {
			locked(c, personId, ifMatch);
			Person current = openPerson(c, personId);
			List<String> open = Sql.query(c, "SELECT kind FROM post WHERE person_id = ? AND end_date IS NULL ORDER BY start_date",
					rs -> PostKind.valueOf(rs.getString(1)).displayName(), personId);
			if (!open.isEmpty()) {
				throw new ProblemException(409, "Conflict", "档案在离任时封存，此人仍任 " + open + "：请先办理离任",
						"the archive is sealed on departure, but the person still holds " + open + ": end those posts first", "posts");
			}
			Timestamp at = Sql.now();
			Person sealed = withSeal(current, new ArchiveSeal(at.toInstant(), who, reason));
			ArchiveLog.append(c, personId, who, "archive.sealed", "person", current, sealed);
			Sql.update(c, "UPDATE person SET sealed_at = ?, sealed_by = ?, seal_reason = ?, updated_at = ? WHERE id = ?",
					null, null, at, who, reason, at, personId);
			return sealed;
		});
	}

	private static Person withSeal(Person p, ArchiveSeal seal) {
		return new Person(p.id(), p.districtId(), p.name(), p.gender(), p.birthDate(), p.idNumber(), p.phone(),
				p.education(), p.partyMemberSince(), seal);
	}

	/** Locks the person's row, then compares the person as stored now with {@code ifMatch}. */
	private static void locked(Connection c, String personId, String ifMatch) throws SQLException {
		Sql.lock(c, "person", personId);
		Preconditions.check(ifMatch, requirePerson(c, personId));
	}

	static Person requirePerson(Connection c, String personId) throws SQLException {
		return Sql.one(c, PERSON + " WHERE id = ?", PeopleImpl::person, personId)
				.orElseThrow(() -> ProblemException.notFound("人员", "person", personId));
	}

	/** The person, if the archive is open for writing: 404 when unknown, 409 naming the seal when sealed. */
	static Person openPerson(Connection c, String personId) throws SQLException {
		Person p = requirePerson(c, personId);
		if (p.seal() != null) {
			throw ArchiveLog.sealed(personId, p.seal().sealedAt(), p.seal().actor(), p.seal().reason());
		}
		return p;
	}

	/** The unit must be a community (a street for a street cadre) of the person's district. */
	private static void checkUnit(Connection c, Person person, Post post) throws SQLException {
		String sql = post.kind().inStreet()
				? "SELECT district_id FROM street WHERE id = ?"
				: "SELECT s.district_id FROM community k JOIN street s ON s.id = k.street_id WHERE k.id = ?";
		List<String> district = Sql.query(c, sql, rs -> rs.getString(1), post.unitId());
		if (district.isEmpty() || !district.get(0).equals(person.districtId())) {
			throw ProblemException.invalid("unitId", "此人所在区没有这个" + (post.kind().inStreet() ? "街道" : "社区") + "：" + post.unitId(),
					"no " + (post.kind().inStreet() ? "street" : "community") + " with id '" + post.unitId() + "' in the person's district");
		}
	}

	static Person validPerson(String id, PersonInput input) {
		Fields.body(input);
		String district = Validation.required("districtId", input.districtId());
		String name = Validation.text("name", input.name(), 50, true);
		LocalDate today = LocalDate.now();
		IdNumber number = IdNumber.parse("idNumber", input.idNumber(), today);
		String gender = RegistryCodes.gender(input.gender());
		if (gender != null && !gender.equals(number.gender())) {
			throw ProblemException.invalid("gender", "性别与身份证号不符：身份证号显示为" + ("male".equals(number.gender()) ? "男" : "女"),
					"gender " + input.gender() + " does not agree with the ID number, which says " + number.gender());
		}
		if (input.birthDate() != null && !input.birthDate().equals(number.birthDate())) {
			throw ProblemException.invalid("birthDate", "出生日期 " + input.birthDate() + " 与身份证号不符：身份证号显示为 " + number.birthDate(),
					"birthDate " + input.birthDate() + " does not agree with the ID number, which says " + number.birthDate());
		}
		String phone = Validation.text("phone", input.phone(), 20, false);
		if (phone != null && !PHONE.matcher(phone).matches()) {
			throw ProblemException.invalid("phone", "手机号应为 5 至 20 个字符，只能含数字、空格、“+”、“-”或括号",
					"phone must be 5 to 20 digits, spaces, '+', '-' or brackets");
		}
		String education = Validation.text("education", input.education(), 50, false);
		LocalDate joined = input.partyMemberSince();
		if (joined != null && (joined.isBefore(number.birthDate().plusYears(18)) || joined.isAfter(today))) {
			throw ProblemException.invalid("partyMemberSince", "入党时间应在年满 18 周岁之后，且不能晚于今天",
					"partyMemberSince must be after the person's 18th birthday and not in the future");
		}
		return new Person(id, district, name, number.gender(), number.birthDate(), number.value(), phone, education, joined, null);
	}

	static Post validPost(String id, String personId, PostInput input) {
		Fields.body(input);
		if (input.kind() == null) {
			throw Fields.missing("kind");
		}
		String unit = Validation.required("unitId", input.unitId());
		if (input.startDate() == null) {
			throw Fields.missing("startDate");
		}
		if (input.endDate() != null && input.endDate().isBefore(input.startDate())) {
			throw ProblemException.invalid("endDate", "任职结束日期 " + input.endDate() + " 早于开始日期 " + input.startDate(),
					"endDate " + input.endDate() + " is before startDate " + input.startDate());
		}
		String reason = Validation.text("endReason", input.endReason(), 200, false);
		if (reason != null && input.endDate() == null) {
			throw ProblemException.invalid("endReason", "离任原因须与结束日期一并填写", "endReason goes with an endDate");
		}
		return new Post(id, personId, input.kind(), unit, input.startDate(), input.endDate(), reason, null);
	}

	static Date date(LocalDate d) {
		return d == null ? null : Date.valueOf(d);
	}

	private static LocalDate local(ResultSet rs, int column) throws SQLException {
		Date d = rs.getDate(column);
		return d == null ? null : d.toLocalDate();
	}

	static Person person(ResultSet rs) throws SQLException {
		Timestamp sealedAt = rs.getTimestamp(10);
		return new Person(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), local(rs, 5), rs.getString(6),
				rs.getString(7), rs.getString(8), local(rs, 9),
				sealedAt == null ? null : new ArchiveSeal(sealedAt.toInstant(), rs.getString(11), rs.getString(12)));
	}

	static Post post(ResultSet rs) throws SQLException {
		return new Post(rs.getString(1), rs.getString(2), PostKind.valueOf(rs.getString(3)), rs.getString(4), local(rs, 5),
				local(rs, 6), rs.getString(7), rs.getString(8));
	}
}
