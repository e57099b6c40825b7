package org.touyan.registry.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.touyan.api.registry.Filing;
import org.touyan.api.registry.FilingInput;
import org.touyan.api.registry.FilingKind;
import org.touyan.api.registry.FilingNote;
import org.touyan.api.registry.FilingStatus;
import org.touyan.api.registry.FilingStep;
import org.touyan.api.registry.FilingStepDefinition;
import org.touyan.api.registry.Filings;
import org.touyan.api.registry.Post;
import org.touyan.api.registry.PostKind;
import org.touyan.api.registry.Vetting;
import org.touyan.api.registry.VettingInput;
import org.touyan.api.rest.Fields;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.Preconditions;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.store.Sql;
import org.touyan.api.store.Store;

/**
 * Filings in the registry schema. Each transition loads the filing under a row lock, asks
 * {@link FilingMachine} whether it is allowed, and writes the change and the person's archive entry
 * in one transaction; district filing applies the post change in that same transaction.
 */
@Component
public class FilingsImpl implements Filings {

	private static final String FILING = "SELECT id, district_id, kind, person_id, community_id, post_id, effective_date, status,"
			+ " closed_at, closed_by, closing_note FROM filing";

	private final Store store;

	@Activate
	public FilingsImpl(@Reference(target = "(touyan.schema=registry)") Store store) {
		this.store = store;
	}

	@Override
	public List<FilingStepDefinition> steps(String districtId) {
		return store.read(c -> {
			requireDistrict(c, districtId, null);
			return definitions(c, districtId);
		});
	}

	private static List<FilingStepDefinition> definitions(Connection c, String districtId) throws SQLException {
		List<FilingStepDefinition> configured = Sql.query(c, "SELECT code, name, name_en FROM filing_step_definition"
				+ " WHERE district_id = ? ORDER BY position", rs -> new FilingStepDefinition(rs.getString(1), rs.getString(2),
						rs.getString(3)), districtId);
		return configured.isEmpty() ? FilingMachine.DEFAULT_STEPS : configured;
	}

	@Override
	public List<FilingStepDefinition> configureSteps(String districtId, List<FilingStepDefinition> steps, String ifMatch) {
		List<FilingStepDefinition> valid = FilingMachine.definitions(steps);
		return store.write(c -> {
			Sql.lock(c, "district", districtId);
			requireDistrict(c, districtId, null);
			Preconditions.check(ifMatch, definitions(c, districtId));
			Sql.update(c, "DELETE FROM filing_step_definition WHERE district_id = ?", null, null, districtId);
			for (int i = 0; i < valid.size(); i++) {
				FilingStepDefinition d = valid.get(i);
				Sql.update(c, "INSERT INTO filing_step_definition (district_id, position, code, name, name_en) VALUES (?, ?, ?, ?, ?)",
						null, null, districtId, i + 1, d.code(), d.name(), d.nameEn());
			}
			return valid;
		});
	}

	@Override
	public Page<Filing> filings(String districtId, String streetId, FilingStatus status, Paging paging) {
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		List<Object> args = new ArrayList<>();
		if (districtId != null) {
			where.append(" AND district_id = ?");
			args.add(districtId);
		}
		if (streetId != null) {
			where.append(" AND community_id IN (SELECT id FROM community WHERE street_id = ?)");
			args.add(streetId);
		}
		if (status != null) {
			where.append(" AND status = ?");
			args.add(status.name());
		}
		return store.read(c -> {
			Page<Filing> p = Sql.page(c, FILING + where, "opened_at, id", paging, FilingsImpl::filing, args);
			List<Filing> full = new ArrayList<>();
			for (Filing f : p.items()) {
				full.add(complete(c, f));
			}
			return new Page<>(full, p.total(), p.offset(), p.limit());
		});
	}

	@Override
	public Optional<Filing> filing(String id) {
		return store.read(c -> {
			Optional<Filing> f = Sql.one(c, FILING + " WHERE id = ?", FilingsImpl::filing, id);
			return f.isPresent() ? Optional.of(complete(c, f.get())) : f;
		});
	}

