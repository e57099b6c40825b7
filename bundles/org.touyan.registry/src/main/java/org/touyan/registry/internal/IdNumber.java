package org.touyan.registry.internal;

import java.time.DateTimeException;
import java.time.LocalDate;

import org.touyan.api.rest.ProblemException;

/**
 * The resident ID number (公民身份号码) of GB 11643-1999: 6 digits of address code, 8 of birth
 * date, 3 of sequence (odd for men, even for women) and a check character over the first 17 by
 * ISO 7064 MOD 11-2. Checked here so a mistyped number never enters the registry.
 */
record IdNumber(String value, LocalDate birthDate, String gender) {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
	private static final String CHECK = "10X98765432";

	/** Parses and checks {@code text} (a lower-case x is accepted); a failure names {@code field}. */
	static IdNumber parse(String field, String text, LocalDate today) {
		String v = text == null ? "" : text.strip().toUpperCase();
		if (!v.matches("[1-9][0-9]{16}[0-9X]")) {
			throw ProblemException.invalid(field, "身份证号应为 18 位：17 位数字加 1 位数字或 X",
					field + " must be 18 characters: 17 digits and a digit or X");
		}
		if (checkCharacter(v.substring(0, 17)) != v.charAt(17)) {
			throw ProblemException.invalid(field, "身份证号校验位不符（GB 11643），请核对是否录入有误",
					field + " has a wrong check character (GB 11643): it is mistyped");
		}
		LocalDate birth;
		try {
			birth = LocalDate.of(Integer.parseInt(v.substring(6, 10)), Integer.parseInt(v.substring(10, 12)),
					Integer.parseInt(v.substring(12, 14)));
		} catch (DateTimeException e) {
			throw ProblemException.invalid(field, "身份证号中的出生日期无效", field + " holds no valid birth date");
		}
		if (birth.getYear() < 1900 || birth.isAfter(today)) {
			throw ProblemException.invalid(field, "身份证号中的出生日期超出范围：" + birth, field + " holds a birth date out of range: " + birth);
		}
		return new IdNumber(v, birth, (v.charAt(16) - '0') % 2 == 1 ? "male" : "female");
	}

	/** The 18th character for the first 17 digits. */
	static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK.charAt(sum % 11);
	}
}
