package org.touyan.evaluation.internal;

import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.touyan.api.evaluation.Classification;
import org.touyan.api.evaluation.ClassificationPolicy;
import org.touyan.api.evaluation.NegativeListCatalogue;
import org.touyan.api.evaluation.ReviewWeighting;
import org.touyan.api.evaluation.SecretaryType;
import org.touyan.api.evaluation.StarRatingFormula;
import org.touyan.api.policy.Policies;
import org.touyan.api.policy.Provenance;
import org.touyan.api.registry.Archive;
import org.touyan.api.registry.Community;
import org.touyan.api.registry.Department;
import org.touyan.api.registry.District;
import org.touyan.api.registry.Filing;
import org.touyan.api.registry.FilingInput;
import org.touyan.api.registry.FilingStatus;
import org.touyan.api.registry.Filings;
import org.touyan.api.registry.JointCommittee;
import org.touyan.api.registry.OrgUnits;
import org.touyan.api.registry.People;
import org.touyan.api.registry.Post;
import org.touyan.api.registry.PostKind;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.ProblemException;

/**
 * The registry and the plugin manager as the evaluation services see them, in memory: one district
 * with two streets, a few communities and departments, and a policy service that calls a given
 * formula directly and records the calls and pins.
 */
public final class Fakes {

	public static final District DISTRICT = new District("d1", "T", "测试区", null);
	public static final Department MZJ = new Department("dep-mzj", "d1", "MZJ", "民政局", null, true, false);
	public static final Department ZFW = new Department("dep-zfw", "d1", "ZFW", "政法委", null, true, false);
	public static final Department SJ = new Department("dep-sj", "d1", "SJ", "审计局", null, false, true);
	public static final Department OTHER = new Department("dep-x", "d2", "MZJ", "别区民政局", null, true, false);

	public final List<Community> communities = new ArrayList<>(List.of(new Community("c1", "s1", "01", "一社区", null),
			new Community("c2", "s1", "02", "二社区", null), new Community("c3", "s2", "03", "三社区", null)));
	public final List<String> pins = new ArrayList<>();
	public final List<String> released = new ArrayList<>();
	/** The pin of each negative-list catalogue call ("null" for the catalogue bound now). */
	public final List<String> catalogueCalls = new ArrayList<>();
	/** Star-formula calls as "street@pin"; chunks are rated in parallel, so calls arrive in any order. */
	public final List<String> calls = java.util.Collections.synchronizedList(new ArrayList<>());
	public final List<String> appended = new ArrayList<>();
	public final AtomicInteger revision = new AtomicInteger(1);
	public volatile StarRatingFormula formula;
	public volatile ReviewWeighting weighting;
	/** Four stars or more is 骨干, else 潜力 (helped). */
	public volatile ClassificationPolicy classification = input -> new Classification(
			input.stars() != null && input.stars() >= 4 ? SecretaryType.BACKBONE : SecretaryType.POTENTIAL, "按星级");
	public volatile String version = "1.0.0";
	public volatile NegativeListCatalogue negativeList;
	public final List<JointCommittee> committees = new ArrayList<>();
	/** Filings opened ("open person post") and withdrawn ("withdraw id"), in order. */
	public final List<String> filed = new ArrayList<>();

