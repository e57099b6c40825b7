package org.touyan.plugins.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.touyan.api.policy.Policies.Scope;
import org.touyan.api.store.Sql;
import org.touyan.api.store.Store;

/**
 * Bindings in the database, and an immutable snapshot of them that calls read without locking.
 * A change is one transaction (bindings, their history, an event); the snapshot is replaced only
 * after it commits, so a call sees either every binding of a swap moved or none.
 */
final class BindingStore {

	/** Key of a binding. */
	record Key(String spi, String scope) {
	}

	private final Store store;
	private volatile Map<Key, Binding> snapshot = Map.of();

	/** The columns {@link #row} maps, in its order. */
	private static final String COLUMNS = "spi, scope, policy_id, bsn, version, parameters, revision";

	BindingStore(Store store) {
		this.store = store;
	}

	static String scopeOf(Scope scope) {
		if (scope.streetId() != null) {
			return "street:" + scope.streetId();
		}
		return scope.districtId() != null ? "district:" + scope.districtId() : "platform";
	}

	/** The binding that serves {@code scope}: the street's own, else its district's, else the platform's. */
	Optional<Binding> resolve(String spi, Scope scope) {
		return resolve(snapshot, spi, scope);
	}

	/** The street's binding in {@code s}, else its district's, else the platform's. */
	static Optional<Binding> resolve(Map<Key, Binding> s, String spi, Scope scope) {
		return chain(s, spi, scope).stream().findFirst();
	}

	/** The bindings that may serve {@code scope}, the nearest first: the street's, its district's, the platform's. */
	List<Binding> chain(String spi, Scope scope) {
		return chain(snapshot, spi, scope);
	}

	static List<Binding> chain(Map<Key, Binding> s, String spi, Scope scope) {
		List<Binding> chain = new ArrayList<>(3);
		if (scope.streetId() != null && s.containsKey(new Key(spi, "street:" + scope.streetId()))) {
			chain.add(s.get(new Key(spi, "street:" + scope.streetId())));
		}
		if (scope.districtId() != null && s.containsKey(new Key(spi, "district:" + scope.districtId()))) {
			chain.add(s.get(new Key(spi, "district:" + scope.districtId())));
		}
		if (s.containsKey(new Key(spi, "platform"))) {
			chain.add(s.get(new Key(spi, "platform")));
		}
		return chain;
	}

	List<Binding> all() {
		return snapshot.values().stream().sorted((a, b) -> (a.spi() + a.scope()).compareTo(b.spi() + b.scope())).toList();
	}

	List<Binding> onBundle(String bsn) {
		return all().stream().filter(b -> b.bsn().equals(bsn)).toList();
	}

	void load() {
		snapshot = store.read(BindingStore::read);
	}

	/**
	 * Stores {@code changes} as new revisions in one transaction, with {@code more} work (events,
	 * plugin rows) in the same transaction; the snapshot moves only after it commits.
	 */
	List<Binding> put(List<Binding> changes, String reason, Store.SqlWork<Void> more) {
		List<Binding> stored = store.write(c -> {
			List<Binding> done = new ArrayList<>();
			for (Binding b : changes) {
				long revision = nextRevision(c);
				Binding r = new Binding(b.spi(), b.scope(), b.policyId(), b.bsn(), b.version(), b.parameters(), revision);
				Sql.update(c, "DELETE FROM policy_binding WHERE spi = ? AND scope = ?", null, null, r.spi(), r.scope());
				Timestamp now = Sql.now();
				Sql.update(c, "INSERT INTO policy_binding (spi, scope, policy_id, bsn, version, parameters, revision, updated_at)"
						+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", null, null, r.spi(), r.scope(), r.policyId(), r.bsn(), r.version(),
						format(r.parameters()), revision, now);
				history(c, r, reason, now);
				done.add(r);
			}
			if (more != null) {
				more.run(c);
			}
			return done;
		});
		load();
		return stored;
	}

	/** One revision from the history, as it was when it was made. */
	Optional<Binding> revision(long revision) {
		return store.read(c -> Sql.one(c, "SELECT " + COLUMNS + " FROM policy_binding_history WHERE revision = ?", BindingStore::row, revision));
	}

	/** The newest earlier revision of a binding that pointed at {@code bsn} {@code version}. */
	Optional<Binding> lastWith(String spi, String scope, String bsn, String version) {
		return store.read(c -> Sql.one(c, "SELECT " + COLUMNS + " FROM policy_binding_history WHERE spi = ? AND scope = ? AND bsn = ?"
				+ " AND version = ? ORDER BY revision DESC LIMIT 1", BindingStore::row, spi, scope, bsn, version));
	}

	private static void history(Connection c, Binding r, String reason, Timestamp at) throws SQLException {
		Sql.update(c, "INSERT INTO policy_binding_history (revision, spi, scope, policy_id, bsn, version, parameters, reason, changed_at)"
				+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", null, null, r.revision(), r.spi(), r.scope(), r.policyId(), r.bsn(), r.version(),
				format(r.parameters()), reason, at);
	}

	private static long nextRevision(Connection c) throws SQLException {
		return Sql.nextValue(c, "binding_revision");
	}

	private static Map<Key, Binding> read(Connection c) throws SQLException {
		Map<Key, Binding> all = new HashMap<>();
		for (Binding b : Sql.query(c, "SELECT " + COLUMNS + " FROM policy_binding", BindingStore::row)) {
			all.put(new Key(b.spi(), b.scope()), b);
		}
		return Map.copyOf(all);
	}

	static Binding row(ResultSet rs) throws SQLException {
		return new Binding(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				parse(rs.getString(6)), rs.getLong(7));
	}

	/** Parameters as sorted properties text: readable in the database, exact to read back. */
	static String format(Map<String, String> parameters) {
		Properties p = new Properties();
		p.putAll(parameters);
		StringWriter w = new StringWriter();
		try {
			p.store(w, null);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return w.toString().lines().filter(l -> !l.startsWith("#")).sorted().collect(Collectors.joining("\n"));
	}

	static Map<String, String> parse(String text) {
		Properties p = new Properties();
		try {
			p.load(new StringReader(text == null ? "" : text));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		Map<String, String> m = new TreeMap<>();
		p.forEach((k, v) -> m.put(k.toString(), v.toString()));
		return m;
	}
}
