package org.touyan.api.registry;

import java.time.LocalDate;

import org.touyan.api.rest.Nullable;

/**
 * What a client sends to register or correct a person. {@code gender} and {@code birthDate} may be
 * left out: they are read from the ID number, and when given they must agree with it.
 */
public record PersonInput(@Nullable String districtId, String name, @Nullable String gender, @Nullable LocalDate birthDate, String idNumber,
		@Nullable String phone, @Nullable String education, @Nullable LocalDate partyMemberSince) {
}
