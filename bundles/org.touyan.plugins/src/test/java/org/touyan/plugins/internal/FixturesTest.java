package org.touyan.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;
import org.touyan.api.evaluation.Classification;
import org.touyan.api.evaluation.ClassificationPolicy;
import org.touyan.api.evaluation.ReviewResult;
import org.touyan.api.evaluation.ReviewWeighting;
import org.touyan.api.evaluation.SecretaryType;
import org.touyan.api.policy.Policy;
import org.touyan.api.policy.PolicyFailureException;

class FixturesTest {

	@TempDir
	Path jar;

	/** Equal weights over the reviews given; 优秀 from 90, else 称职. */
	static final ReviewWeighting MEAN = input -> {
		List<BigDecimal> given = new ArrayList<>();
		for (BigDecimal b : new BigDecimal[] { input.self(), input.residents(), input.street(), input.organization() }) {
			if (b != null) {
				given.add(b);
			}
		}
		BigDecimal score = given.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(given.size()), 2,
				RoundingMode.HALF_UP);
		String cut = input.parameters().getOrDefault("grade.excellent", "90");
		return new ReviewResult(score, score.compareTo(new BigDecimal(cut)) >= 0 ? "优秀" : "称职", given.size() + " 评平均");
	};

	/** 示范 with 5 stars and 优秀, 守摊 when not rated, else 骨干. */
	static final ClassificationPolicy BY_STARS = input -> new Classification(input.stars() == null ? SecretaryType.CARETAKER
			: input.stars() == 5 && "优秀".equals(input.grade()) ? SecretaryType.MODEL : SecretaryType.BACKBONE, "按星级");

	@Test
	void reviewWeightingCasesPassWhenTheAnswersAreTheExpectedOnes() throws Exception {
		fixture("reviews.json", """
				{"policy": "mean", "cases": [
				  {"name": "四评俱全", "self": 80, "residents": 90, "ballots": 12, "street": 100, "organization": 90,
				   "expect": {"score": 90.00, "grade": "优秀"}},
				  {"name": "群众评议未计入", "self": 80, "residents": null, "ballots": 3, "street": 80, "organization": 83,
				   "expect": {"score": 81, "grade": "称职"}},
				  {"name": "参数", "self": 80, "street": 80, "organization": 80, "parameters": {"grade.excellent": "80"},
				   "expect": {"grade": "优秀"}}]}""");
		assertEquals(List.of(), run(entry(ReviewWeighting.class, "mean", MEAN)));
	}

	@Test
	void aFailingReviewWeightingFixtureNamesTheCaseAndWhatDiffers() throws Exception {
		fixture("reviews.json", """
				{"policy": "mean", "cases": [
				  {"name": "等次不对", "self": 80, "residents": 90, "ballots": 12, "street": 100, "organization": 90,
				   "expect": {"grade": "称职"}},
				  {"name": "分数不对", "self": 80, "residents": 90, "ballots": 12, "street": 100, "organization": 90,
				   "expect": {"score": 89.99}},
				  {"name": "通过", "self": 80, "expect": {"score": 80}}]}""");
		// a non-empty list is what makes the plugin manager refuse the version
		assertEquals(List.of("reviews.json / 等次不对: expected grade 称职, got 优秀",
				"reviews.json / 分数不对: expected score 89.99, got 90.00"), run(entry(ReviewWeighting.class, "mean", MEAN)));
	}

	@Test
	void classificationPolicyCasesCompareTheType() throws Exception {
		fixture("types.json", """
				{"policy": "by-stars", "cases": [
				  {"name": "示范", "stars": 5, "grade": "优秀", "starScore": 95.5, "assessmentScore": 92, "expect": {"type": "MODEL"}},
				  {"name": "未评星", "stars": null, "grade": null, "expect": {"type": "CARETAKER"}},
				  {"name": "写错了", "stars": 5, "grade": "称职", "expect": {"type": "MODEL"}}]}""");
		assertEquals(List.of("types.json / 写错了: expected type MODEL, got BACKBONE"),
				run(entry(ClassificationPolicy.class, "by-stars", BY_STARS)));
	}

	@Test
	void aPolicyThatFailsOnACaseFailsThatCase() throws Exception {
		fixture("types.json", """
				{"policy": "broken", "cases": [{"name": "抛出异常", "stars": 3, "expect": {"type": "POTENTIAL"}}]}""");
		ClassificationPolicy broken = input -> {
			throw new IllegalStateException("no thresholds");
		};
		List<String> failures = run(entry(ClassificationPolicy.class, "broken", broken));
		assertEquals(1, failures.size());
		assertEquals("types.json / 抛出异常: 策略插件 broken (test.plugin 1.0.0, binding r0) 出错：failed with an error", failures.get(0));
	}

	@Test
	void aFixtureForAPolicyThePluginDoesNotProvideIsAFailure() throws Exception {
		fixture("other.json", """
				{"policy": "other", "cases": [{"name": "x", "stars": 5, "expect": {"type": "MODEL"}}]}""");
		assertEquals(List.of("other.json is for policy 'other', which this plugin does not provide"),
				run(entry(ClassificationPolicy.class, "by-stars", BY_STARS)));
	}

	private void fixture(String name, String json) throws Exception {
		Path folder = Files.createDirectories(jar.resolve(Fixtures.FOLDER));
		Files.writeString(folder.resolve(name), json);
	}

	/** Runs the jar's fixtures as the plugin manager does, an exception in the policy becoming a failed call. */
	private List<String> run(PolicyIndex.Entry entry) {
		return Fixtures.run(bundle(), List.of(entry), new Fixtures.Runner() {
			@Override
			public <R> R call(PolicyIndex.Entry e, Function<Object, R> work) {
				try {
					return work.apply(e.service);
				} catch (RuntimeException thrown) {
					throw new PolicyFailureException(e.provenance(0), "failed with an error", thrown);
				}
			}
		});
	}

	/** A plugin bundle whose entries are the files under {@link #jar}. */
	private Bundle bundle() {
		return (Bundle) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Bundle.class }, (p, m, a) -> switch (m.getName()) {
		case "findEntries" -> {
			List<URL> urls = new ArrayList<>();
			try (var files = Files.list(jar.resolve((String) a[0]))) {
				for (Path f : files.sorted().toList()) {
					urls.add(f.toUri().toURL());
				}
			}
			yield Collections.enumeration(urls);
		}
		case "getSymbolicName" -> "test.plugin";
		case "getVersion" -> new Version("1.0.0");
		case "getBundleId" -> 42L;
		case "hashCode" -> System.identityHashCode(p);
		case "equals" -> p == a[0];
		default -> throw new UnsupportedOperationException(m.getName());
		});
	}

	@SuppressWarnings("unchecked")
	private PolicyIndex.Entry entry(Class<?> spi, String policyId, Object service) {
		Map<String, Object> properties = Map.of(Constants.OBJECTCLASS, new String[] { spi.getName() }, Policy.ID, policyId, Policy.NAME,
				policyId);
		Bundle bundle = bundle();
		ServiceReference<Object> reference = (ServiceReference<Object>) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { ServiceReference.class }, (p, m, a) -> switch (m.getName()) {
				case "getProperty" -> properties.get(a[0]);
				case "getBundle" -> bundle;
				case "hashCode" -> System.identityHashCode(p);
				case "equals" -> p == a[0];
				default -> throw new UnsupportedOperationException(m.getName());
				});
		return new PolicyIndex.Entry(reference, Objects.requireNonNull(service));
	}
}