	public OrgUnits units() {
		List<Department> departments = List.of(MZJ, ZFW, SJ, OTHER);
		return (OrgUnits) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { OrgUnits.class }, (p, m, a) -> {
			switch (m.getName()) {
			case "district":
				return DISTRICT.id().equals(a[0]) ? Optional.of(DISTRICT) : Optional.empty();
			case "department":
				return departments.stream().filter(d -> d.id().equals(a[0])).findFirst();
			case "departments": {
				List<Department> found = departments.stream().filter(d -> d.districtId().equals(a[0]) && d.scores()).toList();
				return page(found, (Paging) a[3]);
			}
			case "community":
				return communities.stream().filter(c -> c.id().equals(a[0])).findFirst();
			case "street":
				return Optional.of(new org.touyan.api.registry.Street((String) a[0], DISTRICT.id(), (String) a[0], "街道", null));
			case "communities":
				return page(DISTRICT.id().equals(a[0]) ? communities : List.of(), (Paging) a[2]);
			case "jointCommittees":
				return page(DISTRICT.id().equals(a[0]) ? committees : List.of(), (Paging) a[1]);
			default:
				throw new UnsupportedOperationException(m.getName());
			}
		});
	}

	private static <T> Page<T> page(List<T> all, Paging paging) {
		int from = Math.min(paging.offset(), all.size());
		return new Page<>(all.subList(from, Math.min(all.size(), from + paging.limit())), all.size(), paging.offset(), paging.limit());
	}

	public Policies policies() {
		return new Policies() {
			@Override
			public <S, R> Result<R> apply(Class<S> spi, Scope scope, Call<S, R> call) {
				return apply(spi, scope, null, call);
			}

			@Override
			public <S, R> Result<R> apply(Class<S> spi, Scope scope, String pin, Call<S, R> call) {
				Object policy = spi == StarRatingFormula.class ? formula : spi == ReviewWeighting.class ? weighting
						: spi == ClassificationPolicy.class ? classification : spi == NegativeListCatalogue.class ? negativeList : null;
				if (policy == null) {
					throw ProblemException.conflict("No " + spi.getSimpleName() + " is bound");
				}
				if (pin != null && !pins.contains(pin)) {
					throw ProblemException.conflict("Nothing is pinned for '" + pin + "'");
				}
				if (spi == StarRatingFormula.class) {
					calls.add(scope.streetId() + "@" + pin);
				}
				if (spi == NegativeListCatalogue.class) {
					catalogueCalls.add(String.valueOf(pin));
				}
				return new Result<>(call.call(spi.cast(policy), Map.of("stars.5", "90")),
						new Provenance("test.formula", version, "test", revision.get()));
			}

			@Override
			public void pin(String key) {
				if (pins.contains(key)) {
					throw ProblemException.conflict("'" + key + "' is pinned already");
				}
				pins.add(key);
			}

			@Override
			public void release(String key) {
				if (!pins.remove(key)) {
					throw ProblemException.notFound("pin", key);
				}
				released.add(key);
			}

			@Override
			public <S, R> Comparison<R> compare(Class<S> spi, String bsn, String policyId, Map<String, String> parameters,
					Call<S, R> call) {
				// what-if runs against real plugin versions: it is tested in the itests
				throw new UnsupportedOperationException("no staged versions here");
			}
		};
	}

	/** People: community c1's secretary is p1 (李书记); the others have none; h1 (王街道) is a cadre of street s1. */
	public People people() {
		return (People) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { People.class }, (p, m, a) -> {
			if (m.getName().equals("posts") && a.length == 5 && a[2] == PostKind.STREET_CADRE) {
				return page("s1".equals(a[0]) ? List.of(new Post("post9", "h1", PostKind.STREET_CADRE, "s1", LocalDate.of(2020, 1, 1), null,
						null, null)) : List.<Post>of(), (Paging) a[4]);
			}
			if (m.getName().equals("person")) {
				if ("p1".equals(a[0])) {
					return Optional.of(new org.touyan.api.registry.Person("p1", "d1", "李书记", "male", null, null, null, null, null, null));
				}
				return "h1".equals(a[0]) ? Optional.of(new org.touyan.api.registry.Person("h1", "d1", "王街道", "female", null, null, null,
						null, null, null)) : Optional.empty();
			}
			if (m.getName().equals("posts") && a.length == 1) {
				return "p1".equals(a[0]) ? List.of(new Post("post1", "p1", PostKind.COMMUNITY_SECRETARY, "c1", LocalDate.of(2021, 1, 1), null,
						null, null)) : List.of();
			}
			if (m.getName().equals("posts") && a.length == 5) {
				Paging paging = (Paging) a[4];
				List<Post> posts = a[0] != null && !a[0].equals("c1") ? List.of()
						: List.of(new Post("post1", "p1", PostKind.COMMUNITY_SECRETARY, "c1", LocalDate.of(2021, 1, 1), null, null, null));
				return page(posts, paging);
			}
			throw new UnsupportedOperationException(m.getName());
		});
	}

	/** Filings that record what is opened and withdrawn. */
	public Filings filings() {
		return (Filings) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Filings.class }, (p, m, a) -> {
			if (m.getName().equals("open")) {
				FilingInput in = (FilingInput) a[0];
				filed.add("open " + in.personId() + " " + in.postId() + " " + in.kind());
				return new Filing("filing" + filed.size(), in.districtId(), in.kind(), in.personId(), in.communityId(), in.postId(),
						in.effectiveDate(), FilingStatus.OPEN, List.of(), List.of(), List.of(), null, null, null);
			}
			if (m.getName().equals("withdraw")) {
				filed.add("withdraw " + a[0]);
				return null;
			}
			throw new UnsupportedOperationException(m.getName());
		});
	}

	/** An archive that records each append as "person action subject". */
	public Archive archive() {
		return (Archive) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Archive.class }, (p, m, a) -> {
			if (m.getName().equals("append")) {
				appended.add(a[1] + " " + a[3] + " " + a[4] + (a[5] == null ? "" : " (replacing)"));
				return null;
			}
			throw new UnsupportedOperationException(m.getName());
		});
	}
}
