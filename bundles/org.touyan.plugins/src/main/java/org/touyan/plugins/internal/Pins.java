package org.touyan.plugins.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.touyan.api.policy.Policies.Scope;
import org.touyan.api.store.Sql;
import org.touyan.api.store.Store;

/**
 * Bindings frozen under a key (an evaluation cycle such as {@code 2026-H1}): while the pin
 * exists, calls made for that cycle use exactly the pinned plugin versions and parameters,
 * whatever is installed or bound since, and those versions stay installed.
 */
final class Pins {

	private final Store store;
	private volatile Map<String, Map<BindingStore.Key, Binding>> snapshot = Map.of();

	Pins(Store store) {
		this.store = store;
	}

	void load() {
		snapshot = store.read(c -> {
			Map<String, Map<BindingStore.Key, Binding>> all = new HashMap<>();
			for (Map.Entry<String, Binding> p : Sql.query(c, "SELECT spi, scope, policy_id, bsn, version, parameters, revision, pin_key"
					+ " FROM policy_pin", rs -> Map.entry(rs.getString(8), BindingStore.row(rs)))) {
				Binding b = p.getValue();
				all.computeIfAbsent(p.getKey(), k -> new HashMap<>()).put(new BindingStore.Key(b.spi(), b.scope()), b);
			}
			Map<String, Map<BindingStore.Key, Binding>> frozen = new HashMap<>();
			all.forEach((k, v) -> frozen.put(k, Map.copyOf(v)));
			return Map.copyOf(frozen);
		});
	}

	boolean exists(String pin) {
		return snapshot.containsKey(pin);
	}

	Set<String> keys() {
		return new TreeSet<>(snapshot.keySet());
	}

	List<Binding> bindings(String pin) {
		return List.copyOf(snapshot.getOrDefault(pin, Map.of()).values());
	}

	Optional<Binding> resolve(String pin, String spi, Scope scope) {
		return BindingStore.resolve(snapshot.getOrDefault(pin, Map.of()), spi, scope);
	}

	/** The pinned bindings that may serve {@code scope}, the nearest first. */
	List<Binding> chain(String pin, String spi, Scope scope) {
		return BindingStore.chain(snapshot.getOrDefault(pin, Map.of()), spi, scope);
	}

	/** Pins that hold some version of {@code bsn}. */
	Set<String> holding(String bsn) {
		Set<String> keys = new TreeSet<>();
		snapshot.forEach((k, v) -> v.values().stream().filter(b -> b.bsn().equals(bsn)).findAny().ifPresent(b -> keys.add(k)));
		return keys;
	}

	/** Whether any pin holds {@code bsn} {@code version}. */
	boolean holds(String bsn, String version) {
		return snapshot.values().stream().flatMap(m -> m.values().stream())
				.anyMatch(b -> b.bsn().equals(bsn) && b.version().equals(version));
	}

	static void insert(Connection c, String pin, List<Binding> bindings) throws SQLException {
		Timestamp now = Sql.now();
		for (Binding b : bindings) {
			Sql.update(c, "INSERT INTO policy_pin (pin_key, spi, scope, policy_id, bsn, version, parameters, revision, pinned_at)"
					+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", null, null, pin, b.spi(), b.scope(), b.policyId(), b.bsn(), b.version(),
					BindingStore.format(b.parameters()), b.revision(), now);
		}
	}

	static void delete(Connection c, String pin) throws SQLException {
		Sql.update(c, "DELETE FROM policy_pin WHERE pin_key = ?", null, null, pin);
	}
}
