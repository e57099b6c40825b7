package org.touyan.api.registry;

import java.time.LocalDate;

/**
 * What a client sends to register or correct a person. {@code gender} and {@code birthDate} may be
 * left out: they are read from the ID number, and when given they must agree with it.
 */
public record PersonInput(String districtId, String name, String gender, LocalDate birthDate, String idNumber,
		String phone, String education, LocalDate partyMemberSince) {
}