	@Override
	public Filing open(FilingInput input, String actor) {
		String who = Validation.actor(actor);
		Fields.body(input);
		String districtId = Validation.required("districtId", input.districtId());
		if (input.kind() == null) {
			throw ProblemException.invalid("kind", "请选择备案类型：任职或免职", "kind (APPOINTMENT or REMOVAL) is required");
		}
		if (input.effectiveDate() == null) {
			throw Fields.missing("effectiveDate");
		}
		String id = UUID.randomUUID().toString();
		return store.write(c -> {
			requireDistrict(c, districtId, "districtId");
			String personId;
			String communityId;
			String postId = null;
			if (input.kind() == FilingKind.APPOINTMENT) {
				if (input.postId() != null) {
					throw ProblemException.invalid("postId", "任职备案会新建任职，postId 只用于免职备案",
							"an appointment creates its post; postId is for a removal");
				}
				personId = Validation.required("personId", input.personId());
				communityId = Validation.required("communityId", input.communityId());
				List<String> home = Sql.query(c, "SELECT district_id FROM person WHERE id = ?", rs -> rs.getString(1), personId);
				if (home.isEmpty() || !home.get(0).equals(districtId)) {
					throw ProblemException.invalid("personId", "本区没有这名人员：" + personId, "no person with id '" + personId + "' in the district");
				}
			} else {
				postId = Validation.required("postId", input.postId());
				String wanted = postId;
				Post post = Sql.one(c, PeopleImpl.POST + " WHERE id = ?", PeopleImpl::post, postId)
						.filter(p -> p.kind() == PostKind.COMMUNITY_SECRETARY)
						.orElseThrow(() -> ProblemException.invalid("postId", "没有这个社区党组织书记任职：" + wanted,
								"no community Party secretary post with id '" + wanted + "'"));
				if (post.endDate() != null) {
					throw new ProblemException(409, "Conflict", "该任职已于 " + post.endDate() + " 结束", "the post ended on " + post.endDate() + " already",
							"postId");
				}
				if (input.effectiveDate().isBefore(post.startDate())) {
					throw ProblemException.invalid("effectiveDate", "生效日期早于任职开始日期 " + post.startDate(),
							"effectiveDate is before the post's startDate " + post.startDate());
				}
				if (input.personId() != null && !input.personId().equals(post.personId())) {
					throw ProblemException.invalid("personId", "该任职由其他人员担任", "the post is held by another person");
				}
				if (input.communityId() != null && !input.communityId().equals(post.unitId())) {
					throw ProblemException.invalid("communityId", "该任职在其他社区", "the post is in another community");
				}
				personId = post.personId();
				communityId = post.unitId();
			}
			List<String> district = Sql.query(c, "SELECT s.district_id FROM community k JOIN street s ON s.id = k.street_id WHERE k.id = ?",
					rs -> rs.getString(1), communityId);
			if (district.isEmpty() || !district.get(0).equals(districtId)) {
				throw ProblemException.invalid("communityId", "本区没有这个社区：" + communityId, "no community with id '" + communityId + "' in the district");
			}
			// one open filing per kind and community: serialise openers on the community row
			Sql.lock(c, "community", communityId);
			List<String> already = Sql.query(c, "SELECT id FROM filing WHERE community_id = ? AND kind = ? AND status = ?",
					rs -> rs.getString(1), communityId, input.kind().name(), FilingStatus.OPEN.name());
			if (!already.isEmpty()) {
				throw new ProblemException(409, "Conflict", "该社区同类备案（" + input.kind().displayName() + "）仍在办理中：" + already.get(0),
						"filing '" + already.get(0) + "' for the same " + input.kind() + " in this community is still open", "kind");
			}
			PeopleImpl.openPerson(c, personId);
			Timestamp now = Sql.now();
			Sql.update(c, "INSERT INTO filing (id, district_id, kind, person_id, community_id, post_id, effective_date, status,"
					+ " opened_at, opened_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", null, null, id, districtId, input.kind().name(),
					personId, communityId, postId, Date.valueOf(input.effectiveDate()), FilingStatus.OPEN.name(), now, who);
			List<FilingStepDefinition> steps = definitions(c, districtId);
			for (int i = 0; i < steps.size(); i++) {
				Sql.update(c, "INSERT INTO filing_step (filing_id, position, code, name) VALUES (?, ?, ?, ?)", null, null,
						id, i + 1, steps.get(i).code(), steps.get(i).name());
			}
			Filing f = load(c, id);
			ArchiveLog.append(c, personId, who, "filing.opened", "filing/" + id, null, summary(f));
			return f;
		});
	}

