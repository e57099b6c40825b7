package org.touyan.plugins.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.touyan.api.rest.Page;
import org.touyan.api.rest.Paging;
import org.touyan.api.security.AuditLog;
import org.touyan.api.store.Sql;
import org.touyan.api.store.Store;
import org.touyan.plugins.internal.Views.PluginEvent;

/**
 * The plugin-events log ({@code GET /api/plugins/events}), each event also in the audit log:
 * installs, updates and rollbacks also arrive through the deploy folder, where no REST request is
 * audited, and for a request the event says what its status cannot (which version, why it was
 * refused). The audit entry is written at once, not at commit, so a transaction that fails after
 * its event leaves an entry too — the log errs towards saying more.
 */
final class PluginEvents {

	private final Store store;
	private final AuditLog audit;
	private final PluginTally tally;

	PluginEvents(Store store, AuditLog audit, PluginTally tally) {
		this.store = store;
		this.audit = audit;
		this.tally = tally;
	}

	/** Records an event on {@code c}, in the caller's transaction. */
	void record(Connection c, String bsn, String version, String action, String outcome, String detail) throws SQLException {
		audit.record("plugin-manager", "plugin." + action, bsn == null ? null : bsn + (version == null ? "" : " " + version),
				"DONE".equals(outcome) ? "ok" : "REFUSED".equals(outcome) ? "denied" : "failed", detail);
		Sql.update(c, "INSERT INTO plugin_event (happened_at, bsn, version, action, outcome, detail) VALUES (?, ?, ?, ?, ?, ?)", null, null,
				Sql.now(), bsn, version, action, outcome, detail.length() > 2000 ? detail.substring(0, 2000) : detail);
		tally.event(action, outcome);
	}

	/** Records an event in a transaction of its own. */
	void record(String bsn, String version, String action, String outcome, String detail) {
		store.write(c -> {
			record(c, bsn, version, action, outcome, detail);
			return null;
		});
	}

	/** The latest {@code n} refusals, newest first. */
	List<PluginEvent> refusals(int n) {
		return store.read(c -> Sql.query(c, EVENT + " WHERE outcome = 'REFUSED' ORDER BY id DESC LIMIT ?", PluginEvents::event, n));
	}

	Page<PluginEvent> page(Paging paging) {
		return store.read(c -> Sql.page(c, EVENT, "id DESC", paging, PluginEvents::event, List.of()));
	}

	private static final String EVENT = "SELECT id, happened_at, bsn, version, action, outcome, detail FROM plugin_event";

	private static PluginEvent event(ResultSet rs) throws SQLException {
		return new PluginEvent(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getString(7));
	}
}
