package org.touyan.training.internal;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.touyan.api.policy.Policies;
import org.touyan.api.policy.PolicyFailureException;
import org.touyan.api.policy.Provenance;
import org.touyan.api.registry.Archive;
import org.touyan.api.registry.ArchiveEntry;
import org.touyan.api.registry.ArchiveVerification;
import org.touyan.api.registry.Community;
import org.touyan.api.registry.District;
import org.touyan.api.registry.Person;
import org.touyan.api.registry.Street;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.store.Sql;

/** Stand-ins for the registry and the plugin manager, so the training rules run against a real schema alone. */
final class Fakes {

	private Fakes() {
	}

	/** Policies that call one service per SPI the way the plugin manager does: a throw fails the call with its cause. */
	static final class FakePolicies implements Policies {

		final Map<Class<?>, Object> bound = new HashMap<>();
		final Provenance provenance = new Provenance("test.plugin", "1.0.0", "test-policy", 7);

		@Override
		public <S, R> Result<R> apply(Class<S> spi, Scope scope, Call<S, R> call) {
			return apply(spi, scope, null, call);
		}

		@Override
		public <S, R> Result<R> apply(Class<S> spi, Scope scope, String pin, Call<S, R> call) {
			Object policy = bound.get(spi);
			if (policy == null) {
				throw ProblemException.conflict("nothing bound");
			}
			try {
				return new Result<>(call.call(spi.cast(policy), Map.of()), provenance);
			} catch (RuntimeException e) {
				throw new PolicyFailureException(provenance, "failed with an error", e);
			}
		}

		@Override
		public void pin(String key) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void release(String key) {
			throw new UnsupportedOperationException();
		}

		@Override
		public <S, R> Comparison<R> compare(Class<S> spi, String bsn, String policyId, java.util.Map<String, String> parameters, Call<S, R> call) {
			// what-if runs against real plugin versions: it is tested in the itests
			throw new UnsupportedOperationException("no staged versions here");
		}
	}

	/** Appends a row on the caller's connection, so an entry commits or rolls back with the change, as the real archive's does. */
	static final class FakeArchive implements Archive {

		@Override
		public Page<ArchiveEntry> entries(String personId, Paging paging) {
			throw new UnsupportedOperationException();
		}

		@Override
		public ArchiveVerification verify(String personId) {
			throw new UnsupportedOperationException();
		}

		@Override
		public ArchiveEntry append(Connection connection, String personId, String actor, String action, String subject, Object before,
				Object after) throws java.sql.SQLException {
			try (var s = connection.createStatement()) {
				s.execute("CREATE TABLE IF NOT EXISTS fake_archive (person_id VARCHAR(36), action VARCHAR(50))");
			}
			try (var ps = connection.prepareStatement("INSERT INTO fake_archive VALUES (?, ?)")) {
				ps.setString(1, personId);
				ps.setString(2, action);
				ps.executeUpdate();
			}
			return null;
		}
	}

	/** The entries appended and committed, as "person action". */
	static List<String> archived(MemoryStore store) {
		return store.read(c -> {
			try (var s = c.createStatement()) {
				s.execute("CREATE TABLE IF NOT EXISTS fake_archive (person_id VARCHAR(36), action VARCHAR(50))");
			}
			return Sql.query(c, "SELECT person_id || ' ' || action FROM fake_archive", rs -> rs.getString(1));
		});
	}

	/** A registry of one district "d1" with streets "s1", "s2", a community per street and the people given. */
	static final class FakeDirectory extends Directory {

		final List<Secretary> secretaries = new ArrayList<>();
		final Map<String, LocalDate> births = new HashMap<>();
		final Map<String, Integer> years = new HashMap<>();

		FakeDirectory() {
			super(null, null);
		}

		FakeDirectory secretary(String personId, String streetId, LocalDate birth, int yearsInPost) {
			secretaries.add(new Secretary(personId, "书记" + personId, "k-" + streetId, "社区" + streetId, streetId, "街道" + streetId));
			births.put(personId, birth);
			years.put(personId, yearsInPost);
			return this;
		}

		@Override
		District district(String field, String id) {
			if (!"d1".equals(id)) {
				throw ProblemException.invalid(field, "No district with id '" + id + "'");
			}
			return new District("d1", "D1", "测试区", null);
		}

		@Override
		Street street(String field, String id, String districtId) {
			if (!List.of("s1", "s2").contains(id)) {
				throw ProblemException.invalid(field, "No street with id '" + id + "'");
			}
			return new Street(id, "d1", id, "街道" + id, null);
		}

		@Override
		Community community(String field, String id, String districtId) {
			return new Community(Input.required(field, id), "s1", "K", "社区", null);
		}

		@Override
		Person person(String field, String id, String districtId) {
			String v = Input.required(field, id);
			if (!births.containsKey(v)) {
				throw ProblemException.invalid(field, "No person with id '" + v + "'");
			}
			return new Person(v, "d1", "书记" + v, "male", births.get(v), null, null, null, null, null);
		}

		@Override
		int yearsAsSecretary(String personId, LocalDate on) {
			return years.get(personId);
		}

		@Override
		List<Secretary> secretaries(String districtId) {
			return secretaries;
		}

		/** A street's communities are "k-" and its id; its people, its secretaries. */
		@Override
		StreetMembers members(String streetId) {
			return new StreetMembers(Set.of("k-" + streetId), secretaries.stream().filter(s -> s.streetId().equals(streetId))
					.map(Secretary::personId).collect(Collectors.toSet()));
		}
	}
}
