package org.touyan.evaluation.internal.flow;

import org.touyan.evaluation.internal.cycle.CycleStatus;
import org.touyan.evaluation.internal.manage.Measures;
import org.touyan.evaluation.internal.review.Reviews;
import org.touyan.evaluation.internal.use.UseRecords;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.touyan.api.codes.CodeType;
import org.touyan.api.evaluation.NegativeConsequence;
import org.touyan.api.evaluation.SecretaryType;

/** Every code evaluation answers has its Chinese and English name in the catalogue. */
class EvaluationCodesTest {

	private static void names(Class<? extends Enum<?>> type, CodeType codes, String name) {
		assertEquals(name, codes.name());
		assertEquals(Arrays.stream(type.getEnumConstants()).map(Enum::name).toList(), List.copyOf(codes.codes().keySet()), name);
		codes.codes().forEach((code, n) -> {
			assertFalse(n.zh().isBlank(), code);
			assertFalse(n.en().isBlank(), code);
		});
	}

	@Test
	void everyValueOfEveryEvaluationTypeHasBothNames() {
		names(CycleStatus.class, new EvaluationCodes.CycleStatuses(), "cycleStatus");
		names(Reviews.Kind.class, new EvaluationCodes.ReviewKinds(), "reviewKind");
		names(Measures.Kind.class, new EvaluationCodes.MeasureKinds(), "measureKind");
		names(UseRecords.Kind.class, new EvaluationCodes.UseRecordKinds(), "useRecordKind");
		names(NegativeConsequence.class, new EvaluationCodes.IncidentConsequences(), "incidentConsequence");
		names(SecretaryType.class, new EvaluationCodes.SecretaryTypes(), "secretaryType");
		assertEquals("评分中", new EvaluationCodes.CycleStatuses().codes().get("OPEN").zh(), "the name the cycle's statusName carries");
		assertEquals("守摊", new EvaluationCodes.SecretaryTypes().codes().get("CARETAKER").zh());
	}
}
