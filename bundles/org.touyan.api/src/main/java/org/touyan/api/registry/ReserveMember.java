package org.touyan.api.registry;

import java.time.LocalDate;

/** A row of the reserve pool: the stay, with the person's name, birth date and age on the day asked. */
public record ReserveMember(ReserveMembership membership, String name, String gender, LocalDate birthDate, int age) {
}
