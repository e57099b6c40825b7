package org.touyan.plugin.negativelist.district;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.touyan.api.evaluation.NegativeConsequence;
import org.touyan.api.evaluation.NegativeItem;
import org.touyan.api.evaluation.NegativeListInput;
import org.touyan.api.evaluation.NegativeSeverity;
import org.touyan.api.evaluation.NegativeVerdict;

class DistrictNegativeListTest {

	private final DistrictNegativeList list = new DistrictNegativeList();

	private NegativeVerdict judge(int earlier, Map<String, String> parameters, String... codes) {
		List<NegativeItem> items = list.items().stream().filter(i -> List.of(codes).contains(i.code())).toList();
		return list.judge(new NegativeListInput("p", "c", LocalDate.of(2026, 3, 1), items, earlier, parameters));
	}

	@Test
	void fifteenSituationsWithUniqueCodesAndTheSpeechsSix() {
		assertEquals(15, list.items().size());
		Set<String> codes = new HashSet<>();
		list.items().forEach(i -> assertTrue(codes.add(i.code()), i.code()));
		for (String lighter : List.of("作风不实", "工作干劲不足", "履职评估结果较差")) {
			assertEquals(NegativeSeverity.LIGHTER, byName(lighter).severity(), lighter);
		}
		for (String serious : List.of("岗位目标任务完成差", "以权谋私", "群众反映强烈")) {
			assertEquals(NegativeSeverity.SERIOUS, byName(serious).severity(), serious);
		}
	}

	private NegativeItem byName(String name) {
		return list.items().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
	}

	@Test
	void lighterSituationsAreRectifiedAndTheVerdictNamesThem() {
		NegativeVerdict v = judge(0, Map.of(), "N01", "N02");
		assertEquals(NegativeConsequence.RECTIFICATION, v.consequence());
		assertEquals(30, v.rectificationDays());
		assertTrue(v.explanation().contains("作风不实") && v.explanation().contains("工作干劲不足"), v.explanation());
		assertEquals(15, judge(0, Map.of("rectification.days", "15"), "N05").rectificationDays());
	}

	@Test
	void aSeriousSituationOrARepeatLeadsToAdjustment() {
		NegativeVerdict serious = judge(0, Map.of(), "N01", "N11");
		assertEquals(NegativeConsequence.ADJUSTMENT, serious.consequence());
		assertTrue(serious.explanation().contains("以权谋私") && serious.explanation().contains("作风不实"), serious.explanation());
		assertEquals(NegativeConsequence.RECTIFICATION, judge(1, Map.of(), "N03").consequence());
		NegativeVerdict repeat = judge(2, Map.of(), "N03");
		assertEquals(NegativeConsequence.ADJUSTMENT, repeat.consequence());
		assertTrue(repeat.explanation().contains("履职评估结果较差"), repeat.explanation());
		assertEquals(NegativeConsequence.RECTIFICATION, judge(2, Map.of("repeat.limit", "3"), "N03").consequence());
	}
}
