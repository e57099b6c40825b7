package org.touyan.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.touyan.api.registry.Filing;
import org.touyan.api.registry.FilingKind;
import org.touyan.api.registry.FilingStatus;
import org.touyan.api.registry.FilingStep;
import org.touyan.api.registry.FilingStepDefinition;
import org.touyan.api.registry.Vetting;
import org.touyan.api.registry.VettingInput;
import org.touyan.api.rest.ProblemException;

class FilingMachineTest {

	private static Filing filing(int stepsDone, FilingStatus status, List<Vetting> vettings, List<String> pending) {
		List<FilingStep> steps = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			FilingStepDefinition d = FilingMachine.DEFAULT_STEPS.get(i);
			steps.add(new FilingStep(i + 1, d.code(), d.name(), i < stepsDone ? Instant.EPOCH : null, null, null));
		}
		return new Filing("f", "d", FilingKind.APPOINTMENT, "p", "k", null, LocalDate.of(2026, 1, 1), status, steps,
				vettings, pending, null, null, null);
	}

	private static Vetting verdict(String department, boolean passed) {
		return new Vetting(department, passed, passed ? null : "受到党纪处分影响期未满", Instant.EPOCH, "x");
	}

	@Test
	void stepsAreDoneInOrderAndOnce() {
		Filing fresh = filing(0, FilingStatus.OPEN, List.of(), List.of());
		assertEquals("PROPOSAL", FilingMachine.step(fresh, 1).code());
		ProblemException skipped = assertThrows(ProblemException.class, () -> FilingMachine.step(fresh, 3));
		assertEquals(409, skipped.status());
		assertTrue(skipped.detail().contains("动议酝酿"), skipped.detail());
		Filing two = filing(2, FilingStatus.OPEN, List.of(), List.of());
		assertEquals(409, assertThrows(ProblemException.class, () -> FilingMachine.step(two, 2)).status());
		assertEquals("INSPECTION", FilingMachine.step(two, 3).code());
		assertEquals("position", assertThrows(ProblemException.class, () -> FilingMachine.step(two, 7)).field());
		assertEquals("position", assertThrows(ProblemException.class, () -> FilingMachine.step(two, 0)).field());
	}

	@Test
	void aClosedFilingRefusesEveryTransition() {
		for (FilingStatus closed : List.of(FilingStatus.FILED, FilingStatus.WITHDRAWN)) {
			Filing f = filing(3, closed, List.of(), List.of());
			assertEquals(409, assertThrows(ProblemException.class, () -> FilingMachine.step(f, 4)).status());
			assertEquals(409, assertThrows(ProblemException.class,
					() -> FilingMachine.vetting(f, new VettingInput("a", true, null), Set.of("a"))).status());
			assertEquals(409, assertThrows(ProblemException.class, () -> FilingMachine.file(f)).status());
		}
	}

	@Test
	void vettingComesOnceFromAVettingDepartmentAndAFailSaysWhy() {
		Filing f = filing(1, FilingStatus.OPEN, List.of(verdict("a", true)), List.of("b"));
		FilingMachine.vetting(f, new VettingInput("b", true, null), Set.of("a", "b"));
		assertEquals("departmentId", assertThrows(ProblemException.class,
				() -> FilingMachine.vetting(f, new VettingInput("c", true, null), Set.of("a", "b"))).field());
		ProblemException twice = assertThrows(ProblemException.class,
				() -> FilingMachine.vetting(f, new VettingInput("a", false, "x"), Set.of("a", "b")));
		assertEquals(409, twice.status());
		assertEquals("note", assertThrows(ProblemException.class,
				() -> FilingMachine.vetting(f, new VettingInput("b", false, " "), Set.of("a", "b"))).field());
		assertEquals("passed", assertThrows(ProblemException.class,
				() -> FilingMachine.vetting(f, new VettingInput("b", null, null), Set.of("a", "b"))).field());
	}

	@Test
	void districtFilingNeedsEveryStepEveryVerdictAndNoFail() {
		assertTrue(assertThrows(ProblemException.class,
				() -> FilingMachine.file(filing(5, FilingStatus.OPEN, List.of(verdict("a", true)), List.of()))).detail()
				.contains("任职谈话"));
		assertTrue(assertThrows(ProblemException.class,
				() -> FilingMachine.file(filing(6, FilingStatus.OPEN, List.of(verdict("a", true)), List.of("b")))).detail()
				.contains("b"));
		ProblemException failed = assertThrows(ProblemException.class,
				() -> FilingMachine.file(filing(6, FilingStatus.OPEN, List.of(verdict("a", true), verdict("b", false)), List.of())));
		assertTrue(failed.detail().contains("受到党纪处分影响期未满"), failed.detail());
		FilingMachine.file(filing(6, FilingStatus.OPEN, List.of(verdict("a", true), verdict("b", true)), List.of()));
	}

	@Test
	void aDistrictConfiguresSixStepsKeepingTheFixedThree() {
		List<FilingStepDefinition> mine = new ArrayList<>(FilingMachine.DEFAULT_STEPS);
		mine.set(5, new FilingStepDefinition("ARCHIVE", "建档备案", null));
		assertEquals("建档备案", FilingMachine.definitions(mine).get(5).name());
		assertEquals("steps", assertThrows(ProblemException.class,
				() -> FilingMachine.definitions(mine.subList(0, 5))).field());
		List<FilingStepDefinition> swapped = new ArrayList<>(mine);
		swapped.set(1, mine.get(2));
		swapped.set(2, mine.get(1));
		assertEquals("[1].code", assertThrows(ProblemException.class, () -> FilingMachine.definitions(swapped)).field());
		List<FilingStepDefinition> twice = new ArrayList<>(mine);
		twice.set(4, mine.get(3));
		assertEquals("[4].code", assertThrows(ProblemException.class, () -> FilingMachine.definitions(twice)).field());
	}
}