	@Override
	public Filing completeStep(String id, int position, FilingNote note, String actor, String ifMatch) {
		String who = Validation.actor(actor);
		String text = Validation.text("note", note == null ? null : note.note(), 500, false);
		return store.write(c -> {
			Filing before = lock(c, id, ifMatch);
			FilingStep step = FilingMachine.step(before, position);
			Sql.update(c, "UPDATE filing_step SET done_at = ?, actor = ?, note = ? WHERE filing_id = ? AND position = ?",
					null, null, Sql.now(), who, text, id, position);
			Filing after = load(c, id);
			ArchiveLog.append(c, before.personId(), who, "filing.step", "filing/" + id + "/step/" + step.position(),
					null, after.steps().get(position - 1));
			return after;
		});
	}

	@Override
	public Filing vet(String id, VettingInput verdict, String actor, String ifMatch) {
		String who = Validation.actor(actor);
		return store.write(c -> {
			Filing before = lock(c, id, ifMatch);
			FilingMachine.vetting(before, verdict, vettingDepartments(c, before.districtId()));
			Sql.update(c, "INSERT INTO filing_vetting (filing_id, department_id, passed, note, recorded_at, actor) VALUES (?, ?, ?, ?, ?, ?)",
					"departmentId", "该部门已登记审查意见", id, verdict.departmentId().strip(), verdict.passed(),
					Validation.text("note", verdict.note(), 500, false), Sql.now(), who);
			Filing after = load(c, id);
			Vetting recorded = after.vettings().stream().filter(v -> v.departmentId().equals(verdict.departmentId().strip()))
					.findFirst().orElseThrow();
			ArchiveLog.append(c, before.personId(), who, "filing.vetting", "filing/" + id + "/vetting/" + recorded.departmentId(),
					null, recorded);
			return after;
		});
	}

	@Override
	public Filing file(String id, FilingNote note, String actor, String ifMatch) {
		String who = Validation.actor(actor);
		String text = Validation.text("note", note == null ? null : note.note(), 500, false);
		return store.write(c -> {
			Filing before = lock(c, id, ifMatch);
			FilingMachine.file(before);
			String postId = before.postId();
			if (before.kind() == FilingKind.APPOINTMENT) {
				postId = UUID.randomUUID().toString();
				PeopleImpl.addPost(c, new Post(postId, before.personId(), PostKind.COMMUNITY_SECRETARY, before.communityId(),
						before.effectiveDate(), null, null, null), who);
			} else {
				PeopleImpl.endPost(c, postId, before.effectiveDate(), "届中调整免职（区级备案）", who);
			}
			close(c, id, FilingStatus.FILED, postId, who, text);
			Filing after = load(c, id);
			ArchiveLog.append(c, before.personId(), who, "filing.filed", "filing/" + id, summary(before), summary(after));
			return after;
		});
	}

	@Override
	public Filing withdraw(String id, FilingNote note, String actor, String ifMatch) {
		String who = Validation.actor(actor);
		String text = Validation.text("note", note == null ? null : note.note(), 500, true);
		return store.write(c -> {
			Filing before = lock(c, id, ifMatch);
			FilingMachine.requireOpen(before);
			close(c, id, FilingStatus.WITHDRAWN, before.postId(), who, text);
			Filing after = load(c, id);
			ArchiveLog.append(c, before.personId(), who, "filing.withdrawn", "filing/" + id, summary(before), summary(after));
			return after;
		});
	}

