package org.touyan.training.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

import org.touyan.api.policy.Provenance;

/** Columns of the training tables that map to more than one JDBC getter. */
final class Columns {

	private Columns() {
	}

	static LocalDate date(ResultSet rs, String column) throws SQLException {
		java.sql.Date d = rs.getDate(column);
		return d == null ? null : d.toLocalDate();
	}

	/** The provenance stored in the four {@code prov_*} columns, or null when none was stored. */
	static Provenance provenance(ResultSet rs) throws SQLException {
		String bundle = rs.getString("prov_bundle");
		return bundle == null ? null
				: new Provenance(bundle, rs.getString("prov_version"), rs.getString("prov_policy"), rs.getLong("prov_revision"));
	}
}
