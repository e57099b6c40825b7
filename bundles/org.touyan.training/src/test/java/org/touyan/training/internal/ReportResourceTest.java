package org.touyan.training.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touyan.api.exchange.PairingProgramme;
import org.touyan.api.training.TrainingBrand;
import org.touyan.training.internal.Fakes.FakeArchive;
import org.touyan.training.internal.Fakes.FakeDirectory;
import org.touyan.training.internal.Fakes.FakePolicies;
import org.touyan.training.internal.ReportResource.Report;
import org.touyan.training.internal.Training.BrandInput;
import org.touyan.training.internal.Training.PlanInput;

class ReportResourceTest {

	private ReportResource resource;
	private Pairing pairing;

	@BeforeEach
	void setUp() throws Exception {
		MemoryStore store = new MemoryStore("V1__training.sql", "V2__session_report.sql", "V3__plan_formats.sql");
		FakePolicies policies = new FakePolicies();
		policies.bound.put(TrainingBrand.class, new TrainingTest.HalfHourBrand());
		policies.bound.put(PairingProgramme.class, new PairingTest.Programme());
		FakeDirectory directory = new FakeDirectory().secretary("p1", "s1", LocalDate.of(1980, 1, 1), 3)
				.secretary("p2", "s2", LocalDate.of(1985, 1, 1), 2);
		Training training = new Training(store, policies, directory, new FakeArchive());
		training.createPlan(new PlanInput("d1", 2026, new BigDecimal("4"),
				List.of(new BrandInput("s1", "小灶课堂"), new BrandInput("s2", "治理小剧场")), null));
		pairing = new Pairing(store, policies, directory, new FakeArchive());
		resource = new ReportResource(training, new Exchange(store, directory, new FakeArchive()), pairing,
				new org.touyan.tabular.internal.TabularService());
	}

	@Test
	void theReportsKeysAreItsSectionsAsTheyAreDocumented() {
		List<String> keys = Arrays.stream(Report.class.getRecordComponents()).map(RecordComponent::getName).toList();
		List<String> expected = new ArrayList<>(List.of("districtId", "year"));
		expected.addAll(ReportResource.SECTIONS);
		assertEquals(expected, keys);
		Report r = resource.report("d1", "2026");
		assertEquals(0L, r.events().get("total"));
		pairing.createProject(new Pairing.ProjectInput("d1", "楼组自治", "p1", null, 2), "t");
		Report after = resource.report("d1", "2026");
		assertEquals(1L, after.projects().byStatus().get("PLANNED"));
		assertEquals(1L, after.projects().byStatus().get("total"));
		assertEquals(List.of("楼组自治"), after.projects().items().stream().map(Pairing.Project::title).toList());
	}

	@Test
	void theBrandsSectionMarksTheStreetsBrandsAndNotTheDistrictsTrainings() {
		Map<String, Boolean> street = new java.util.LinkedHashMap<>();
		resource.report("d1", "2026").brands().forEach(b -> street.put(b.name(), b.streetBrand()));
		assertEquals(Map.of("头雁领航", false, "精治社工", false, "小灶课堂", true, "治理小剧场", true), street);
		String csv = resource.table("brands", "d1", "2026").csv();
		assertTrue(csv.startsWith("\uFEFFprogrammeId,kind,streetBrand,streetId,name,"), csv);
		assertTrue(csv.contains("BRAND,true,s1,小灶课堂"), csv);
		assertTrue(csv.contains("ANNUAL,false,,头雁领航"), csv);
	}

	@Test
	void theDispatchesSectionCountsStartedRunningAndCumulative() {
		pairing.dispatch(new Pairing.DispatchInput("d1", "p1", "secondment", LocalDate.of(2025, 12, 1), LocalDate.of(2026, 1, 31)), "t");
		pairing.dispatch(new Pairing.DispatchInput("d1", "p2", "secondment", LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 30)), "t");
		pairing.dispatch(new Pairing.DispatchInput("d1", "p2", "secondment", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)), "t");
		ReportResource.Dispatches d = resource.report("d1", "2026").dispatches();
		assertEquals(1, d.startedInYear());
		assertEquals(2, d.runningInYear());
		assertEquals(3, d.cumulative());
		assertEquals(List.of(LocalDate.of(2025, 12, 1), LocalDate.of(2026, 3, 1)), d.items().stream().map(Pairing.Dispatch::startDate).toList());
	}
}
