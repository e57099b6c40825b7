package org.touyan.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.touyan.api.rest.ProblemException;

class IdNumberTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

	@Test
	void theStandardsExampleIsValidAndGivesBirthDateAndGender() {
		// the sample number published with GB 11643-1999
		IdNumber n = IdNumber.parse("idNumber", "11010519491231002x", TODAY);
		assertEquals("11010519491231002X", n.value());
		assertEquals(LocalDate.of(1949, 12, 31), n.birthDate());
		assertEquals("female", n.gender());
		assertEquals("male", IdNumber.parse("idNumber", withCheck("32010619850315001"), TODAY).gender());
	}

	@Test
	void everySingleDigitTypoIsCaught() {
		String good = withCheck("32010619850315001");
		for (int i = 0; i < 17; i++) {
			char d = good.charAt(i);
			char typo = (char) ('0' + (d - '0' + 1) % 10);
			String bad = good.substring(0, i) + typo + good.substring(i + 1);
			if (i == 0 && typo == '0') {
				continue;
			}
			ProblemException e = assertThrows(ProblemException.class, () -> IdNumber.parse("idNumber", bad, TODAY), bad);
			assertEquals("idNumber", e.field());
		}
	}

	@Test
	void shapeAndBirthDateAreChecked() {
		for (String bad : new String[] { null, "", "1101051949123100", "11010519491231002Y", "01010519491231002X" }) {
			assertEquals("idNumber", assertThrows(ProblemException.class, () -> IdNumber.parse("idNumber", bad, TODAY)).field());
		}
		String feb30 = withCheck("32010619850230001");
		assertThrows(ProblemException.class, () -> IdNumber.parse("idNumber", feb30, TODAY));
		String future = withCheck("32010620300101001");
		assertThrows(ProblemException.class, () -> IdNumber.parse("idNumber", future, TODAY));
	}

	/** A number with a correct check character, for tests. */
	static String withCheck(String first17) {
		return first17 + IdNumber.checkCharacter(first17);
	}
}
