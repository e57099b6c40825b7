package org.touyan.security.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.touyan.api.security.Role;
import org.touyan.api.store.Sql;
import org.touyan.security.internal.Accounts.User;

/** How a user is read from {@code sec_user}: the columns, the row, and the password hash beside it (which never leaves this bundle). */
final class UserRows {

	/** The select list of a user, aliased {@code u}; column 11 is the password hash, 14 on is the caller's to add. */
	static final String COLUMNS = "SELECT u.id, u.login, u.display_name, u.role, u.street_id, u.department_id,"
			+ " u.person_id, u.must_change, u.disabled, u.created_at, u.password_hash, u.updated_at, u.district_id";

	/** A user with their password hash. */
	record Stored(User user, String passwordHash) {
	}

	private UserRows() {
	}

	/** The user whose {@code column} (id or login) is {@code value}. */
	static Optional<Stored> stored(Connection c, String column, String value) throws SQLException {
		return Sql.one(c, COLUMNS + " FROM sec_user u WHERE u." + column + " = ?", rs -> new Stored(user(rs), rs.getString(11)), value);
	}

	static User user(ResultSet rs) throws SQLException {
		Role role = Role.valueOf(rs.getString(4));
		return new User(rs.getString(1), rs.getString(2), rs.getString(3), role, role.displayName(), rs.getString(5),
				rs.getString(6), rs.getString(7), rs.getBoolean(8), rs.getBoolean(9), rs.getObject(10, OffsetDateTime.class),
				rs.getObject(12, OffsetDateTime.class), rs.getString(13));
	}
}
