package org.touyan.registry.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.touyan.api.registry.District;
import org.touyan.api.registry.OrgUnits;
import org.touyan.api.registry.Street;
import org.touyan.api.registry.UnitInput;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.store.Store;

/** Organisation units in the registry schema; every write is one transaction. */
@Component
public class OrgUnitsImpl implements OrgUnits {

	/** SQLSTATE of a unique or foreign key violation. */
	private static final String INTEGRITY = "23";

	private final Store store;

	@Activate
	public OrgUnitsImpl(@Reference(target = "(touyan.schema=registry)") Store store) {
		this.store = store;
	}

	@Override
	public Page<District> districts(Paging paging) {
		return store.read(c -> new Page<>(
				list(c, "SELECT id, code, name, name_en FROM district ORDER BY code LIMIT ? OFFSET ?", paging, null,
						OrgUnitsImpl::district),
				count(c, "SELECT COUNT(*) FROM district", null), paging.offset(), paging.limit()));
	}

	@Override
	public Optional<District> district(String id) {
		return store.read(c -> one(c, "SELECT id, code, name, name_en FROM district WHERE id = ?", id, OrgUnitsImpl::district));
	}

	@Override
	public District createDistrict(UnitInput input) {
		UnitInput in = Validation.unit(input);
		if (in.parentId() != null) {
			throw ProblemException.invalid("parentId", "a district has no parent");
		}
		String id = UUID.randomUUID().toString();
		store.write(c -> update(c, "INSERT INTO district (id, code, name, name_en, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
				"code", "a district with code '" + in.code() + "' exists already",
				id, in.code(), in.name(), in.nameEn(), now(), now()));
		return new District(id, in.code(), in.name(), in.nameEn());
	}

	@Override
	public District updateDistrict(String id, UnitInput input) {
		UnitInput in = Validation.unit(input);
		if (in.parentId() != null) {
			throw ProblemException.invalid("parentId", "a district has no parent");
		}
		int n = store.write(c -> update(c, "UPDATE district SET code = ?, name = ?, name_en = ?, updated_at = ? WHERE id = ?",
				"code", "a district with code '" + in.code() + "' exists already",
				in.code(), in.name(), in.nameEn(), now(), id));
		if (n == 0) {
			throw ProblemException.notFound("district", id);
		}
		return new District(id, in.code(), in.name(), in.nameEn());
	}

	@Override
	public Page<Street> streets(String districtId, Paging paging) {
		String where = districtId == null ? "" : " WHERE district_id = ?";
		return store.read(c -> new Page<>(
				list(c, "SELECT id, district_id, code, name, name_en FROM street" + where + " ORDER BY code LIMIT ? OFFSET ?",
						paging, districtId, OrgUnitsImpl::street),
				count(c, "SELECT COUNT(*) FROM street" + where, districtId), paging.offset(), paging.limit()));
	}

	@Override
	public Optional<Street> street(String id) {
		return store.read(c -> one(c, "SELECT id, district_id, code, name, name_en FROM street WHERE id = ?", id, OrgUnitsImpl::street));
	}

	@Override
	public Street createStreet(UnitInput input) {
		UnitInput in = Validation.unit(input);
		String id = UUID.randomUUID().toString();
		store.write(c -> {
			requireDistrict(c, in.parentId());
			return update(c, "INSERT INTO street (id, district_id, code, name, name_en, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
					"code", "the district has a street with code '" + in.code() + "' already",
					id, in.parentId(), in.code(), in.name(), in.nameEn(), now(), now());
		});
		return new Street(id, in.parentId(), in.code(), in.name(), in.nameEn());
	}

	@Override
	public Street updateStreet(String id, UnitInput input) {
		UnitInput in = Validation.unit(input);
		return store.write(c -> {
			Street current = one(c, "SELECT id, district_id, code, name, name_en FROM street WHERE id = ?", id, OrgUnitsImpl::street)
					.orElseThrow(() -> ProblemException.notFound("street", id));
			if (in.parentId() != null && !in.parentId().equals(current.districtId())) {
				throw ProblemException.invalid("parentId", "a street cannot move to another district");
			}
			update(c, "UPDATE street SET code = ?, name = ?, name_en = ?, updated_at = ? WHERE id = ?",
					"code", "the district has a street with code '" + in.code() + "' already",
					in.code(), in.name(), in.nameEn(), now(), id);
			return new Street(id, current.districtId(), in.code(), in.name(), in.nameEn());
		});
	}

	private static void requireDistrict(Connection c, String districtId) throws SQLException {
		if (districtId == null) {
			throw ProblemException.invalid("parentId", "parentId (the street's district) is required");
		}
		if (one(c, "SELECT id, code, name, name_en FROM district WHERE id = ?", districtId, OrgUnitsImpl::district).isEmpty()) {
			throw ProblemException.invalid("parentId", "no district with id '" + districtId + "'");
		}
	}

	private static District district(ResultSet rs) throws SQLException {
		return new District(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
	}

	private static Street street(ResultSet rs) throws SQLException {
		return new Street(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
	}

	/** Maps one row. */
	@FunctionalInterface
	interface Row<T> {
		T map(ResultSet rs) throws SQLException;
	}

	static <T> Optional<T> one(Connection c, String sql, String id, Row<T> row) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement(sql)) {
			ps.setString(1, id);
			try (ResultSet rs = ps.executeQuery()) {
				return rs.next() ? Optional.of(row.map(rs)) : Optional.empty();
			}
		}
	}

	static <T> List<T> list(Connection c, String sql, Paging paging, String filter, Row<T> row) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement(sql)) {
			int i = 1;
			if (filter != null) {
				ps.setString(i++, filter);
			}
			ps.setInt(i++, paging.limit());
			ps.setInt(i, paging.offset());
			List<T> items = new ArrayList<>();
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					items.add(row.map(rs));
				}
			}
			return items;
		}
	}

	static long count(Connection c, String sql, String filter) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement(sql)) {
			if (filter != null) {
				ps.setString(1, filter);
			}
			try (ResultSet rs = ps.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	/** Runs an update; a constraint violation becomes a 409 naming {@code field}. */
	static int update(Connection c, String sql, String field, String conflict, Object... args) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement(sql)) {
			for (int i = 0; i < args.length; i++) {
				ps.setObject(i + 1, args[i]);
			}
			return ps.executeUpdate();
		} catch (SQLException e) {
			if (e.getSQLState() != null && e.getSQLState().startsWith(INTEGRITY)) {
				throw new ProblemException(409, "Conflict", conflict, field);
			}
			throw e;
		}
	}

	private static Timestamp now() {
		return Timestamp.from(Instant.now());
	}
}