	private static void close(Connection c, String id, FilingStatus status, String postId, String who, String note) throws SQLException {
		Sql.update(c, "UPDATE filing SET status = ?, post_id = ?, closed_at = ?, closed_by = ?, closing_note = ? WHERE id = ?",
				null, null, status.name(), postId, Sql.now(), who, note, id);
	}

	/** What the archive keeps of a filing: its identity and state, not every step again. */
	private static Map<String, Object> summary(Filing f) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", f.id());
		m.put("kind", f.kind().name());
		m.put("communityId", f.communityId());
		m.put("postId", f.postId());
		m.put("effectiveDate", f.effectiveDate().toString());
		m.put("status", f.status().name());
		m.put("closingNote", f.closingNote());
		return m;
	}

	/**
	 * Loads a filing after taking its row lock, so concurrent transitions run one after another, and
	 * compares it with the version the caller read: a second transition waits, then sees the first.
	 */
	private static Filing lock(Connection c, String id, String ifMatch) throws SQLException {
		if (Sql.update(c, "UPDATE filing SET status = status WHERE id = ?", null, null, id) == 0) {
			throw ProblemException.notFound("备案", "filing", id);
		}
		Filing current = load(c, id);
		Preconditions.check(ifMatch, current);
		return current;
	}

	private static Filing load(Connection c, String id) throws SQLException {
		return complete(c, Sql.one(c, FILING + " WHERE id = ?", FilingsImpl::filing, id)
				.orElseThrow(() -> ProblemException.notFound("备案", "filing", id)));
	}

	private static Filing complete(Connection c, Filing f) throws SQLException {
		List<FilingStep> steps = Sql.query(c, "SELECT position, code, name, done_at, actor, note FROM filing_step"
				+ " WHERE filing_id = ? ORDER BY position", rs -> new FilingStep(rs.getInt(1), rs.getString(2), rs.getString(3),
						instant(rs.getTimestamp(4)), rs.getString(5), rs.getString(6)), f.id());
		List<Vetting> vettings = Sql.query(c, "SELECT v.department_id, v.passed, v.note, v.recorded_at, v.actor"
				+ " FROM filing_vetting v JOIN department d ON d.id = v.department_id WHERE v.filing_id = ? ORDER BY d.code",
				rs -> new Vetting(rs.getString(1), rs.getBoolean(2), rs.getString(3), instant(rs.getTimestamp(4)), rs.getString(5)),
				f.id());
		List<String> pending = new ArrayList<>();
		if (f.status() == FilingStatus.OPEN) {
			Set<String> heard = new HashSet<>();
			vettings.forEach(v -> heard.add(v.departmentId()));
			for (String d : Sql.query(c, "SELECT id FROM department WHERE district_id = ? AND vets ORDER BY code",
					rs -> rs.getString(1), f.districtId())) {
				if (!heard.contains(d)) {
					pending.add(d);
				}
			}
		}
		return new Filing(f.id(), f.districtId(), f.kind(), f.personId(), f.communityId(), f.postId(), f.effectiveDate(),
				f.status(), steps, vettings, pending, f.closedAt(), f.closedBy(), f.closingNote());
	}

	private static Set<String> vettingDepartments(Connection c, String districtId) throws SQLException {
		return new HashSet<>(Sql.query(c, "SELECT id FROM department WHERE district_id = ? AND vets", rs -> rs.getString(1), districtId));
	}

	private static void requireDistrict(Connection c, String districtId, String field) throws SQLException {
		if (Sql.query(c, "SELECT id FROM district WHERE id = ?", rs -> rs.getString(1), districtId).isEmpty()) {
			if (field != null) {
				throw ProblemException.invalid(field, "没有这个区：" + districtId, "no district with id '" + districtId + "'");
			}
			throw ProblemException.notFound("区", "district", districtId);
		}
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

	private static Filing filing(ResultSet rs) throws SQLException {
		return new Filing(rs.getString(1), rs.getString(2), FilingKind.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getDate(7).toLocalDate(), FilingStatus.valueOf(rs.getString(8)), List.of(), List.of(), List.of(),
				instant(rs.getTimestamp(9)), rs.getString(10), rs.getString(11));
	}
}
