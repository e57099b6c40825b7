package org.touyan.api.policy;

import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs a policy: finds the plugin bound for the scope (a street's own binding, else its
 * district's, else the platform's), calls it under a time limit, and says which plugin and
 * version answered. During a plugin update the old version keeps answering until the new one is
 * verified and bound, so a call never finds "no policy" because of a swap.
 *
 * <p>Failures are contained: a plugin that throws or runs past the limit fails this one call with
 * a {@link PolicyFailureException}; nothing bound fails with a 409
 * {@link org.touyan.api.rest.ProblemException} naming the scope.
 */
@ProviderType
public interface Policies {

	<S, R> Result<R> apply(Class<S> spi, Scope scope, Call<S, R> call);

	/**
	 * As {@link #apply(Class, Scope, Call)}, but with the bindings frozen under {@code pin} (an
	 * evaluation cycle): a cycle in progress is never re-decided by code installed since it opened.
	 * With a null pin, the bindings in force now.
	 */
	<S, R> Result<R> apply(Class<S> spi, Scope scope, String pin, Call<S, R> call);

	/**
	 * Freezes every binding in force under {@code key} (an evaluation cycle that opens, e.g.
	 * {@code 2026-H1}); the pinned versions stay installed until the pin is released. A 409 problem
	 * when the key is pinned already or nothing is bound.
	 */
	void pin(String key);

	/** Releases a pin (its cycle closed); versions nothing else holds are removed. 404 if unknown. */
	void release(String key);

	/**
	 * Runs {@code call} with the active and with the staged version of {@code bsn}'s policy
	 * {@code policyId}, each contained like any call: a what-if before the staged version is
	 * promoted. A 409 problem when {@code bsn} has no staged version, a 400 naming
	 * {@code policyId} when either version does not provide that policy for {@code spi}.
	 */
	<S, R> Comparison<R> compare(Class<S> spi, String bsn, String policyId, Map<String, String> parameters,
			Call<S, R> call);

	/** What the active ({@code current}) and the staged ({@code candidate}) version answered. */
	record Comparison<R>(Result<R> current, Result<R> candidate) {
	}

	/** Where a policy is wanted: a street (with its district) or a district; both null for the platform. */
	record Scope(String districtId, String streetId) {

		public static Scope platform() {
			return new Scope(null, null);
		}
	}

	/** The work to do with the bound policy and the binding's parameters. */
	@FunctionalInterface
	interface Call<S, R> {
		R call(S policy, Map<String, String> parameters);
	}

	/** What the policy answered, and which code answered it. */
	record Result<R>(R value, Provenance provenance) {
	}
}
